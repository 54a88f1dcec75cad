import type { Role, UserSummary } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api-client';

/**
 * Active people of the caller's organization (GET /api/users), for choosing a counselor. Several features assign
 * work, so the query lives in lib and they share one cache entry.
 */
export const staffKeys = {
  all: ['staff'] as const,
  list: (role: Role | undefined) => [...staffKeys.all, role ?? 'ALL'] as const,
};

export const getStaff = (role: Role | undefined, signal?: AbortSignal): Promise<UserSummary[]> =>
  api.get<UserSummary[]>('/users', { query: { role }, signal });

export const staffQueries = {
  list: (role?: Role) =>
    queryOptions({
      queryKey: staffKeys.list(role),
      queryFn: ({ signal }) => getStaff(role, signal),
      staleTime: 5 * 60_000,
    }),
};

/** Only callers holding `users.read` may ask; others pass `enabled: false` and get no request. */
export const useStaff = (role: Role | undefined, enabled = true) =>
  useQuery({ ...staffQueries.list(role), enabled });

/** id -> display name, for showing who is assigned. */
export function staffNames(staff: UserSummary[] | undefined): Map<string, string> {
  return new Map((staff ?? []).map((u) => [u.id, u.displayName]));
}
