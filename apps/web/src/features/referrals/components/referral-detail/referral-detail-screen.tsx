import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notify } from '../../../../lib/notify';
import { PERMISSIONS, POLICE_ROLES, type ReferralDetail } from '@pathways/contracts';
import { isOpenReferral } from '@pathways/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/ui/page-header';
import { reasonCodeLabeller, useReasonCodes } from '../../../../lib/catalog/get-reason-codes';
import { useResourceCatalog } from '../../../../lib/catalog/get-resources';
import { formatDate, formatDateTime } from '../../../../lib/format';
import { PageTitle } from '../../../../lib/page-title';
import { can, useSession } from '../../../../lib/session';
import { EligibilityWarnings } from '../eligibility-warnings';
import type { ReferralLinks } from '../referral-links';
import { ReferralStatusBadge } from '../referral-status-badge';
import { ReferralSummary, summaryFromDetail } from '../referral-summary';
import { ProgramStatus, ReturnedDecision } from './program-status';
import { OutreachPanel } from './provider/outreach-panel';
import { providerView, TriagePanel } from './provider/triage-panel';
import { SealedReferral } from './sealed-referral';
import { StatusTimeline } from './status-timeline';
import { WithdrawDialog } from './withdraw-dialog';

/** Where the counselor's outreach (and its history) belongs: from assignment on. */
const OUTREACH_STATES: readonly string[] = [
  'OUTREACH',
  'CONSENT_PENDING',
  'UNABLE_TO_CONTACT',
  'DECLINED',
  'ENROLLED',
];

interface ReferralDetailScreenProps {
  referral: ReferralDetail;
  links: ReferralLinks;
}

export function ReferralDetailScreen({ referral, links }: ReferralDetailScreenProps) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const reasonCodes = useReasonCodes();
  const resources = useResourceCatalog();
  const [withdrawing, setWithdrawing] = useState(false);
  const locale = i18n.language;

  if (referral.sealed || referral.status === 'SEALED') return <SealedReferral referral={referral} />;

  const status = referral.status;
  const isAuthor = can(me, PERMISSIONS.REFERRAL_CREATE) && me.id === referral.referringUserId;
  const canEdit = isAuthor && (status === 'DRAFT' || status === 'NEEDS_INFO');
  const canWithdraw = isAuthor && isOpenReferral(status);
  const label = reasonCodeLabeller(reasonCodes.data, locale);
  const isPolice = POLICE_ROLES.includes(me.role);
  const canTriage = can(me, PERMISSIONS.REFERRAL_TRIAGE);
  const showOutreach = can(me, PERMISSIONS.REFERRAL_WORK) && OUTREACH_STATES.includes(status);
  const provider = providerView(referral);
  const title = referral.referenceNumber
    ? t('referrals.detail.title', { reference: referral.referenceNumber })
    : t('referrals.detail.draftTitle');

  return (
    <div data-testid="referral-detail">
      {/* The tab names the referral by its reference number, never the youth. */}
      <PageTitle title={title} />
      <PageHeader
        title={title}
        description={<ReferralStatusBadge status={status} />}
        actions={
          <Group gap="xs" wrap="wrap" className="no-print">
            {canEdit && status === 'DRAFT' ? (
              <Button component={Link} to={links.edit(referral.id)}>
                {t('referrals.detail.continueDraft')}
              </Button>
            ) : null}
            {provider.caseId ? (
              <Button component={Link} to={links.caseDetail(provider.caseId)}>
                {t('intake.openCase')}
              </Button>
            ) : null}
            {status !== 'DRAFT' ? (
              <>
                <Button component={Link} to={links.familySheet(referral.id)} variant="default">
                  {t('referrals.detail.familySheet')}
                </Button>
                <Button component={Link} to={links.print(referral.id)} variant="default">
                  {t('referrals.detail.print')}
                </Button>
              </>
            ) : null}
          </Group>
        }
      />
      <Stack gap="md">
        {status === 'NEEDS_INFO' ? (
          <Alert
            color="orange"
            variant="light"
            title={t('referrals.detail.infoRequestTitle')}
            data-testid="info-request"
          >
            <Stack gap="sm" align="flex-start">
              <Text style={{ whiteSpace: 'pre-wrap' }}>
                {referral.infoRequest ?? t('referrals.detail.infoRequestMissing')}
              </Text>
              {canEdit ? (
                <Button component={Link} to={links.edit(referral.id)}>
                  {t('referrals.detail.answer')}
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        {isPolice ? <ReturnedDecision referral={referral} /> : null}
        {status === 'DECLINED' && provider.declineReason ? (
          <Alert color="gray" variant="light" title={t('intake.decline.reasonTitle')}>
            {provider.declineReason}
          </Alert>
        ) : null}
        {status === 'INELIGIBLE' && provider.ineligibleReason ? (
          <Alert color="gray" variant="light" title={t('intake.ineligible.reasonTitle')}>
            {provider.ineligibleReason}
          </Alert>
        ) : null}
        {canTriage ? <TriagePanel referral={referral} /> : null}
        {showOutreach ? <OutreachPanel referral={referral} links={links} /> : null}
        {isPolice && status !== 'DRAFT' ? <ProgramStatus referral={referral} /> : null}
        {status === 'WITHDRAWN' && referral.withdrawReason ? (
          <Alert color="gray" variant="light" title={t('referrals.detail.withdrawnTitle')}>
            {referral.withdrawReason}
          </Alert>
        ) : null}

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Fact label={t('referrals.detail.received')} value={formatDateTime(referral.receivedAt, locale)} />
          <Fact
            label={t('referrals.detail.serviceStartDue')}
            value={formatDate(referral.dueServiceStartAt, locale)}
          />
          <Fact
            label={t('referrals.incident.pathway')}
            value={referral.pathway ? t(`referrals.pathways.${referral.pathway}`) : null}
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder radius="md" p="md" component="section" aria-labelledby="detail-timeline">
            <Title order={2} size="h4" id="detail-timeline" mb="sm">
              {t('referrals.detail.timeline')}
            </Title>
            <StatusTimeline milestones={referral.milestones} />
          </Card>
          <Card withBorder radius="md" p="md" component="section" aria-labelledby="detail-eligibility">
            <Title order={2} size="h4" id="detail-eligibility" mb="sm">
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
          </Card>
        </SimpleGrid>

        <ReferralSummary model={summaryFromDetail(referral, label, resources.data)} headingOrder={2} />

        {canWithdraw ? (
          <Card
            withBorder
            radius="md"
            p="md"
            component="section"
            aria-labelledby="detail-withdraw"
            className="no-print"
          >
            <Stack gap="xs" align="flex-start">
              <Title order={2} size="h4" id="detail-withdraw">
                {t('referrals.withdraw.title')}
              </Title>
              <Text size="sm">{t('referrals.withdraw.intro')}</Text>
              <Button color="red" variant="outline" onClick={() => setWithdrawing(true)}>
                {t('referrals.withdraw.open')}
              </Button>
            </Stack>
          </Card>
        ) : null}
      </Stack>
      <WithdrawDialog
        referral={referral}
        opened={withdrawing}
        onClose={() => setWithdrawing(false)}
        onWithdrawn={() => {
          setWithdrawing(false);
          notify({
            color: 'green',
            message: t('referrals.withdraw.done'),
          });
        }}
      />
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value ?? t('referrals.summary.notYet')}</Text>
    </Card>
  );
}
