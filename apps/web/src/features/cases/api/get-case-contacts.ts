import type { ContactView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export const getCaseContacts = async (id: string, signal?: AbortSignal): Promise<ContactView[]> =>
  listItems(await api.get<ContactView[] | Page<ContactView>>(casePath(id, 'contacts'), { signal }));

export const caseContactQueries = {
  list: (id: string) =>
    queryOptions({
      queryKey: caseKeys.part(id, 'contacts'),
      queryFn: ({ signal }) => getCaseContacts(id, signal),
    }),
};

export const useCaseContacts = (id: string) => useQuery(caseContactQueries.list(id));
