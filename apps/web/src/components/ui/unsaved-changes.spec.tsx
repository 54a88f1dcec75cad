import { TextInput } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { AppProviders } from '../../app/providers';
import { suspendUnsavedChangesGuards } from '../../lib/leave-guard';
import { FormDialog } from './form-dialog';
import { UnsavedChangesProvider, useUnsavedChangesGuard } from './unsaved-changes';

/** A form with one field: its input is unsaved until "Save" releases it. */
function NoteForm({ onSaved }: { onSaved?: () => void }) {
  const [text, setText] = useState('');
  const guard = useUnsavedChangesGuard(text !== '');
  return (
    <>
      <TextInput label="Note" value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <button
        type="button"
        onClick={() => {
          guard.release();
          onSaved?.();
        }}
      >
        Save
      </button>
    </>
  );
}

function DialogForm() {
  const [open, setOpen] = useState(true);
  return (
    <>
      <p>{open ? 'dialog open' : 'dialog closed'}</p>
      <FormDialog opened={open} title="Write a note" onClose={() => setOpen(false)}>
        <NoteForm />
      </FormDialog>
    </>
  );
}

function start(page: React.ReactNode) {
  const router = createMemoryRouter(
    [
      {
        element: (
          <UnsavedChangesProvider>
            <Link to="/elsewhere">Elsewhere</Link>
            {page}
            <Outlet />
          </UnsavedChangesProvider>
        ),
        children: [
          { path: '/form', element: null },
          { path: '/elsewhere', element: <p>Another page</p> },
        ],
      },
    ],
    { initialEntries: ['/form'] },
  );
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, user: userEvent.setup() };
}

test('asks before leaving with unsaved input, in an alert dialog that starts on "Stay"; staying keeps the input', async () => {
  const { router, user } = start(<NoteForm />);
  await user.type(screen.getByLabelText('Note'), 'Called the mother');

  await user.click(screen.getByRole('link', { name: 'Elsewhere' }));

  const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
  expect(dialog).toHaveAccessibleDescription(/not saved/);
  await waitFor(() =>
    expect(within(dialog).getByRole('button', { name: 'Stay on this page' })).toHaveFocus(),
  );
  await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
  expect(router.state.location.pathname).toBe('/form');
  expect(screen.getByLabelText('Note')).toHaveValue('Called the mother');
});

test('leaves without saving when asked to', async () => {
  const { router, user } = start(<NoteForm />);
  await user.type(screen.getByLabelText('Note'), 'Called the mother');
  await user.click(screen.getByRole('link', { name: 'Elsewhere' }));

  await user.click(await screen.findByRole('button', { name: 'Leave without saving' }));

  expect(await screen.findByText('Another page')).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/elsewhere');
});

test('lets the person go without a question once the input is saved', async () => {
  const { router, user } = start(<NoteForm />);
  await user.type(screen.getByLabelText('Note'), 'Called the mother');
  await user.click(screen.getByRole('button', { name: 'Save' }));

  await user.click(screen.getByRole('link', { name: 'Elsewhere' }));

  expect(await screen.findByText('Another page')).toBeInTheDocument();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/elsewhere');
});

test('asks the browser to confirm closing or reloading the tab while input is unsaved', async () => {
  const { user } = start(<NoteForm />);
  const unload = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  expect(unload()).toBe(false);

  await user.type(screen.getByLabelText('Note'), 'x');

  expect(unload()).toBe(true);
});

test('a form dialog asks before Escape throws its input away; Escape on the question keeps both open', async () => {
  const { user } = start(<DialogForm />);
  const form = await screen.findByRole('dialog', { name: 'Write a note' });
  await user.type(within(form).getByLabelText('Note'), 'Called the mother');

  fireEvent.keyDown(within(form).getByLabelText('Note'), { key: 'Escape' });
  const question = await screen.findByRole('alertdialog', { name: 'Discard your changes?' });
  await waitFor(() => expect(within(question).getByRole('button', { name: 'Keep editing' })).toHaveFocus());
  await user.keyboard('{Escape}');

  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  expect(screen.getByText('dialog open')).toBeInTheDocument();
  expect(within(form).getByLabelText('Note')).toHaveValue('Called the mother');

  await user.click(within(form).getByRole('button', { name: 'Close' }));
  await user.click(await screen.findByRole('button', { name: 'Discard changes' }));
  expect(await screen.findByText('dialog closed')).toBeInTheDocument();
});

test('a form dialog with nothing typed closes at once', async () => {
  const { user } = start(<DialogForm />);
  const form = await screen.findByRole('dialog', { name: 'Write a note' });

  await user.click(within(form).getByRole('button', { name: 'Close' }));

  expect(await screen.findByText('dialog closed')).toBeInTheDocument();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});

test('an ended session goes to sign-in without the question (the input could not be saved anyway)', async () => {
  const { router, user } = start(<NoteForm />);
  await user.type(screen.getByLabelText('Note'), 'Called the mother');

  suspendUnsavedChangesGuards();
  await router.navigate('/elsewhere');

  expect(await screen.findByText('Another page')).toBeInTheDocument();
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});
