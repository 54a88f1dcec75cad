import type { CaseDetail, NoteView } from '@pathways/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseDetail, buildNote } from '../../../../test/factories';
import { mockFetch, renderWithProviders } from '../../../../test/render';
import { NotesTab } from './notes-tab';

function serve(detail: CaseDetail, notes: NoteView[]) {
  return mockFetch((url, init) => {
    if (url === `/api/cases/${detail.id}/notes` && (init.method ?? 'GET') === 'GET')
      return { status: 200, body: notes };
    if (url === `/api/cases/${detail.id}/notes`) return { status: 201, body: buildNote() };
    return { status: 404 };
  });
}

async function kindOptions() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Write a note' }));
  const dialog = await screen.findByRole('dialog', { name: 'Write a note' });
  return within(within(dialog).getByLabelText(/^kind/i))
    .getAllByRole('option')
    .map((option) => option.textContent);
}

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('offers clinical and psychotherapy notes only to a writer with writeClinical', async () => {
  const detail = buildCaseDetail({
    abilities: { write: true, readClinical: true, writeClinical: true, supervise: false },
  });
  serve(detail, []);
  renderWithProviders(<NotesTab detail={detail} />);

  expect(await kindOptions()).toEqual(['Case note', 'Clinical note', 'Psychotherapy note']);
});

test('offers a supervisor without writeClinical case notes only', async () => {
  const detail = buildCaseDetail({
    abilities: { write: true, readClinical: true, writeClinical: false, supervise: true },
  });
  serve(detail, []);
  renderWithProviders(<NotesTab detail={detail} />);

  expect(await kindOptions()).toEqual(['Case note']);
});

test('renders the server-sanitized body as markup, with the kind in words', async () => {
  const detail = buildCaseDetail();
  serve(detail, [buildNote({ kind: 'CLINICAL', body: '<p>Jordan <strong>engaged</strong> well.</p>' })]);
  renderWithProviders(<NotesTab detail={detail} />);

  const list = await screen.findByTestId('note-list');
  expect(within(list).getByText('engaged').tagName).toBe('STRONG');
  expect(within(list).getByText('Clinical note')).toBeInTheDocument();
});

test('amends a note with a new note that points to it, never an edit', async () => {
  const detail = buildCaseDetail();
  const original = buildNote({ body: '<p>Met on Tuesday.</p>' });
  const fetchMock = serve(detail, [original]);
  renderWithProviders(<NotesTab detail={detail} />);
  const user = userEvent.setup();

  await user.click(await screen.findByRole('button', { name: 'Amend' }));
  const dialog = await screen.findByRole('dialog', { name: 'Amend a note' });
  expect(within(dialog).getByLabelText(/^kind/i)).toBeDisabled();
  await user.type(within(dialog).getByLabelText(/^note/i), 'It was Wednesday, not Tuesday.');
  await user.click(within(dialog).getByRole('button', { name: 'Save the amendment' }));

  await waitFor(() =>
    expect(fetchMock.mock.calls.some(([, init]) => (init as RequestInit).method === 'POST')).toBe(true),
  );
  const post = fetchMock.mock.calls.find(([, init]) => (init as RequestInit).method === 'POST') as [
    string,
    RequestInit,
  ];
  expect(JSON.parse(post[1].body as string)).toEqual({
    kind: 'CASE_NOTE',
    body: 'It was Wednesday, not Tuesday.',
    amends: original.id,
  });
});
