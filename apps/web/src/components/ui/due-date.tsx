import { darken, Group, Text, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dueState } from '../../lib/clock';
import { formatDate } from '../../lib/format';
import { WarningIcon } from './warning-icon';

const DAY_MS = 86_400_000;

interface DueDateProps {
  at: string | null;
  /** Within this many days it reads "due soon" (and is marked); past it, "overdue". */
  nearDays?: number;
  now?: Date;
  /** Once met (e.g. the service started), the clock no longer runs: the date alone, unmarked. */
  met?: boolean;
}

/** A due date with its state in words (and an icon when near or over), never color alone. */
export function DueDate({ at, nearDays = 5, now = new Date(), met = false }: DueDateProps) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const date = formatDate(at, i18n.language);
  if (!at || !date) return <Text c="dimmed">—</Text>;
  if (met) return <Text>{date}</Text>;
  const state = dueState(at, nearDays, now);
  const ms = new Date(at).getTime() - now.getTime();
  const label =
    state === 'overdue'
      ? t('common.due.overdueBy', { count: Math.max(1, Math.ceil(-ms / DAY_MS)) })
      : ms < DAY_MS
        ? t('common.due.today')
        : t('common.due.dueIn', { count: Math.floor(ms / DAY_MS) });
  // Red 9 and a darkened orange 9 keep 4.5:1 on white (WCAG AA); the words carry the meaning either way.
  const color =
    state === 'overdue' ? 'red.9' : state === 'near' ? darken(theme.colors.orange[9], 0.2) : undefined;
  return (
    <Group gap={4} wrap="nowrap" align="center" c={color} data-due-state={state}>
      {state === 'ok' ? null : <WarningIcon size={14} />}
      <Text span inherit fw={state === 'ok' ? undefined : 600}>
        {date} · {label}
      </Text>
    </Group>
  );
}
