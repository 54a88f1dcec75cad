import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { caseFiltersToSearch, caseQueries, parseCaseFilters } from '../../features/cases/api/get-cases';
import { CaseListScreen } from '../../features/cases/components/list/case-list-screen';
import { loadCaseworkTranslations } from '../../lib/casework-i18n';
import { loadIntakeTranslations } from '../../lib/i18n';
import { queryClient } from '../../lib/query-client';
import { caseLinks } from '../paths';
import { requirePermission } from './guards';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.CASE_READ);
  await Promise.all([loadIntakeTranslations(), loadCaseworkTranslations()]);
  await queryClient.ensureQueryData(caseQueries.list(parseCaseFilters(new URL(request.url).searchParams)));
  return null;
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <CaseListScreen
      filters={parseCaseFilters(searchParams)}
      onFiltersChange={(next) => setSearchParams(caseFiltersToSearch(next), { replace: true })}
      links={caseLinks}
    />
  );
}
