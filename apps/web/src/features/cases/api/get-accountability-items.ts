import type { AccountabilityItemView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export const getAccountabilityItems = async (
  id: string,
  signal?: AbortSignal,
): Promise<AccountabilityItemView[]> =>
  listItems(
    await api.get<AccountabilityItemView[] | Page<AccountabilityItemView>>(
      casePath(id, 'accountability-items'),
      { signal },
    ),
  );

export const accountabilityItemQueries = {
  list: (id: string) =>
    queryOptions({
      queryKey: caseKeys.part(id, 'accountability-items'),
      queryFn: ({ signal }) => getAccountabilityItems(id, signal),
    }),
};

export const useAccountabilityItems = (id: string) => useQuery(accountabilityItemQueries.list(id));
