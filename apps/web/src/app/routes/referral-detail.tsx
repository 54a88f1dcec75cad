import { PERMISSIONS } from '@pathways/contracts';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { referralDetailQueries, useReferral } from '../../features/referrals/api/get-referral';
import { ReferralDetailScreen } from '../../features/referrals/components/referral-detail/referral-detail-screen';
import { reasonCodeQueries } from '../../lib/catalog/get-reason-codes';
import { resourceCatalogQueries } from '../../lib/catalog/get-resources';
import { isApiError } from '../../lib/api-client';
import { queryClient } from '../../lib/query-client';
import { referralLinks } from '../paths';
import { requirePermission } from './guards';
import { NotFoundView } from './not-found';
import { loadCaseworkTranslations } from '../../lib/casework-i18n';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader({ params }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.REFERRAL_READ);
  // The provider's actions (triage, outreach, enroll) and the police's program status use the case-work strings.
  await Promise.all([loadIntakeTranslations(), loadCaseworkTranslations()]);
  await Promise.all([
    queryClient.ensureQueryData(referralDetailQueries.detail(params.id ?? '')),
    queryClient.ensureQueryData(reasonCodeQueries.list()),
    queryClient.ensureQueryData(resourceCatalogQueries.list()),
  ]);
  return null;
}

export function Component() {
  const { id = '' } = useParams();
  const referral = useReferral(id);
  // Gone, sealed away or no longer open to this person (ACCESS.md answers all with 404).
  if (isApiError(referral.error, 404)) return <NotFoundView />;
  if (referral.isError) return <ErrorState error={referral.error} onRetry={() => void referral.refetch()} />;
  if (!referral.data) return <LoadingState />;
  return <ReferralDetailScreen referral={referral.data} links={referralLinks} />;
}
