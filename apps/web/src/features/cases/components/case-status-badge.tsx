import { Badge, type MantineColor } from '@mantine/core';
import type { CaseStatus } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<CaseStatus, MantineColor> = {
  INTAKE: 'blue',
  ASSESSMENT: 'blue',
  PLANNING: 'cyan',
  ACTIVE: 'green',
  ON_HOLD: 'gray',
  NON_COMPLIANT: 'orange',
  CLOSURE_REVIEW: 'grape',
  CLOSED: 'dark',
};

/** The case status in words; the color only repeats it. */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      component="span"
      variant="light"
      color={COLORS[status]}
      style={{ flexShrink: 0 }}
      data-testid="case-status"
    >
      {t(`cases.statuses.${status}`)}
    </Badge>
  );
}
