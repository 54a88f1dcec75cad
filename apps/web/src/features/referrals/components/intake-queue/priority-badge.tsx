import { Badge, type MantineColor } from '@mantine/core';
import type { Priority } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<Priority, MantineColor> = { ROUTINE: 'gray', URGENT_SAFETY: 'orange', CRISIS: 'red' };

/** A badge whose words wrap in a narrow column instead of being cut off. */
export const WRAPPING = {
  root: { height: 'auto', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3 },
} as const;

/** The priority in words; the color only repeats it. */
export function PriorityBadge({ priority }: { priority: Priority | null }) {
  const { t } = useTranslation();
  if (!priority) return null;
  return (
    <Badge variant={priority === 'ROUTINE' ? 'outline' : 'light'} color={COLORS[priority]} styles={WRAPPING}>
      {t(`referrals.priorities.${priority}`)}
    </Badge>
  );
}
