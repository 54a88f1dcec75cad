import { PERMISSIONS } from '@pathways/contracts';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state';
import { referralDetailQueries, useReferral } from '../../features/referrals/api/get-referral';
import { FamilySheet } from '../../features/referrals/components/print/family-sheet';
import { SealedReferral } from '../../features/referrals/components/referral-detail/sealed-referral';
import { resourceCatalogQueries, useResourceCatalog } from '../../lib/catalog/get-resources';
import { queryClient } from '../../lib/query-client';
import { referralLinks } from '../paths';
import { requirePermission } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader({ params }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.REFERRAL_READ);
  await loadIntakeTranslations();
  await Promise.all([
    queryClient.ensureQueryData(referralDetailQueries.detail(params.id ?? '')),
    queryClient.ensureQueryData(resourceCatalogQueries.list()),
  ]);
  return null;
}

export function Component() {
  const { id = '' } = useParams();
  const referral = useReferral(id);
  const resources = useResourceCatalog();
  if (!referral.data || !resources.data) return <LoadingState />;
  if (referral.data.sealed) return <SealedReferral referral={referral.data} />;
  return <FamilySheet referral={referral.data} resources={resources.data} links={referralLinks} />;
}
