import type { TaskList } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api-client';
import { workKeys, type TaskAssignee, type TaskFilter } from './work-keys';

export type { TaskFilter };

/** The most urgent tasks (earliest due first, as the API sorts them) and the counts of everything due. */
export const getTasks = (assignee: TaskAssignee, filter: TaskFilter = {}, signal?: AbortSignal) =>
  api.get<TaskList>('/tasks', { query: { assignee, ...filter }, signal });

export const taskQueries = {
  list: (assignee: TaskAssignee, filter: TaskFilter = {}) =>
    queryOptions({
      queryKey: workKeys.tasks(assignee, filter),
      queryFn: ({ signal }) => getTasks(assignee, filter, signal),
    }),
};

/** The caller's tasks; `filter` narrows them to one record (`subjectId`), one kind, or what is due before a time. */
export const useTasks = (assignee: TaskAssignee, enabled = true, filter: TaskFilter = {}) =>
  useQuery({ ...taskQueries.list(assignee, filter), enabled });
