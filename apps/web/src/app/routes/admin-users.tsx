import { PERMISSIONS, type AdminUsersQuery } from '@pathways/contracts';
import { useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { parseUserFilters, userQueries } from '../../features/admin-users/api/get-users';
import { AdminUsersScreen } from '../../features/admin-users/components/admin-users-screen';
import { queryClient } from '../../lib/query-client';
import { paths } from '../paths';
import { requirePermission } from './guards';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.ADMIN_USERS_MANAGE);
  await queryClient.ensureQueryData(userQueries.list(parseUserFilters(new URL(request.url).searchParams)));
  return null;
}

function toSearchParams(filters: AdminUsersQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.role) params.set('role', filters.role);
  if (filters.active) params.set('active', filters.active);
  if (filters.q) params.set('q', filters.q);
  return params;
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  return (
    <AdminUsersScreen
      filters={parseUserFilters(searchParams)}
      onFiltersChange={(next) => setSearchParams(toSearchParams(next), { replace: true })}
      onCreate={() => void navigate(paths.adminUserNew)}
    />
  );
}
