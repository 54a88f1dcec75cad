import type { ConsentView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export const getConsents = async (id: string, signal?: AbortSignal): Promise<ConsentView[]> =>
  listItems(await api.get<ConsentView[] | Page<ConsentView>>(casePath(id, 'consents'), { signal }));

export const consentQueries = {
  list: (id: string) =>
    queryOptions({
      queryKey: caseKeys.part(id, 'consents'),
      queryFn: ({ signal }) => getConsents(id, signal),
    }),
};

export const useConsents = (id: string) => useQuery(consentQueries.list(id));
