import type { CommunityEventView, Page } from '@pathways/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { queryClient } from '../../../lib/query-client';
import { buildMe } from '../../../test/factories';
import { errorBody } from '../../../test/render';
import { startRoutes } from '../../../test/routes';

function buildEvent(overrides: Partial<CommunityEventView> = {}): CommunityEventView {
  return {
    id: '5b1f3c2a-7d4e-4f6a-9b8c-0d1e2f3a4b5c',
    type: 'SAFETY_PATROL',
    title: 'Morning patrol',
    occurredOn: '2026-03-02',
    schoolId: null,
    schoolName: null,
    participantCount: 40,
    partners: [],
    createdAt: '2026-03-02T17:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const page = (items: CommunityEventView[]): Page<CommunityEventView> => ({
  items,
  total: items.length,
  totalCapped: false,
  page: 1,
  pageSize: 100,
});

beforeEach(() => {
  queryClient.clear();
  sessionStorage.setItem('pathways.csrf', 'csrf-abc');
});
afterEach(() => sessionStorage.clear());

test('a 409 on an edit reloads the latest on request, keeps what was typed over it, and saves with its version', async () => {
  let stored = buildEvent({ version: 1 });
  const patches: Record<string, unknown>[] = [];
  const { router } = startRoutes(
    `/community-events/${stored.id}/edit`,
    {
      'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'SRO' }) }),
      'GET /api/community-events': () => ({ status: 200, body: page([stored]) }),
      [`PATCH /api/community-events/${stored.id}`]: (init) => {
        const body = JSON.parse(init.body as string) as Record<string, unknown>;
        patches.push(body);
        if (body.version !== stored.version)
          return {
            status: 409,
            body: errorBody(409, 'Conflict', 'Stale', {
              code: 'STALE_VERSION',
              currentVersion: stored.version,
            }),
          };
        stored = { ...stored, participantCount: Number(body.participantCount), version: stored.version + 1 };
        return { status: 200, body: stored };
      },
    },
    { emptyGets: true },
  );
  const user = userEvent.setup();
  const count = await screen.findByLabelText(/^Participants/);
  // Meanwhile another officer saved the event.
  stored = { ...stored, title: 'Patrol, north gate', version: 2 };

  await user.clear(count);
  await user.type(count, '55');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  const conflict = await screen.findByTestId('conflict-alert');
  expect(conflict).toHaveTextContent('Someone else changed this record');
  expect(conflict).toHaveTextContent('it is now version 2');
  expect(conflict).toHaveTextContent('keeps the changes you made here');
  await user.click(within(conflict).getByRole('button', { name: 'Reload latest' }));
  expect(await within(conflict).findByText(/The form now shows the latest version/)).toBeInTheDocument();
  // The other officer's title, and this officer's count.
  expect(screen.getByLabelText(/^Title/)).toHaveValue('Patrol, north gate');
  expect(screen.getByLabelText(/^Participants/)).toHaveValue('55');

  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  await waitFor(() => expect(router.state.location.pathname).toBe('/community-events'));
  expect(patches.map((p) => [p.version, p.title, p.participantCount])).toEqual([
    [1, 'Morning patrol', 55],
    [2, 'Patrol, north gate', 55],
  ]);
  expect(await screen.findByText('Event saved.')).toBeInTheDocument();
});

test('leaving the edit page with changes asks first', async () => {
  const event = buildEvent();
  const { router } = startRoutes(
    `/community-events/${event.id}/edit`,
    {
      'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'SRO' }) }),
      'GET /api/community-events': () => ({ status: 200, body: page([event]) }),
    },
    { emptyGets: true },
  );
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/^Title/), ' (rain)');

  await user.click(screen.getByRole('button', { name: 'Cancel' }));

  expect(await screen.findByRole('alertdialog', { name: 'Leave without saving?' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe(`/community-events/${event.id}/edit`);
});
