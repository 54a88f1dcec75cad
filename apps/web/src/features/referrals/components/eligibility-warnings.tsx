import { Alert, List, Text } from '@mantine/core';
import type { EligibilityDecision, EligibilityFailure } from '@pathways/contracts';
import { MAX_AGE, MIN_AGE, RESTITUTION_LIMIT_USD } from '@pathways/domain';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../lib/format';

interface EligibilityWarningsProps {
  failures: EligibilityFailure[];
  ageAtIncident: number | null;
  /** Labels of the excluded reason codes, in the active language. */
  excludedLabels: string[];
  /** The API's decision once there is one (review, detail); live checks have none. */
  decision?: EligibilityDecision;
  overrideReason?: string | null;
}

/**
 * The eligibility checklist in words (WIC 654.3): what fails, and that a provider supervisor must override it. A
 * referral that fails can still be sent. The region is live, so a warning is announced as it appears.
 */
export function EligibilityWarnings(props: EligibilityWarningsProps) {
  const { t, i18n } = useTranslation();
  const money = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  });
  const items = props.failures.map((failure) => {
    switch (failure) {
      case 'AGE_OUT_OF_RANGE':
        return props.ageAtIncident === null
          ? t('referrals.eligibility.ageUnknownRange', { min: MIN_AGE, max: MAX_AGE })
          : t('referrals.eligibility.age', { age: props.ageAtIncident, min: MIN_AGE, max: MAX_AGE });
      case 'EXCLUDED_REASON_CODE':
        return t('referrals.eligibility.excluded', {
          codes: formatList(props.excludedLabels, i18n.language),
          count: props.excludedLabels.length,
        });
      case 'RESTITUTION_OVER_LIMIT':
        return t('referrals.eligibility.restitution', { limit: money.format(RESTITUTION_LIMIT_USD) });
    }
  });
  return (
    <div aria-live="polite" data-testid="eligibility">
      {props.decision === 'OVERRIDDEN' ? (
        <Alert color="green" variant="light" title={t('referrals.eligibility.overriddenTitle')}>
          {props.overrideReason ? <Text size="sm">{props.overrideReason}</Text> : null}
        </Alert>
      ) : props.decision === 'INELIGIBLE' ? (
        <Alert color="red" variant="light" title={t('referrals.eligibility.ineligibleTitle')}>
          <List size="sm">
            {items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Alert>
      ) : items.length > 0 ? (
        <Alert color="yellow" variant="light" title={t('referrals.eligibility.warningTitle')}>
          <List size="sm" spacing={4}>
            {items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('referrals.eligibility.overrideExplained')}
          </Text>
        </Alert>
      ) : props.decision === 'ELIGIBLE' ? (
        <Text size="sm">{t('referrals.eligibility.eligible')}</Text>
      ) : null}
    </div>
  );
}
