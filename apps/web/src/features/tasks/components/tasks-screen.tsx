import { Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { TaskView } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useTasks } from '../../../lib/work/get-tasks';
import type { TaskAssignee } from '../../../lib/work/work-keys';
import type { TaskLinks } from './task-links';
import { splitTasks, TaskList } from './task-list';

interface TasksScreenProps {
  assignee: TaskAssignee;
  /** Supervisors may also look at the team's work. */
  canSeeTeam: boolean;
  onAssigneeChange: (assignee: TaskAssignee) => void;
  links: TaskLinks;
  now?: Date;
}

function TaskGroup({
  id,
  title,
  tasks,
  links,
  now,
}: {
  id: string;
  title: string;
  tasks: TaskView[];
  links: TaskLinks;
  now?: Date;
}) {
  if (tasks.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <TaskList tasks={tasks} links={links} now={now} />
    </Card>
  );
}

/** Due and overdue work derived from the clocks (DOMAIN.md): overdue first, then today, then what comes next. */
export function TasksScreen({ assignee, canSeeTeam, onAssigneeChange, links, now }: TasksScreenProps) {
  const { t } = useTranslation();
  const tasks = useTasks(assignee);
  const { overdue, today, later } = splitTasks(tasks.data ?? [], now);
  return (
    <>
      <PageHeader title={t('tasks.title')} description={t('tasks.intro')} />
      <Stack>
        {canSeeTeam ? (
          <SegmentedControl
            aria-label={t('tasks.whose')}
            value={assignee}
            onChange={(value) => onAssigneeChange(value === 'team' ? 'team' : 'me')}
            data={[
              { value: 'me', label: t('tasks.mine') },
              { value: 'team', label: t('tasks.team') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        ) : null}
        {tasks.isPending ? (
          <LoadingState />
        ) : tasks.isError ? (
          <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : tasks.data.length === 0 ? (
          <EmptyState title={t('tasks.emptyTitle')} description={t('tasks.empty')} />
        ) : (
          <>
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('tasks.count', { overdue: overdue.length, today: today.length, later: later.length })}
            </Text>
            <TaskGroup
              id="tasks-overdue"
              title={t('tasks.overdue')}
              tasks={overdue}
              links={links}
              now={now}
            />
            <TaskGroup id="tasks-today" title={t('tasks.today')} tasks={today} links={links} now={now} />
            <TaskGroup id="tasks-later" title={t('tasks.later')} tasks={later} links={links} now={now} />
          </>
        )}
      </Stack>
    </>
  );
}
