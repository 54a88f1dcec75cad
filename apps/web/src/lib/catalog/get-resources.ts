import type { Resource } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api-client';
import { CATALOG_STALE_TIME, catalogKeys } from './catalog-keys';

export const getResources = (signal?: AbortSignal): Promise<Resource[]> =>
  api.get<Resource[]>('/resources', { signal });

export const resourceCatalogQueries = {
  list: () =>
    queryOptions({
      queryKey: catalogKeys.resources(),
      queryFn: ({ signal }) => getResources(signal),
      staleTime: CATALOG_STALE_TIME,
    }),
};

export const useResourceCatalog = () => useQuery(resourceCatalogQueries.list());
