import type { FollowUpView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

/** The 6- and 12-month follow-ups; none until the case closes. */
export const getFollowUps = async (id: string, signal?: AbortSignal): Promise<FollowUpView[]> =>
  listItems(await api.get<FollowUpView[] | Page<FollowUpView>>(casePath(id, 'follow-ups'), { signal }));

export const followUpQueries = {
  list: (id: string) =>
    queryOptions({
      queryKey: caseKeys.part(id, 'follow-ups'),
      queryFn: ({ signal }) => getFollowUps(id, signal),
    }),
};

export const useFollowUps = (id: string) => useQuery(followUpQueries.list(id));
