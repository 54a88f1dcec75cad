import { Alert, Anchor, Box, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { PERMISSIONS, type CaseDetail } from '@pathways/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DueDate } from '../../../../components/ui/due-date';
import { WarningIcon } from '../../../../components/ui/warning-icon';
import { formatDate, formatDateTime } from '../../../../lib/format';
import { can, useSession } from '../../../../lib/session';
import { useTasks } from '../../../../lib/work/get-tasks';
import type { CaseLinks } from '../case-links';

export function youthName(c: CaseDetail): string {
  const { firstName, lastName, preferredName } = c.youth;
  return preferredName ? `${firstName} (${preferredName}) ${lastName}` : `${firstName} ${lastName}`;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Box component="dd" m={0} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </div>
  );
}

/** WIC 652.5: met (the program started; on time or late), open (due date ahead) or overdue. */
export function ServiceStartClock({ detail, now }: { detail: CaseDetail; now: Date }) {
  const { t, i18n } = useTranslation();
  const { serviceProgramInitiatedAt: started, dueServiceStartAt: due } = detail.clocks;
  if (started) {
    const late = new Date(started).getTime() > new Date(due).getTime();
    return (
      <Text span inherit data-clock="met">
        {late
          ? t('cases.clocks.metLate', { date: formatDate(started, i18n.language) })
          : t('cases.clocks.met', { date: formatDate(started, i18n.language) })}
      </Text>
    );
  }
  if (detail.status === 'CLOSED')
    return (
      <Text span inherit>
        {t('cases.clocks.notStarted')}
      </Text>
    );
  return <DueDate at={due} now={now} />;
}

/** The facts at the top of the case page: pathway, counselor, clocks. */
export function CaseFacts({ detail, now }: { detail: CaseDetail; now: Date }) {
  const { t, i18n } = useTranslation();
  const open = detail.status !== 'CLOSED';
  return (
    <Box
      component="dl"
      m={0}
      data-testid="case-facts"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
        gap: 'var(--mantine-spacing-sm)',
      }}
    >
      <Fact label={t('cases.detail.pathway')}>{t(`referrals.pathways.${detail.pathway}`)}</Fact>
      <Fact label={t('cases.detail.counselor')}>{detail.primaryCounselorName ?? '—'}</Fact>
      <Fact label={t('cases.clocks.serviceStart')}>
        <ServiceStartClock detail={detail} now={now} />
      </Fact>
      <Fact label={t('cases.clocks.targetEnd')}>
        {open ? (
          <DueDate at={detail.clocks.targetEndAt} nearDays={14} now={now} />
        ) : (
          formatDate(detail.clocks.targetEndAt, i18n.language)
        )}
      </Fact>
      <Fact label={t('cases.clocks.maxEnd')}>{formatDate(detail.clocks.maxEndAt, i18n.language)}</Fact>
      <Fact label={t('cases.clocks.lastContact')}>
        {formatDateTime(detail.clocks.lastContactAt, i18n.language) ?? t('cases.list.never')}
      </Fact>
    </Box>
  );
}

/** Active safety flags from assessments, each with an icon and its name: never color alone. */
export function SafetyFlags({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (detail.safetyFlags.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={
        <Group gap={6} wrap="nowrap">
          <WarningIcon />
          <span>{t('cases.detail.safetyTitle')}</span>
        </Group>
      }
      data-testid="safety-flags"
    >
      <List size="sm" spacing={2}>
        {detail.safetyFlags.map((flag) => (
          <List.Item key={flag}>{t(`cases.flags.${flag}`)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The open tasks on this case, soonest first: what is due next. */
export function DueNext({ detail, links, now }: { detail: CaseDetail; links: CaseLinks; now: Date }) {
  const { t } = useTranslation();
  const me = useSession();
  const assignee = can(me, PERMISSIONS.CASE_SUPERVISE) ? 'team' : 'me';
  const tasks = useTasks(assignee, can(me, PERMISSIONS.TASK_READ), { subjectId: detail.id });
  const mine = (tasks.data?.items ?? []).filter((task) => task.subjectType === 'case');
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="due-next-heading">
      <Title order={2} size="h4" id="due-next-heading" mb="xs">
        {t('cases.detail.dueNext')}
      </Title>
      {tasks.isPending ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : tasks.isError ? (
        <Text size="sm" c="dimmed">
          {t('cases.detail.dueNextUnavailable')}
        </Text>
      ) : mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.detail.nothingDue')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="due-next">
          {mine.slice(0, 6).map((task) => (
            <li key={`${task.kind}-${task.dueAt}`}>
              <Text size="sm" fw={600}>
                {t(`tasks.kinds.${task.kind}`)}
              </Text>
              <DueDate at={task.dueAt} now={now} nearDays={2} />
            </li>
          ))}
        </Stack>
      )}
      <Anchor component={Link} to={links.referral(detail.referralId)} size="sm" mt="sm" display="block">
        {t('cases.detail.openReferral', { reference: detail.referenceNumber })}
      </Anchor>
    </Card>
  );
}
