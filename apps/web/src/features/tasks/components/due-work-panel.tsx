import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { endOfToday } from '../../../lib/clock';
import { useTasks, type TaskFilter } from '../../../lib/work/get-tasks';
import type { TaskAssignee } from '../../../lib/work/work-keys';
import type { TaskLinks } from './task-links';
import { TaskList } from './task-list';

const SHOWN = 8;

/** The panel asks only for what is due by the end of today, so its counts are exact however long the backlog. */
export const urgentTaskFilter = (now?: Date): TaskFilter => ({ dueBefore: endOfToday(now).toISOString() });

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
  const tasks = useTasks(assignee, true, urgentTaskFilter(now));
  const overdue = tasks.data?.overdue ?? 0;
  const today = (tasks.data?.total ?? 0) - overdue;
  const urgent = tasks.data?.items ?? [];
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
              {urgent.length === 0 ? t('tasks.panel.nothing') : t('tasks.panel.summary', { overdue, today })}
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
