import type { GoalView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export const getGoals = async (id: string, signal?: AbortSignal): Promise<GoalView[]> =>
  listItems(await api.get<GoalView[] | Page<GoalView>>(casePath(id, 'goals'), { signal }));

export const goalQueries = {
  list: (id: string) =>
    queryOptions({ queryKey: caseKeys.part(id, 'goals'), queryFn: ({ signal }) => getGoals(id, signal) }),
};

export const useGoals = (id: string) => useQuery(goalQueries.list(id));
