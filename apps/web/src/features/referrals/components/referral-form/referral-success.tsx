import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReferralDetail } from '@pathways/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reasonCodeLabeller } from '../../../../lib/catalog/get-reason-codes';
import type { ReasonCode } from '@pathways/contracts';
import { EligibilityWarnings } from '../eligibility-warnings';
import type { ReferralLinks } from '../referral-links';

interface ReferralSuccessProps {
  referral: ReferralDetail;
  reasonCodes: ReasonCode[] | undefined;
  links: ReferralLinks;
}

/** What the SRO needs after sending: the reference number, the WIC 652.5 date, eligibility and next steps. */
export function ReferralSuccess({ referral, reasonCodes, links }: ReferralSuccessProps) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const due = referral.dueServiceStartAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(
        new Date(referral.dueServiceStartAt),
      )
    : null;
  const label = reasonCodeLabeller(reasonCodes, i18n.language);
  const eligibility = referral.eligibility;
  return (
    <Stack data-testid="referral-success">
      <Alert color="green" variant="light" p="lg">
        <Stack gap="xs">
          <Title order={2} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('referrals.success.title')}
          </Title>
          <Text>{t('referrals.success.referenceLabel')}</Text>
          <Text
            fw={800}
            fz={{ base: 28, sm: 36 }}
            ff="monospace"
            data-testid="reference-number"
            style={{ overflowWrap: 'anywhere', letterSpacing: '0.02em' }}
          >
            {referral.referenceNumber}
          </Text>
          {due ? <Text>{t('referrals.success.serviceStart', { date: due })}</Text> : null}
        </Stack>
      </Alert>
      <Card withBorder radius="md" p="md" component="section" aria-labelledby="success-eligibility">
        <Stack gap="xs">
          <Title order={3} size="h4" id="success-eligibility">
            {t('referrals.detail.eligibility')}
          </Title>
          {eligibility ? (
            <EligibilityWarnings
              decision={eligibility.decision}
              failures={eligibility.failures}
              ageAtIncident={eligibility.ageAtIncident}
              excludedLabels={eligibility.excludedReasonCodes.map(label)}
              overrideReason={eligibility.overrideReason}
            />
          ) : (
            <Text c="dimmed">{t('referrals.detail.eligibilityPending')}</Text>
          )}
        </Stack>
      </Card>
      <Group gap="sm" wrap="wrap">
        <Button component={Link} to={links.detail(referral.id)}>
          {t('referrals.success.view')}
        </Button>
        <Button component={Link} to={links.familySheet(referral.id)} variant="default">
          {t('referrals.success.familySheet')}
        </Button>
        <Anchor component={Link} to={links.newReferral}>
          {t('referrals.success.another')}
        </Anchor>
      </Group>
    </Stack>
  );
}
