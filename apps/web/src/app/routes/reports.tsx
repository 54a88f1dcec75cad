import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import {
  parseReportFilters,
  reportFiltersToSearch,
  reportQueries,
} from '../../features/reports/api/get-outcome-report';
import { OutcomeReportScreen } from '../../features/reports/components/outcome-report-screen';
import { loadAdministrationTranslations } from '../../lib/administration-i18n';
import { schoolQueries } from '../../lib/catalog/get-schools';
import { loadCaseworkTranslations } from '../../lib/casework-i18n';
import { loadIntakeTranslations } from '../../lib/i18n';
import { queryClient } from '../../lib/query-client';
import { loadReportsTranslations } from '../../lib/reports-i18n';
import { useSession } from '../../lib/session';
import { requirePermission } from './guards';

/**
 * The strings load with the page; the report itself does not hold it up (a year of a large program takes a moment):
 * the screen shows its skeleton meanwhile. The enum labels come from the intake, case-work and administration
 * bundles.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.REPORT_READ);
  await Promise.all([
    loadIntakeTranslations(),
    loadCaseworkTranslations(),
    loadAdministrationTranslations(),
    loadReportsTranslations(),
  ]);
  void queryClient.prefetchQuery(
    reportQueries.outcome(parseReportFilters(new URL(request.url).searchParams)),
  );
  void queryClient.prefetchQuery(schoolQueries.list());
  return null;
}

export function Component() {
  const me = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <OutcomeReportScreen
      filters={parseReportFilters(searchParams)}
      onFiltersChange={(next) => setSearchParams(reportFiltersToSearch(next), { replace: true })}
      organizationName={me.organization.name}
    />
  );
}
