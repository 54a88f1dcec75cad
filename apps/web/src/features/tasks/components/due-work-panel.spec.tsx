import { screen, within } from '@testing-library/react';
import { endOfToday } from '../../../lib/clock';
import { buildTask, buildTaskList } from '../../../test/factories';
import { mockFetch, renderWithProviders } from '../../../test/render';
import { DueWorkPanel } from './due-work-panel';

const links = {
  tasks: '/tasks',
  referral: (id: string) => `/referrals/${id}`,
  case: (id: string) => `/cases/${id}`,
};
const now = new Date('2026-03-20T17:00:00.000Z');

test('asks for what is due by the end of today and lists it, each linked to its case or referral, with exact counts', async () => {
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
  // The API answered the most urgent items and counted all of them: 12 overdue, 3 due later today.
  const fetchMock = mockFetch(() => ({
    status: 200,
    body: buildTaskList([overdue, today], { total: 15, overdue: 12 }),
  }));
  renderWithProviders(<DueWorkPanel links={links} now={now} />);

  const list = await screen.findByTestId('task-list');
  expect(
    within(list).getByRole('link', { name: 'Start services (WIC 652.5): C-2026-000045' }),
  ).toHaveAttribute('href', `/cases/${overdue.subjectId}`);
  expect(within(list).getByRole('link', { name: 'First outreach attempt: R-2026-000123' })).toHaveAttribute(
    'href',
    '/referrals/r-1',
  );
  expect(screen.getByRole('status')).toHaveTextContent('Overdue: 12 · due today: 3');
  const dueBefore = encodeURIComponent(endOfToday(now).toISOString());
  expect(String(fetchMock.mock.calls[0]?.[0])).toBe(`/api/tasks?assignee=me&dueBefore=${dueBefore}`);
});

test('says so when nothing is due today', async () => {
  mockFetch(() => ({ status: 200, body: buildTaskList([]) }));
  renderWithProviders(<DueWorkPanel links={links} now={now} />);

  expect(await screen.findByText('Nothing is due today.')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'All tasks' })).toHaveAttribute('href', '/tasks');
});
