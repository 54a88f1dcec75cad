import type { CatalogAdminQuery } from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogAdminKeys } from './catalog-admin-keys';
import type { CatalogEntry, CatalogKind } from './catalog-kinds';

export const getCatalogEntries = <K extends CatalogKind>(
  kind: K,
  params: CatalogAdminQuery,
  signal?: AbortSignal,
): Promise<CatalogEntry<K>[]> => api.get<CatalogEntry<K>[]>(`/admin/${kind}`, { query: params, signal });

export const catalogAdminQueries = {
  list: <K extends CatalogKind>(kind: K, params: CatalogAdminQuery) =>
    queryOptions({
      queryKey: catalogAdminKeys.list(kind, params),
      queryFn: ({ signal }) => getCatalogEntries(kind, params, signal),
      placeholderData: keepPreviousData,
    }),
};

export const useCatalogEntries = <K extends CatalogKind>(kind: K, params: CatalogAdminQuery) =>
  useQuery(catalogAdminQueries.list(kind, params));

/** The list filters live in the URL (`?q=&active=`), so a reload or a shared link keeps them. */
export function parseCatalogFilters(search: URLSearchParams): CatalogAdminQuery {
  const active = search.get('active');
  const q = search.get('q')?.trim().slice(0, 100);
  return {
    ...(active === 'true' || active === 'false' ? { active } : {}),
    ...(q ? { q } : {}),
  };
}
