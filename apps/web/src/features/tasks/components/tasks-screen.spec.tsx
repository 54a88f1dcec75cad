import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildTask, buildTaskList } from '../../../test/factories';
import { mockFetch, renderWithProviders } from '../../../test/render';
import { TasksScreen } from './tasks-screen';

const links = {
  tasks: '/tasks',
  referral: (id: string) => `/referrals/${id}`,
  case: (id: string) => `/cases/${id}`,
};
const now = new Date('2026-03-20T17:00:00.000Z');

test('says when it shows only the most urgent part of a backlog, and narrows the list to one kind of work', async () => {
  const review = buildTask({ kind: 'CLOSURE_REVIEW', overdue: true, dueAt: '2026-03-10T17:00:00.000Z' });
  const triage = buildTask({ kind: 'TRIAGE', subjectType: 'referral', dueAt: '2026-03-25T17:00:00.000Z' });
  const fetchMock = mockFetch((url) =>
    url.includes('kind=TRIAGE')
      ? { status: 200, body: buildTaskList([triage]) }
      : {
          status: 200,
          body: buildTaskList([review], {
            total: 1_700,
            overdue: 1_598,
            byKind: [
              { kind: 'TRIAGE', total: 102, overdue: 0 },
              { kind: 'CLOSURE_REVIEW', total: 1_598, overdue: 1_598 },
            ],
          }),
        },
  );
  renderWithProviders(
    <TasksScreen assignee="me" canSeeTeam={false} onAssigneeChange={jest.fn()} links={links} now={now} />,
  );
  const user = userEvent.setup();

  expect(
    await screen.findByText('Showing the 1 most urgent of 1,700 tasks · overdue: 1,598.', { exact: false }),
  ).toHaveAttribute('role', 'status');
  const kind = screen.getByRole('combobox', { name: 'Kind of work' });
  expect(screen.getByRole('option', { name: 'Review the closure request (1,598)' })).toBeInTheDocument();
  await user.selectOptions(kind, 'Acknowledge the referral (102)');

  expect(
    await screen.findByRole('link', { name: `Acknowledge the referral: ${triage.label}` }),
  ).toBeVisible();
  expect(screen.getByText('Overdue: 0 · due today: 0 · later: 1')).toHaveAttribute('role', 'status');
  expect(fetchMock.mock.calls.map(([u]) => String(u))).toEqual([
    '/api/tasks?assignee=me',
    '/api/tasks?assignee=me&kind=TRIAGE',
  ]);
});
