import type { CatalogAdminQuery } from '@pathways/contracts';
import type { CatalogKind } from './catalog-kinds';

export const catalogAdminKeys = {
  all: ['catalog-admin'] as const,
  lists: (kind: CatalogKind) => [...catalogAdminKeys.all, kind, 'list'] as const,
  list: (kind: CatalogKind, params: CatalogAdminQuery) => [...catalogAdminKeys.lists(kind), params] as const,
};
