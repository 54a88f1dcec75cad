import { Card, Group, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { TASK_KINDS, type TaskKind, type TaskList as TaskListData, type TaskView } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { formatCount } from '../../../lib/list';
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

/** Narrows the list to one kind of work; each option says how much of it is due (of the last answer). */
function KindFilter({
  value,
  onChange,
  counts,
}: {
  value: TaskKind | null;
  onChange: (kind: TaskKind | null) => void;
  counts: TaskListData | undefined;
}) {
  const { t, i18n } = useTranslation();
  const due = new Map((counts?.byKind ?? []).map((k) => [k.kind, k.total]));
  const data = [
    { value: '', label: t('tasks.allKinds') },
    ...TASK_KINDS.filter((k) => due.has(k) || k === value).map((k) => ({
      value: k,
      label: value
        ? t(`tasks.kinds.${k}`)
        : t('tasks.kindOption', {
            kind: t(`tasks.kinds.${k}`),
            count: formatCount(due.get(k) ?? 0, i18n.language),
          }),
    })),
  ];
  return (
    <NativeSelect
      label={t('tasks.kindFilter')}
      data={data}
      value={value ?? ''}
      onChange={(event) => onChange((event.currentTarget.value || null) as TaskKind | null)}
      w={{ base: '100%', xs: 360 }}
    />
  );
}

/** Due and overdue work derived from the clocks (DOMAIN.md): overdue first, then today, then what comes next. */
export function TasksScreen({ assignee, canSeeTeam, onAssigneeChange, links, now }: TasksScreenProps) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<TaskKind | null>(null);
  const tasks = useTasks(assignee, true, kind ? { kind } : {});
  const items = tasks.data?.items ?? [];
  const { overdue, today, later } = splitTasks(items, now);
  return (
    <>
      <PageHeader title={t('tasks.title')} description={t('tasks.intro')} />
      <Stack>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {canSeeTeam ? (
            <SegmentedControl
              aria-label={t('tasks.whose')}
              value={assignee}
              onChange={(value) => onAssigneeChange(value === 'team' ? 'team' : 'me')}
              data={[
                { value: 'me', label: t('tasks.mine') },
                { value: 'team', label: t('tasks.team') },
              ]}
            />
          ) : null}
          <KindFilter value={kind} onChange={setKind} counts={tasks.data} />
        </Group>
        {tasks.isPending ? (
          <LoadingState />
        ) : tasks.isError ? (
          <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t('tasks.emptyTitle')} description={t('tasks.empty')} />
        ) : (
          <>
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {items.length < tasks.data.total
                ? t('tasks.countPartial', {
                    shown: formatCount(items.length, i18n.language),
                    total: formatCount(tasks.data.total, i18n.language),
                    overdue: formatCount(tasks.data.overdue, i18n.language),
                  })
                : t('tasks.count', { overdue: overdue.length, today: today.length, later: later.length })}
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
