import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useTasks } from '../../../lib/work/get-tasks';
import type { TaskAssignee } from '../../../lib/work/work-keys';
import type { TaskLinks } from './task-links';
import { splitTasks, TaskList } from './task-list';

const SHOWN = 8;

/** The home screen's "due today and overdue": the few things to do first, with a link to all tasks. */
export function DueWorkPanel({
  links,
  assignee = 'me',
  now,
}: {
  links: TaskLinks;
  assignee?: TaskAssignee;
  now?: Date;
}) {
  const { t } = useTranslation();
  const tasks = useTasks(assignee);
  const { overdue, today } = splitTasks(tasks.data ?? [], now);
  const urgent = [...overdue, ...today];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="due-work-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="due-work-heading">
          {t('tasks.panel.title')}
        </Title>
        {tasks.isPending ? (
          <LoadingState />
        ) : tasks.isError ? (
          <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : (
          <>
            <Text role="status" aria-live="polite">
              {urgent.length === 0
                ? t('tasks.panel.nothing')
                : t('tasks.panel.summary', { overdue: overdue.length, today: today.length })}
            </Text>
            {urgent.length ? <TaskList tasks={urgent.slice(0, SHOWN)} links={links} now={now} /> : null}
          </>
        )}
        <Anchor component={Link} to={links.tasks}>
          {t('tasks.panel.all')}
        </Anchor>
      </Stack>
    </Card>
  );
}
