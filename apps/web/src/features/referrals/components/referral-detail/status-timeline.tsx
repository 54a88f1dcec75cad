import { Text, Timeline } from '@mantine/core';
import type { StatusMilestone } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/format';

/** The milestones police users may see (ROI default: enrollment and completion status, dates only). */
export function StatusTimeline({ milestones }: { milestones: StatusMilestone[] }) {
  const { t, i18n } = useTranslation();
  if (milestones.length === 0) return <Text c="dimmed">{t('referrals.detail.noMilestones')}</Text>;
  const ordered = [...milestones].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      active={ordered.length - 1}
      bulletSize={16}
      lineWidth={2}
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {ordered.map((m, index) => (
        <Timeline.Item
          key={`${m.status}-${m.at}-${index}`}
          title={t(`referrals.statuses.${m.status}`)}
          component="li"
        >
          <Text size="sm" c="dimmed">
            <time dateTime={m.at}>{formatDateTime(m.at, i18n.language)}</time>
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
