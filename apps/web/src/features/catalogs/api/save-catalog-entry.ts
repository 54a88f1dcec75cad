import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/catalog/catalog-keys';
import { catalogAdminKeys } from './catalog-admin-keys';
import type { CatalogEntry, CatalogKind, CatalogTypes } from './catalog-kinds';

export const createCatalogEntry = <K extends CatalogKind>(
  kind: K,
  body: CatalogTypes[K]['create'],
): Promise<CatalogEntry<K>> => api.post<CatalogEntry<K>>(`/admin/${kind}`, body);

export const updateCatalogEntry = <K extends CatalogKind>(
  kind: K,
  id: string,
  body: CatalogTypes[K]['update'],
): Promise<CatalogEntry<K>> => api.patch<CatalogEntry<K>>(`/admin/${kind}/${encodeURIComponent(id)}`, body);

/** Every picker in the app reads the same catalogs (lib/catalog): they reload too. */
function useInvalidateCatalogs() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: catalogAdminKeys.all }),
      queryClient.invalidateQueries({ queryKey: catalogKeys.all }),
    ]);
}

export function useCreateCatalogEntry<K extends CatalogKind>(kind: K) {
  const invalidate = useInvalidateCatalogs();
  return useMutation({
    mutationFn: (body: CatalogTypes[K]['create']) => createCatalogEntry(kind, body),
    onSuccess: invalidate,
  });
}

/** Sends the `version` it read; a 409 means someone else changed the entry, so the list reloads either way. */
export function useUpdateCatalogEntry<K extends CatalogKind>(kind: K) {
  const invalidate = useInvalidateCatalogs();
  return useMutation({
    mutationFn: ({ id, ...body }: CatalogTypes[K]['update'] & { id: string }) =>
      updateCatalogEntry(kind, id, body as CatalogTypes[K]['update']),
    onSettled: invalidate,
  });
}
