import type { TaskKind } from '@pathways/contracts';

/**
 * Derived work (due and overdue tasks) and caseloads change with every referral and case action; both live in lib
 * so that any feature's mutation can mark them stale through this one key factory.
 */
export type TaskAssignee = 'me' | 'team';

/** What GET /api/tasks may be narrowed to. */
export interface TaskFilter {
  subjectId?: string;
  kind?: TaskKind;
  dueBefore?: string;
}

export const workKeys = {
  all: ['work'] as const,
  tasks: (assignee: TaskAssignee, filter: TaskFilter = {}) =>
    [...workKeys.all, 'tasks', assignee, filter] as const,
  caseloads: () => [...workKeys.all, 'caseloads'] as const,
};
