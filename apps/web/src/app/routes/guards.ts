import type { Me, Permission } from '@pathways/contracts';
import { meQueryOptions } from '../../features/auth/api/get-me';
import { queryClient } from '../../lib/query-client';
import { can } from '../../lib/session';

/**
 * For loaders: a page the role may not use answers "not found", like the API (ACCESS.md: existence does not
 * leak). The API enforces the same rule; this only avoids showing a screen that would fail.
 */
export class RouteNotFoundError extends Error {
  constructor() {
    super('Not found');
    this.name = 'RouteNotFoundError';
  }
}

export async function requirePermission(permission: Permission): Promise<Me> {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  if (!can(me, permission)) throw new RouteNotFoundError();
  return me;
}
