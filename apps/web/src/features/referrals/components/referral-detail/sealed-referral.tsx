import { Alert, Group, Stack, Text } from '@mantine/core';
import type { ReferralDetail } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/ui/page-header';
import { formatDate } from '../../../../lib/format';
import { ReferralStatusBadge } from '../referral-status-badge';

/** WIC 827.95: after a successful diversion the police side keeps only the number, the status and the date. */
export function SealedReferral({ referral }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="sealed-referral">
      <PageHeader title={t('referrals.detail.title', { reference: referral.referenceNumber ?? '' })} />
      <Stack>
        <Group gap="sm">
          <ReferralStatusBadge status="SEALED" />
          {referral.completedAt ? (
            <Text>
              {t('referrals.detail.completedOn', { date: formatDate(referral.completedAt, i18n.language) })}
            </Text>
          ) : null}
        </Group>
        <Alert color="gray" variant="light" title={t('referrals.sealed.title')}>
          {t('referrals.sealed.body')}
        </Alert>
      </Stack>
    </div>
  );
}
