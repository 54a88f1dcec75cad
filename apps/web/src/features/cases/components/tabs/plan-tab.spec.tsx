import type { GoalView } from '@pathways/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseDetail } from '../../../../test/factories';
import { errorBody, mockFetch, renderWithProviders } from '../../../../test/render';
import { PlanTab } from './plan-tab';

const detail = buildCaseDetail();
const goal: GoalView = {
  id: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f',
  caseId: detail.id,
  domain: 'SCHOOL_ATTENDANCE_ENGAGEMENT',
  description: 'Attend every school day for four weeks',
  dueAt: null,
  status: 'IN_PROGRESS',
  version: 2,
  createdAt: '2026-03-06T17:00:00.000Z',
  updatedAt: '2026-03-06T17:00:00.000Z',
};

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('changes a goal status at once and puts it back, with the conflict in words, when the API refuses', async () => {
  let answer!: (value: unknown) => void;
  const gate = new Promise((resolve) => (answer = resolve));
  const fetchMock = mockFetch((url, init) => {
    if (url.endsWith('/goals') && (init.method ?? 'GET') === 'GET') return { status: 200, body: [goal] };
    if (url.endsWith('/accountability-items')) return { status: 200, body: [] };
    return { status: 409, body: errorBody(409, 'Conflict', 'Stale version', { currentVersion: 3 }) };
  });
  // Hold the PATCH answer until the optimistic state has been seen.
  const fetchImpl = fetchMock.getMockImplementation()!;
  fetchMock.mockImplementation((input: string, init: RequestInit = {}) =>
    init.method === 'PATCH' ? gate.then(() => fetchImpl(input, init)) : fetchImpl(input, init),
  );
  renderWithProviders(<PlanTab detail={detail} />);
  const user = userEvent.setup();

  const select = await screen.findByRole('combobox', { name: `Status of the goal: ${goal.description}` });
  await user.selectOptions(select, 'ACHIEVED');

  await waitFor(() => expect(select).toHaveValue('ACHIEVED'));
  answer(undefined);
  const conflict = await screen.findByTestId('conflict-alert');
  expect(conflict).toHaveTextContent('Someone else saved this record first (now version 3)');
  await waitFor(() => expect(select).toHaveValue('IN_PROGRESS'));
  const patch = fetchMock.mock.calls.find(([, i]) => (i as RequestInit).method === 'PATCH') as [
    string,
    RequestInit,
  ];
  expect(patch[0]).toBe(`/api/cases/${detail.id}/goals/${goal.id}`);
  expect(JSON.parse(patch[1].body as string)).toEqual({ version: 2, status: 'ACHIEVED' });
});

test('shows accountability progress in its unit, with verification', async () => {
  mockFetch((url) => {
    if (url.endsWith('/goals')) return { status: 200, body: [] };
    return {
      status: 200,
      body: [
        {
          id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
          caseId: detail.id,
          type: 'COMMUNITY_SERVICE_HOURS',
          description: 'Park clean-up',
          requiredAmount: 10,
          completedAmount: 4,
          dueAt: null,
          verifiedBy: null,
          verifiedByName: null,
          verifiedAt: null,
          version: 1,
          createdAt: '2026-03-06T17:00:00.000Z',
        },
      ],
    };
  });
  renderWithProviders(<PlanTab detail={detail} />);

  const items = await screen.findByTestId('item-list');
  expect(items).toHaveTextContent('4 hours of 10 hours');
  expect(items).toHaveTextContent('Not verified');
  expect(within(items).getByRole('button', { name: 'Verify' })).toBeInTheDocument();
});
