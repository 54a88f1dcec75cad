/**
 * Derived work (due and overdue tasks) and caseloads change with every referral and case action; both live in lib
 * so that any feature's mutation can mark them stale through this one key factory.
 */
export type TaskAssignee = 'me' | 'team';

export const workKeys = {
  all: ['work'] as const,
  tasks: (assignee: TaskAssignee) => [...workKeys.all, 'tasks', assignee] as const,
  caseloads: () => [...workKeys.all, 'caseloads'] as const,
};
