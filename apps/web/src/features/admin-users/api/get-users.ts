import { ROLES, type AdminUser, type AdminUsersQuery, type Role } from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const getUsers = (params: AdminUsersQuery, signal?: AbortSignal): Promise<AdminUser[]> =>
  api.get<AdminUser[]>('/admin/users', { query: params, signal });

export const userQueries = {
  list: (params: AdminUsersQuery) =>
    queryOptions({
      queryKey: userKeys.list(params),
      queryFn: ({ signal }) => getUsers(params, signal),
      placeholderData: keepPreviousData,
    }),
};

export const useUsers = (params: AdminUsersQuery) => useQuery(userQueries.list(params));

const isRole = (value: string | null): value is Role =>
  value !== null && (ROLES as readonly string[]).includes(value);

/** The list filters live in the URL (`?role=&active=&q=`), so a reload or a shared link keeps them. */
export function parseUserFilters(search: URLSearchParams): AdminUsersQuery {
  const role = search.get('role');
  const active = search.get('active');
  const q = search.get('q')?.trim().slice(0, 100);
  return {
    ...(isRole(role) ? { role } : {}),
    ...(active === 'true' || active === 'false' ? { active } : {}),
    ...(q ? { q } : {}),
  };
}
