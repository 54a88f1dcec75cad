import type { CaseDetail, Me } from '@pathways/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionProvider } from '../../../../lib/session';
import { buildCaseDetail, buildMe, buildTask, buildTaskList } from '../../../../test/factories';
import { errorBody, mockFetch, renderWithProviders, type FakeResponse } from '../../../../test/render';
import type { CaseLinks } from '../case-links';
import { CaseDetailScreen, type CaseTab } from './case-detail-screen';

const links: CaseLinks = {
  list: '/cases',
  detail: (id) => `/cases/${id}`,
  referral: (id) => `/referrals/${id}`,
  noticePrint: (id) => `/notices/${id}/print`,
};
const now = new Date('2026-03-25T17:00:00.000Z');

type Api = Record<string, (init: RequestInit) => FakeResponse>;

/** GET lists answer empty unless a route says otherwise; anything else unexpected is a 500 the test would notice. */
function fakeApi(routes: Api = {}) {
  return mockFetch((url, init) => {
    const key = `${init.method ?? 'GET'} ${url.split('?')[0]}`;
    const route = routes[key];
    if (route) return route(init);
    if ((init.method ?? 'GET') === 'GET') return { status: 200, body: [] };
    return { status: 500, body: errorBody(500, 'Error', `unexpected ${key}`) };
  });
}

function renderCase(detail: CaseDetail, me: Me, tab: CaseTab = 'overview') {
  const onTabChange = jest.fn();
  renderWithProviders(
    <SessionProvider me={me}>
      <CaseDetailScreen detail={detail} links={links} tab={tab} onTabChange={onTabChange} now={now} />
    </SessionProvider>,
  );
  return { onTabChange };
}

const supervisor = buildMe({ role: 'PROVIDER_SUPERVISOR', displayName: 'Sam Supervisor' });
const supervisorAbilities = { write: true, readClinical: true, writeClinical: false, supervise: true };

function inReview(requestedBy: string): CaseDetail {
  return buildCaseDetail({
    status: 'CLOSURE_REVIEW',
    abilities: supervisorAbilities,
    closure: {
      ...buildCaseDetail().closure,
      requestedAt: '2026-03-24T17:00:00.000Z',
      requestedBy,
      requestedByName: 'Sam Supervisor',
      reason: 'COMPLETED_ALL_GOALS',
      summary: 'All goals met; family satisfied.',
    },
  });
}

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('hides approve-closure from the supervisor who requested the closure, and says why', async () => {
  fakeApi();
  renderCase(inReview(supervisor.id), supervisor);

  expect(await screen.findByTestId('approve-hidden-reason')).toHaveTextContent(
    'You asked for this closure, so another supervisor must approve it.',
  );
  expect(screen.queryByRole('button', { name: /approve closure/i })).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: /reject closure/i })).toBeInTheDocument();
});

test('offers approve-closure to another supervisor and closes the case with its version', async () => {
  const detail = inReview('00000000-0000-4000-8000-0000000000ff');
  const fetchMock = fakeApi({
    [`POST /api/cases/${detail.id}/approve-closure`]: () => ({
      status: 200,
      body: { ...detail, status: 'CLOSED', version: 2 },
    }),
  });
  renderCase(detail, supervisor);
  const user = userEvent.setup();

  expect(screen.queryByTestId('approve-hidden-reason')).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: /approve closure/i }));
  const dialog = await screen.findByRole('dialog', { name: 'Approve the closure' });
  expect(dialog).toHaveTextContent('its record is sealed (WIC 827.95)');
  await user.click(within(dialog).getByRole('button', { name: 'Approve and close' }));

  await waitFor(() =>
    expect(fetchMock).toHaveBeenCalledWith(`/api/cases/${detail.id}/approve-closure`, expect.anything()),
  );
  const call = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/approve-closure')) as [
    string,
    RequestInit,
  ];
  expect(JSON.parse(call[1].body as string)).toEqual({ version: detail.version });
});

