import { PERMISSIONS } from '@pathways/contracts';
import { useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { caseDetailQueries, useCase } from '../../features/cases/api/get-case';
import { CaseDetailScreen, isCaseTab } from '../../features/cases/components/detail/case-detail-screen';
import { loadCaseworkTranslations } from '../../lib/casework-i18n';
import { loadIntakeTranslations } from '../../lib/i18n';
import { isApiError } from '../../lib/api-client';
import { queryClient } from '../../lib/query-client';
import { caseLinks } from '../paths';
import { requirePermission } from './guards';
import { NotFoundView } from './not-found';

export async function loader({ params }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.CASE_READ);
  await Promise.all([loadIntakeTranslations(), loadCaseworkTranslations()]);
  await queryClient.ensureQueryData(caseDetailQueries.detail(params.id ?? ''));
  return null;
}

export function Component() {
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const detail = useCase(id);
  const tab = searchParams.get('tab');
  // Gone or no longer open to this person (ACCESS.md answers both with 404).
  if (isApiError(detail.error, 404)) return <NotFoundView />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <LoadingState />;
  return (
    <CaseDetailScreen
      detail={detail.data}
      links={caseLinks}
      tab={isCaseTab(tab) ? tab : 'overview'}
      onTabChange={(next) => setSearchParams(next === 'overview' ? {} : { tab: next }, { replace: true })}
    />
  );
}
