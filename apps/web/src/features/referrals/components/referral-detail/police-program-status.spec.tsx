import type { Me, ReferralDetail } from '@pathways/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionProvider } from '../../../../lib/session';
import { buildMe, buildReferralDetail, buildTask, buildTaskList } from '../../../../test/factories';
import { errorBody, mockFetch, renderWithProviders, type FakeResponse } from '../../../../test/render';
import type { ReferralLinks } from '../referral-links';
import { ReferralDetailScreen } from './referral-detail-screen';

const links: ReferralLinks = {
  list: '/referrals',
  newReferral: '/referrals/new',
  detail: (id) => `/referrals/${id}`,
  edit: (id) => `/referrals/${id}/edit`,
  print: (id) => `/referrals/${id}/print`,
  familySheet: (id) => `/referrals/${id}/family-sheet`,
  caseDetail: (id) => `/cases/${id}`,
};

function serve(routes: Record<string, (init: RequestInit) => FakeResponse> = {}) {
  return mockFetch((url, init) => {
    const key = `${init.method ?? 'GET'} ${url.split('?')[0]}`;
    if (routes[key]) return routes[key](init);
    if ((init.method ?? 'GET') === 'GET') return { status: 200, body: [] };
    return { status: 500, body: errorBody(500, 'Error', `unexpected ${key}`) };
  });
}

function renderDetail(referral: ReferralDetail, me: Me) {
  renderWithProviders(
    <SessionProvider me={me}>
      <ReferralDetailScreen referral={referral} links={links} />
    </SessionProvider>,
  );
}

const sro = buildMe({ role: 'SRO' });

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('shows a sealed referral to the police only as "Sealed (WIC 827.95) — completed <date>"', () => {
  serve();
  renderDetail(
    buildReferralDetail({
      status: 'SEALED',
      sealed: true,
      youth: null,
      guardians: [],
      narrative: null,
      completedAt: '2026-06-01T17:00:00.000Z',
    }),
    sro,
  );

  const sealed = screen.getByTestId('sealed-referral');
  expect(within(sealed).getByTestId('referral-status')).toHaveTextContent(
    'Sealed (WIC 827.95) — completed Jun 1, 2026',
  );
  expect(sealed.textContent).not.toMatch(/Jordan|María|fought/);
  expect(screen.queryByRole('button')).not.toBeInTheDocument();
});

test("shows the officer the program's milestones and, with a release, attendance and goals", () => {
  serve();
  renderDetail(
    buildReferralDetail({
      status: 'ENROLLED',
      referringUserId: sro.id,
      programStatus: {
        scope: ['ENROLLMENT_STATUS', 'ATTENDANCE_PARTICIPATION', 'COMPLETION_STATUS', 'CASE_PLAN_SUMMARY'],
        acknowledgedAt: '2026-03-03T17:00:00.000Z',
        enrolledAt: '2026-03-06T17:00:00.000Z',
        completedAt: null,
        attendance: { sessionsAttended: 5, sessionsScheduled: 6 },
        goals: { total: 4, byStatus: { ACHIEVED: 2, IN_PROGRESS: 2 } },
      },
    }),
    sro,
  );

  const status = screen.getByTestId('program-status');
  expect(status).toHaveTextContent('Received by the providerMar 3, 2026');
  expect(status).toHaveTextContent('EnrolledMar 6, 2026');
  expect(status).toHaveTextContent('CompletedNot yet');
  expect(status).toHaveTextContent('5 of 6 sessions');
  expect(status).toHaveTextContent('2 of 4 goals achieved');
  expect(screen.queryByRole('region', { name: 'Intake decisions' })).not.toBeInTheDocument();
});

test('lets the referring officer acknowledge a decision returned on a police diversion', async () => {
  const referral = buildReferralDetail({
    status: 'UNABLE_TO_CONTACT',
    pathway: 'LE_DIVERSION_626B',
    referringUserId: sro.id,
    version: 7,
  });
  const fetchMock = serve({
    'GET /api/tasks': () => ({
      status: 200,
      body: buildTaskList([
        buildTask({ kind: 'DECISION_RETURNED', subjectType: 'referral', subjectId: referral.id }),
      ]),
    }),
    [`POST /api/referrals/${referral.id}/acknowledge-return`]: () => ({ status: 200, body: referral }),
  });
  renderDetail(referral, sro);
  const user = userEvent.setup();

  const returned = await screen.findByTestId('returned-decision');
  expect(returned).toHaveTextContent('The provider could not reach the family.');
  await user.click(
    await within(returned).findByRole('button', { name: 'Acknowledge the returned decision' }),
  );

  await waitFor(() =>
    expect(fetchMock).toHaveBeenCalledWith(
      `/api/referrals/${referral.id}/acknowledge-return`,
      expect.anything(),
    ),
  );
  const post = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/acknowledge-return')) as [
    string,
    RequestInit,
  ];
  expect(JSON.parse(post[1].body as string)).toEqual({ version: 7 });
});

test('a prevention referral returned by the provider is information only: no acknowledgment asked', () => {
  serve();
  renderDetail(
    buildReferralDetail({ status: 'DECLINED', pathway: 'PREVENTION', referringUserId: sro.id }),
    sro,
  );

  expect(screen.queryByTestId('returned-decision')).not.toBeInTheDocument();
});
