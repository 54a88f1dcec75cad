import type { Resource } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { resourceKeys } from './resource-keys';

export const getResources = (signal?: AbortSignal): Promise<Resource[]> =>
  api.get<Resource[]>('/resources', { signal });

export const resourceQueries = {
  list: () =>
    queryOptions({
      queryKey: resourceKeys.list(),
      queryFn: ({ signal }) => getResources(signal),
      staleTime: 5 * 60_000,
    }),
};

export const useResources = () => useQuery(resourceQueries.list());
