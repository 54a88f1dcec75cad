import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReferralDetail } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/ui/page-header';
import { reasonCodeLabeller, useReasonCodes } from '../../../../lib/catalog/get-reason-codes';
import { useResourceCatalog } from '../../../../lib/catalog/get-resources';
import { formatDate, formatDateTime } from '../../../../lib/format';
import { PageTitle } from '../../../../lib/page-title';
import { SealedReferral } from '../referral-detail/sealed-referral';
import { StatusTimeline } from '../referral-detail/status-timeline';
import { EligibilityWarnings } from '../eligibility-warnings';
import type { ReferralLinks } from '../referral-links';
import { ReferralSummary, summaryFromDetail } from '../referral-summary';
import { PrintButton } from './print-button';

/** The referral summary on paper: the same facts as the detail page, without navigation or buttons. */
export function ReferralPrint({ referral, links }: { referral: ReferralDetail; links: ReferralLinks }) {
  const { t, i18n } = useTranslation();
  const reasonCodes = useReasonCodes();
  const resources = useResourceCatalog();
  if (referral.sealed || referral.status === 'SEALED') return <SealedReferral referral={referral} />;
  const label = reasonCodeLabeller(reasonCodes.data, i18n.language);
  const status = referral.status;
  const title = t('referrals.print.title', {
    reference: referral.referenceNumber ?? t('referrals.detail.draftTitle'),
  });
  return (
    <div className="print-page" data-testid="referral-print">
      <PageTitle title={title} />
      <PageHeader
        title={title}
        actions={
          <Group gap="sm" className="no-print">
            <Anchor component={Link} to={links.detail(referral.id)}>
              {t('referrals.print.back')}
            </Anchor>
            <PrintButton label={t('referrals.print.print')} />
          </Group>
        }
      />
      <Stack gap="md">
        <Text>
          {[
            `${t('referrals.list.status')}: ${t(`referrals.statuses.${status}`)}`,
            `${t('referrals.detail.received')}: ${formatDateTime(referral.receivedAt, i18n.language) ?? '—'}`,
            `${t('referrals.detail.serviceStartDue')}: ${formatDate(referral.dueServiceStartAt, i18n.language) ?? '—'}`,
          ].join(' · ')}
        </Text>
        <section aria-labelledby="print-eligibility" className="print-section">
          <Title order={2} size="h4" id="print-eligibility" mb="xs">
            {t('referrals.detail.eligibility')}
          </Title>
          {referral.eligibility ? (
            <EligibilityWarnings
              decision={referral.eligibility.decision}
              failures={referral.eligibility.failures}
              ageAtIncident={referral.eligibility.ageAtIncident}
              excludedLabels={referral.eligibility.excludedReasonCodes.map(label)}
              overrideReason={referral.eligibility.overrideReason}
            />
          ) : (
            <Text c="dimmed">{t('referrals.detail.eligibilityPending')}</Text>
          )}
        </section>
        <ReferralSummary model={summaryFromDetail(referral, label, resources.data)} headingOrder={2} plain />
        <section aria-labelledby="print-timeline" className="print-section">
          <Title order={2} size="h4" id="print-timeline" mb="xs">
            {t('referrals.detail.timeline')}
          </Title>
          <StatusTimeline milestones={referral.milestones} />
        </section>
        <Text size="xs" c="dimmed">
          {t('referrals.print.confidential')}
        </Text>
      </Stack>
    </div>
  );
}