test('a 409 on a closure request names the status and version the case has now, and offers to reload', async () => {
  const counselor = buildMe({ role: 'COUNSELOR' });
  const detail = buildCaseDetail({ version: 3 });
  const fetchMock = fakeApi({
    [`POST /api/cases/${detail.id}/request-closure`]: () => ({
      status: 409,
      body: errorBody(409, 'Conflict', 'Stale version', {
        currentStatus: 'CLOSURE_REVIEW',
        currentVersion: 4,
      }),
    }),
  });
  renderCase(detail, counselor);
  const user = userEvent.setup();

  await user.click(screen.getByRole('button', { name: 'Request closure…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Request closure' });
  await user.selectOptions(within(dialog).getByLabelText(/^reason/i), 'COMPLETED_MOST_GOALS');
  expect(within(dialog).getByText(/closes the case as: Successful/)).toBeInTheDocument();
  await user.type(within(dialog).getByLabelText(/summary/i), 'Most goals met; attendance improved.');
  await user.click(within(dialog).getByRole('button', { name: 'Send for review' }));

  const conflict = await within(dialog).findByTestId('conflict-alert');
  expect(conflict).toHaveTextContent('This case changed');
  expect(conflict).toHaveTextContent('it is now “Closure review” (version 4)');
  expect(fetchMock).toHaveBeenCalledWith(`/api/cases/${detail.id}/request-closure`, expect.anything());
  await user.click(within(conflict).getByRole('button', { name: 'Reload the case' }));
  await waitFor(() =>
    expect(screen.queryByRole('dialog', { name: 'Request closure' })).not.toBeInTheDocument(),
  );
});

test('shows the clocks, the safety flags in words, and what is due next on this case only', async () => {
  const counselor = buildMe({ role: 'COUNSELOR' });
  const detail = buildCaseDetail({
    safetyFlags: ['SUICIDE_RISK'],
    clocks: {
      ...buildCaseDetail().clocks,
      serviceProgramInitiatedAt: null,
      dueServiceStartAt: '2026-03-22T19:00:00.000Z',
    },
  });
  const fetchMock = fakeApi({
    'GET /api/tasks': () => ({
      status: 200,
      body: buildTaskList([
        buildTask({ kind: 'ASSESSMENT', subjectId: detail.id, dueAt: '2026-03-26T17:00:00.000Z' }),
      ]),
    }),
  });
  renderCase(detail, counselor);

  expect(screen.getByTestId('safety-flags')).toHaveTextContent('Suicide risk');
  expect(within(screen.getByTestId('case-facts')).getByText(/Overdue by 3 days/)).toBeInTheDocument();
  const due = await screen.findByTestId('due-next');
  expect(due).toHaveTextContent('Assessment');
  // The screen asks for this case's tasks only, not the counselor's whole list.
  expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
    `/api/tasks?assignee=me&subjectId=${detail.id}`,
  );
});

test('opens the tab named in the URL and reports tab changes, keyboard included', async () => {
  fakeApi();
  const { onTabChange } = renderCase(buildCaseDetail(), buildMe({ role: 'COUNSELOR' }), 'notes');
  const user = userEvent.setup();

  expect(screen.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  expect(await screen.findByRole('heading', { level: 2, name: 'Notes' })).toBeInTheDocument();
  await user.click(screen.getByRole('tab', { name: 'Plan' }));
  expect(onTabChange).toHaveBeenCalledWith('plan');
});

test('hides the assessments tab from a viewer who may not read clinical data', () => {
  fakeApi();
  renderCase(
    buildCaseDetail({
      abilities: { write: true, readClinical: false, writeClinical: false, supervise: false },
    }),
    buildMe({ role: 'COUNSELOR' }),
  );
  expect(screen.queryByRole('tab', { name: 'Assessments' })).not.toBeInTheDocument();
  expect(screen.getByRole('tab', { name: 'Consents' })).toBeInTheDocument();
});
