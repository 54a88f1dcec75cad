import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from 'react-router';
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

/**
 * A filter change only changes the search: the list refetches through its query (keeping the previous page on
 * screen), so the URL, which the filters are read from, changes at once. Waiting for the loader instead left a
 * window in which a second change (typing a search after picking a status) started from the old filters and
 * dropped the first.
 */
export function shouldRevalidate({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;
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
