import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import {
  auditFiltersToSearch,
  auditQueries,
  parseAuditFilters,
  toAuditQuery,
} from '../../features/audit/api/get-audit-events';
import { AuditConsoleScreen } from '../../features/audit/components/audit-console-screen';
import { loadAdministrationTranslations } from '../../lib/administration-i18n';
import { queryClient } from '../../lib/query-client';
import { paths } from '../paths';
import { requirePermission } from './guards';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.AUDIT_READ);
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  await Promise.all([
    loadAdministrationTranslations(),
    queryClient.ensureQueryData(auditQueries.list(toAuditQuery(filters))),
  ]);
  return null;
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <AuditConsoleScreen
      filters={parseAuditFilters(searchParams)}
      onFiltersChange={(next) => setSearchParams(auditFiltersToSearch(next))}
      reviewHref={paths.auditReview}
    />
  );
}
