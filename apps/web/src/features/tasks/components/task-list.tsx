import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { TaskView } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DueDate } from '../../../components/ui/due-date';
import { endOfToday } from '../../../lib/clock';
import type { TaskLinks } from './task-links';

/** Overdue (by the API's clocks), due by the end of today, or later. */
export function splitTasks(tasks: TaskView[], now: Date = new Date()) {
  const end = endOfToday(now).getTime();
  const overdue = tasks.filter((task) => task.overdue);
  const today = tasks.filter((task) => !task.overdue && new Date(task.dueAt).getTime() <= end);
  const later = tasks.filter((task) => !task.overdue && new Date(task.dueAt).getTime() > end);
  return { overdue, today, later };
}

export const taskHref = (task: TaskView, links: TaskLinks) =>
  task.subjectType === 'case' ? links.case(task.subjectId) : links.referral(task.subjectId);

/** Each task names what is due and on which record (a reference or case number, never a name), and links to it. */
export function TaskList({ tasks, links, now }: { tasks: TaskView[]; links: TaskLinks; now?: Date }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="task-list">
      {tasks.map((task) => (
        <li key={`${task.kind}-${task.subjectId}-${task.dueAt}`}>
          <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={taskHref(task, links)} fw={600}>
                {t('tasks.itemLink', { kind: t(`tasks.kinds.${task.kind}`), label: task.label })}
              </Anchor>
              <Text size="xs" c="dimmed">
                {task.subjectType === 'case' ? t('tasks.onCase') : t('tasks.onReferral')}
              </Text>
            </Stack>
            <DueDate at={task.dueAt} now={now} nearDays={1} />
          </Group>
        </li>
      ))}
    </Stack>
  );
}
