import { PERMISSIONS } from '@pathways/contracts';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state';
import { referralDetailQueries, useReferral } from '../../features/referrals/api/get-referral';
import { ReferralPrint } from '../../features/referrals/components/print/referral-print';
import { reasonCodeQueries } from '../../lib/catalog/get-reason-codes';
import { resourceCatalogQueries } from '../../lib/catalog/get-resources';
import { queryClient } from '../../lib/query-client';
import { referralLinks } from '../paths';
import { requirePermission } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader({ params }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.REFERRAL_READ);
  await loadIntakeTranslations();
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
  if (!referral.data) return <LoadingState />;
  return <ReferralPrint referral={referral.data} links={referralLinks} />;
}
