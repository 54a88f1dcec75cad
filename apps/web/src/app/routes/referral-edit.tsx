import { PERMISSIONS } from '@pathways/contracts';
import { redirect, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/ui/loading-state';
import { PageHeader } from '../../components/ui/page-header';
import { referralDetailQueries, useReferral } from '../../features/referrals/api/get-referral';
import { ReferralWizard } from '../../features/referrals/components/referral-form/referral-wizard';
import { useReasonCodes } from '../../lib/catalog/get-reason-codes';
import { useResourceCatalog } from '../../lib/catalog/get-resources';
import { useSchools } from '../../lib/catalog/get-schools';
import { PageTitle } from '../../lib/page-title';
import { queryClient } from '../../lib/query-client';
import { recordPaths, referralLinks } from '../paths';
import { ensureReferralCatalogs } from './referral-catalogs';
import { requirePermission } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader({ params }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.REFERRAL_CREATE);
  await loadIntakeTranslations();
  const id = params.id ?? '';
  // Always the latest version: the form sends it back with every save.
  const [referral] = await Promise.all([
    queryClient.fetchQuery({ ...referralDetailQueries.detail(id), staleTime: 0 }),
    ensureReferralCatalogs(),
  ]);
  if (referral.status !== 'DRAFT' && referral.status !== 'NEEDS_INFO')
    return redirect(recordPaths.referral(id));
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const referral = useReferral(id);
  const schools = useSchools();
  const reasonCodes = useReasonCodes();
  const resources = useResourceCatalog();
  if (!referral.data) return <LoadingState />;
  const title =
    referral.data.status === 'NEEDS_INFO'
      ? t('referrals.form.answerTitle', { reference: referral.data.referenceNumber ?? '' })
      : t('referrals.form.draftTitle');
  return (
    <>
      <PageTitle title={title} />
      <PageHeader title={title} />
      <ReferralWizard
        key={id}
        existing={referral.data}
        schools={schools.data}
        reasonCodes={reasonCodes.data}
        resources={resources.data}
        links={referralLinks}
      />
    </>
  );
}
