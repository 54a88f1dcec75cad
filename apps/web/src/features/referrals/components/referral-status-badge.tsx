import { Badge, type MantineColor } from '@mantine/core';
import type { ReferralStatus } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';

export type DisplayStatus = ReferralStatus | 'SEALED' | 'COMPLETED';

const COLORS: Record<DisplayStatus, MantineColor> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  NEEDS_INFO: 'orange',
  TRIAGE: 'blue',
  OUTREACH: 'cyan',
  CONSENT_PENDING: 'cyan',
  ENROLLED: 'green',
  COMPLETED: 'green',
  INELIGIBLE: 'red',
  DUPLICATE: 'gray',
  UNABLE_TO_CONTACT: 'grape',
  DECLINED: 'gray',
  WITHDRAWN: 'gray',
  SEALED: 'dark',
};

/** The status in words; the color only repeats it. */
export function ReferralStatusBadge({ status }: { status: DisplayStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      component="span"
      variant="light"
      color={COLORS[status]}
      style={{ flexShrink: 0 }}
      data-testid="referral-status"
    >
      {t(`referrals.statuses.${status}`)}
    </Badge>
  );
}
