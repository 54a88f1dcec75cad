import type { ServiceEnrollmentView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export const getServices = async (id: string, signal?: AbortSignal): Promise<ServiceEnrollmentView[]> =>
  listItems(
    await api.get<ServiceEnrollmentView[] | Page<ServiceEnrollmentView>>(casePath(id, 'services'), {
      signal,
    }),
  );

export const serviceQueries = {
  list: (id: string) =>
    queryOptions({
      queryKey: caseKeys.part(id, 'services'),
      queryFn: ({ signal }) => getServices(id, signal),
    }),
};

export const useServices = (id: string) => useQuery(serviceQueries.list(id));
