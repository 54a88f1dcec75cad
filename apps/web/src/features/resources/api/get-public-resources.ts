import type { Resource } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { resourceKeys } from './resource-keys';

/** The directory without sign-in (API.md "Health and public"). */
export const getPublicResources = (signal?: AbortSignal): Promise<Resource[]> =>
  api.get<Resource[]>('/public/resources', { signal, expectUnauthorized: true, sessionless: true });

export const publicResourceQueries = {
  list: () =>
    queryOptions({
      queryKey: resourceKeys.publicList(),
      queryFn: ({ signal }) => getPublicResources(signal),
      staleTime: 5 * 60_000,
    }),
};

export const usePublicResources = () => useQuery(publicResourceQueries.list());
