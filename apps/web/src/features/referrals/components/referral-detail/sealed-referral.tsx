import { Text } from '@mantine/core';
import type { ReferralDetail } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/ui/page-header';
import { formatDate } from '../../../../lib/format';
import { PageTitle } from '../../../../lib/page-title';

/**
 * WIC 827.95: after a successful diversion the police side keeps only the reference number, the sealed status and
 * the completion date. Nothing else is shown (the API sends nothing else either).
 */
export function SealedReferral({ referral }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  const completed = formatDate(referral.completedAt, i18n.language);
  const title = t('referrals.detail.title', { reference: referral.referenceNumber ?? '' });
  return (
    <div data-testid="sealed-referral">
      <PageTitle title={title} />
      <PageHeader title={title} />
      <Text fw={600} data-testid="referral-status">
        {completed ? t('referrals.sealed.line', { date: completed }) : t('referrals.sealed.lineNoDate')}
      </Text>
    </div>
  );
}
