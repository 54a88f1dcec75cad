import type { Me, Page, ReferralListItem, ReferralListQuery } from '@pathways/contracts';
import { screen, within } from '@testing-library/react';
import { buildMe, buildReferralListItem } from '../../../../test/factories';
import { mockFetch, renderWithProviders } from '../../../../test/render';
import { SessionProvider } from '../../../../lib/session';
import { ReferralListScreen } from './referral-list-screen';

const links = {
  list: '/referrals',
  newReferral: '/referrals/new',
  detail: (id: string) => `/referrals/${id}`,
  edit: (id: string) => `/referrals/${id}/edit`,
  print: (id: string) => `/referrals/${id}/print`,
  familySheet: (id: string) => `/referrals/${id}/family-sheet`,
  caseDetail: (id: string) => `/cases/${id}`,
};
const filters: ReferralListQuery = { page: 1, pageSize: 20, sort: 'receivedAt:desc' };

function serve(
  items: ReferralListItem[],
  counted: Pick<Page<unknown>, 'total' | 'totalCapped'> | null = null,
) {
  return mockFetch((url) => {
    if (url.startsWith('/api/referrals')) {
      const page: Page<ReferralListItem> = {
        items,
        ...(counted ?? { total: items.length, totalCapped: false }),
        page: 1,
        pageSize: 20,
      };
      return { status: 200, body: page };
    }
    if (url.startsWith('/api/schools')) return { status: 200, body: [] };
    return { status: 404 };
  });
}

function renderList(me: Me = buildMe({ role: 'SRO' })) {
  renderWithProviders(
    <SessionProvider me={me}>
      <ReferralListScreen filters={filters} onFiltersChange={jest.fn()} links={links} />
    </SessionProvider>,
  );
}

test('shows an empty state that invites an SRO to refer a youth', async () => {
  const fetchMock = serve([]);
  renderList();

  expect(await screen.findByRole('heading', { name: 'No referrals yet' })).toBeInTheDocument();
  const links = screen.getAllByRole('link', { name: 'Refer a youth' });
  expect(links.at(-1)).toHaveAttribute('href', '/referrals/new');
  expect(String(fetchMock.mock.calls[0]?.[0])).toContain('sort=receivedAt%3Adesc');
});

test('marks drafts "Draft — continue" and spells out each status in words', async () => {
  serve([
    {
      id: 'd1',
      referenceNumber: null,
      status: 'DRAFT',
      pathway: null,
      priority: null,
      youthDisplayName: 'Jordan Smith',
      schoolName: null,
      receivedAt: null,
      dueServiceStartAt: null,
      createdAt: '2026-03-02T18:55:00.000Z',
      eligibilityDecision: null,
    },
    {
      id: 'r1',
      referenceNumber: 'R-2026-000123',
      status: 'NEEDS_INFO',
      pathway: 'LE_DIVERSION_626B',
      priority: 'ROUTINE',
      youthDisplayName: 'Alex Rivera',
      schoolName: 'Castle Park High',
      receivedAt: '2026-03-01T18:55:00.000Z',
      dueServiceStartAt: '2026-03-21T18:55:00.000Z',
      createdAt: '2026-03-01T18:50:00.000Z',
      eligibilityDecision: 'ELIGIBLE',
    },
  ]);
  renderList();

  const list = await screen.findByTestId('referral-list');
  expect(within(list).getByRole('link', { name: 'Draft — continue' })).toHaveAttribute(
    'href',
    '/referrals/d1/edit',
  );
  expect(within(list).getByRole('link', { name: 'R-2026-000123' })).toHaveAttribute('href', '/referrals/r1');
  expect(within(list).getByText('Information requested')).toBeInTheDocument();
  expect(within(list).getByText('Draft')).toBeInTheDocument();
});

test('a police supervisor sees the agency list without a "Refer a youth" action', async () => {
  serve([]);
  renderList(buildMe({ role: 'PD_SUPERVISOR' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Referrals' })).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Refer a youth' })).not.toBeInTheDocument();
});

test('says "1,000+" and that only the first matches are paged when the API stopped counting', async () => {
  const item = buildReferralListItem({ referenceNumber: 'R-2026-000123', status: 'ENROLLED' });
  serve([item], { total: 1000, totalCapped: true });
  renderList();

  expect(await screen.findByText('Referrals: 1,000+')).toBeInTheDocument();
  expect(
    screen.getByText('Showing the first 1,000 matches. Narrow the filters to find the others.'),
  ).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Page 50' })).toBeInTheDocument();
});
