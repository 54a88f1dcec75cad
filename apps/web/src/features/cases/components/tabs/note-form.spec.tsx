import type { CaseDetail } from '@pathways/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseDetail, buildNote } from '../../../../test/factories';
import { errorBody, mockFetch, renderWithProviders, type FakeResponse } from '../../../../test/render';
import { NotesTab } from './notes-tab';

function serve(detail: CaseDetail, post: () => FakeResponse) {
  return mockFetch((url, init) => {
    if (url === `/api/cases/${detail.id}/notes` && (init.method ?? 'GET') === 'GET')
      return { status: 200, body: [] };
    if (url === `/api/cases/${detail.id}/notes`) return post();
    return { status: 404, body: errorBody(404, 'Not Found', 'Not found') };
  });
}

async function writeNote(text: string) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Write a note' }));
  const dialog = await screen.findByRole('dialog', { name: 'Write a note' });
  await user.type(within(dialog).getByLabelText(/^Note/), text);
  return { user, dialog };
}

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('asks before a stray Escape throws a half-written note away', async () => {
  const detail = buildCaseDetail();
  serve(detail, () => ({ status: 201, body: buildNote() }));
  renderWithProviders(<NotesTab detail={detail} />);
  const { user, dialog } = await writeNote('Met with Jordan and his mother');

  fireEvent.keyDown(within(dialog).getByLabelText(/^Note/), { key: 'Escape' });

  const question = await screen.findByRole('alertdialog', { name: 'Discard your changes?' });
  await user.click(within(question).getByRole('button', { name: 'Keep editing' }));
  expect(within(dialog).getByLabelText(/^Note/)).toHaveValue('Met with Jordan and his mother');
});

test('a saved note closes its dialog without a question, with a toast', async () => {
  const detail = buildCaseDetail();
  serve(detail, () => ({ status: 201, body: buildNote() }));
  renderWithProviders(<NotesTab detail={detail} />);
  const { user, dialog } = await writeNote('Met with Jordan and his mother');

  await user.click(within(dialog).getByRole('button', { name: 'Save the note' }));

  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Write a note' })).not.toBeInTheDocument());
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(await screen.findByText('Note saved.')).toBeInTheDocument();
});

test('a 409 says what changed and that reloading closes the form, while the note is still there to copy', async () => {
  const detail = buildCaseDetail();
  serve(detail, () => ({
    status: 409,
    body: errorBody(409, 'Conflict', 'Closed', { code: 'CASE_CLOSED', currentStatus: 'CLOSED' }),
  }));
  renderWithProviders(<NotesTab detail={detail} />);
  const { user, dialog } = await writeNote('Met with Jordan and his mother');

  await user.click(within(dialog).getByRole('button', { name: 'Save the note' }));

  const conflict = await within(dialog).findByTestId('conflict-alert');
  expect(conflict).toHaveTextContent('This case changed');
  expect(conflict).toHaveTextContent('it is now “Closed”');
  expect(conflict).toHaveTextContent('Reloading closes this form, and what you typed in it is lost');
  expect(within(dialog).getByLabelText(/^Note/)).toHaveValue('Met with Jordan and his mother');
});
