import { PERMISSIONS } from '@pathways/contracts';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { ReferralWizard } from '../../features/referrals/components/referral-form/referral-wizard';
import { useReasonCodes } from '../../lib/catalog/get-reason-codes';
import { useResourceCatalog } from '../../lib/catalog/get-resources';
import { useSchools } from '../../lib/catalog/get-schools';
import { referralLinks } from '../paths';
import { ensureReferralCatalogs } from './referral-catalogs';
import { requirePermission } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader() {
  await requirePermission(PERMISSIONS.REFERRAL_CREATE);
  await loadIntakeTranslations();
  await ensureReferralCatalogs();
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const location = useLocation();
  const schools = useSchools();
  const reasonCodes = useReasonCodes();
  const resources = useResourceCatalog();
  return (
    <>
      <PageHeader title={t('referrals.form.newTitle')} />
      {/* "Refer another youth" links here again: a new location key starts a fresh form and idempotency key. */}
      <ReferralWizard
        key={location.key}
        schools={schools.data}
        reasonCodes={reasonCodes.data}
        resources={resources.data}
        links={referralLinks}
      />
    </>
  );
}
