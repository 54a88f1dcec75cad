import type { Page, ReferralListItem } from '@pathways/contracts';
import { screen, within } from '@testing-library/react';
import { buildReferralListItem } from '../../../../test/factories';
import { mockFetch, renderWithProviders } from '../../../../test/render';
import type { ReferralLinks } from '../referral-links';
import { IntakeQueueScreen } from './intake-queue-screen';

const links: ReferralLinks = {
  list: '/referrals',
  newReferral: '/referrals/new',
  detail: (id) => `/referrals/${id}`,
  edit: (id) => `/referrals/${id}/edit`,
  print: (id) => `/referrals/${id}/print`,
  familySheet: (id) => `/referrals/${id}/family-sheet`,
  caseDetail: (id) => `/cases/${id}`,
};
const now = new Date('2026-03-20T17:00:00.000Z');

function serve(items: ReferralListItem[]) {
  return mockFetch((url) => {
    if (url.startsWith('/api/referrals')) {
      const page: Page<ReferralListItem> = {
        items,
        total: items.length,
        totalCapped: false,
        page: 1,
        pageSize: 25,
      };
      return { status: 200, body: page };
    }
    if (url.startsWith('/api/caseloads'))
      return {
        status: 200,
        body: [
          { counselorId: 'c1', displayName: 'Casey Counselor', openReferrals: 4, openCases: 12 },
          { counselorId: 'c2', displayName: 'Alex Counselor', openReferrals: 1, openCases: 3 },
        ],
      };
    return { status: 404 };
  });
}

test('asks for the intake queue, soonest 20-day due date first, and marks late and near due dates in words', async () => {
  const fetchMock = serve([
    buildReferralListItem({
      referenceNumber: 'R-2026-000101',
      priority: 'URGENT_SAFETY',
      receivedAt: '2026-02-25T17:00:00.000Z',
      dueServiceStartAt: '2026-03-17T17:00:00.000Z',
    }),
    buildReferralListItem({
      referenceNumber: 'R-2026-000102',
      status: 'TRIAGE',
      receivedAt: '2026-03-01T17:00:00.000Z',
      dueServiceStartAt: '2026-03-23T17:00:00.000Z',
      eligibilityDecision: 'NEEDS_OVERRIDE',
    }),
  ]);
  renderWithProviders(
    <IntakeQueueScreen
      filters={{ status: null, page: 1 }}
      onFiltersChange={jest.fn()}
      links={links}
      now={now}
    />,
  );

  const list = await screen.findByTestId('intake-queue');
  const [late, near] = within(list).getAllByRole('row').slice(1);
  expect(within(late).getByRole('link', { name: 'R-2026-000101' })).toHaveAttribute(
    'href',
    expect.stringMatching(/^\/referrals\//),
  );
  expect(late).toHaveTextContent('Urgent: safety concern');
  expect(late).toHaveTextContent('23 days old');
  expect(late).toHaveTextContent('Overdue by 3 days');
  expect(near).toHaveTextContent('Due in 3 days');
  expect(near).toHaveTextContent('Needs eligibility override');
  const url = String(fetchMock.mock.calls.find(([u]) => String(u).startsWith('/api/referrals'))?.[0]);
  expect(url).toContain('queue=intake');
  expect(url).toContain('sort=dueServiceStartAt%3Aasc');
});

test('shows the caseloads, lightest first', async () => {
  serve([]);
  renderWithProviders(
    <IntakeQueueScreen
      filters={{ status: null, page: 1 }}
      onFiltersChange={jest.fn()}
      links={links}
      now={now}
    />,
  );

  expect(await screen.findByRole('heading', { name: 'Nothing waiting' })).toBeInTheDocument();
  const rows = within(await screen.findByTestId('caseloads'))
    .getAllByRole('row')
    .slice(1);
  expect(rows.map((r) => r.textContent)).toEqual(['Alex Counselor13', 'Casey Counselor412']);
});
