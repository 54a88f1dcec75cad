import { screen, within } from '@testing-library/react';
import { buildTask } from '../../../test/factories';
import { mockFetch, renderWithProviders } from '../../../test/render';
import { DueWorkPanel } from './due-work-panel';

const links = {
  tasks: '/tasks',
  referral: (id: string) => `/referrals/${id}`,
  case: (id: string) => `/cases/${id}`,
};
const now = new Date('2026-03-20T17:00:00.000Z');

test('lists what is overdue and due today, each linked to its case or referral, and leaves later work out', async () => {
  const overdue = buildTask({
    kind: 'SERVICE_START',
    overdue: true,
    dueAt: '2026-03-18T17:00:00.000Z',
    label: 'C-2026-000045',
  });
  const today = buildTask({
    kind: 'FIRST_CONTACT',
    subjectType: 'referral',
    subjectId: 'r-1',
    dueAt: '2026-03-20T20:00:00.000Z',
    label: 'R-2026-000123',
  });
  const later = buildTask({ kind: 'CASE_PLAN', dueAt: '2026-04-01T17:00:00.000Z', label: 'C-2026-000046' });
  const fetchMock = mockFetch(() => ({ status: 200, body: [overdue, today, later] }));
  renderWithProviders(<DueWorkPanel links={links} now={now} />);

  const list = await screen.findByTestId('task-list');
  expect(
    within(list).getByRole('link', { name: 'Start services (WIC 652.5): C-2026-000045' }),
  ).toHaveAttribute('href', `/cases/${overdue.subjectId}`);
  expect(within(list).getByRole('link', { name: 'First outreach attempt: R-2026-000123' })).toHaveAttribute(
    'href',
    '/referrals/r-1',
  );
  expect(within(list).queryByText(/C-2026-000046/)).not.toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('Overdue: 1 · due today: 1');
  expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/tasks?assignee=me');
});

test('says so when nothing is due today', async () => {
  mockFetch(() => ({ status: 200, body: [] }));
  renderWithProviders(<DueWorkPanel links={links} now={now} />);

  expect(await screen.findByText('Nothing is due today.')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'All tasks' })).toHaveAttribute('href', '/tasks');
});
