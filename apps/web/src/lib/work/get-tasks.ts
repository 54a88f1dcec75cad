import type { Page, TaskView } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api-client';
import { listItems } from '../list';
import { workKeys, type TaskAssignee } from './work-keys';

export const getTasks = async (assignee: TaskAssignee, signal?: AbortSignal): Promise<TaskView[]> =>
  listItems(await api.get<TaskView[] | Page<TaskView>>('/tasks', { query: { assignee }, signal }));

/** Soonest first; overdue work (earliest due) leads. */
export function byDueAt(a: TaskView, b: TaskView): number {
  return a.dueAt.localeCompare(b.dueAt);
}

export const taskQueries = {
  list: (assignee: TaskAssignee) =>
    queryOptions({
      queryKey: workKeys.tasks(assignee),
      queryFn: async ({ signal }) => (await getTasks(assignee, signal)).sort(byDueAt),
    }),
};

export const useTasks = (assignee: TaskAssignee, enabled = true) =>
  useQuery({ ...taskQueries.list(assignee), enabled });
