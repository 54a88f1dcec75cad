import { Alert, Box, Button, Card, Stack, Text, Title } from '@mantine/core';
import {
  PERMISSIONS,
  type ProgramStatus,
  type ReferralDetail,
  type ReferralStatus,
} from '@pathways/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../lib/format';
import { notify } from '../../../../lib/notify';
import { can, useSession } from '../../../../lib/session';
import { useTasks } from '../../../../lib/work/get-tasks';
import { useAcknowledgeReferralReturn } from '../../api/acknowledge-referral-return';
import { ReferralMutationError } from './provider/referral-mutation-error';

interface ProgramFacts {
  acknowledgedAt: string | null;
  enrolledAt: string | null;
  completedAt: string | null;
  attendance: ProgramStatus['attendance'];
  goals: ProgramStatus['goals'];
}

/**
 * The program milestones the viewer may know (ACCESS.md: enrollment and completion status by default; attendance
 * and goal counts only with a release of information). From `programStatus`, else from the status milestones.
 */
export function programFacts(referral: ReferralDetail): ProgramFacts {
  const first = (status: ReferralStatus | 'COMPLETED') =>
    referral.milestones
      .filter((m) => m.status === status)
      .map((m) => m.at)
      .sort()[0] ?? null;
  const ps = referral.programStatus;
  return {
    acknowledgedAt: ps?.acknowledgedAt ?? first('TRIAGE'),
    enrolledAt: ps?.enrolledAt ?? first('ENROLLED'),
    completedAt: ps?.completedAt ?? first('COMPLETED') ?? referral.completedAt,
    attendance: ps?.attendance ?? null,
    goals: ps?.goals ?? null,
  };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600}>
        {children}
      </Text>
    </div>
  );
}

/** The officer's view of the program: acknowledged, enrolled, completed, with dates only (WIC 827, ACCESS.md). */
export function ProgramStatus({ referral }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  const facts = programFacts(referral);
  const date = (value: string | null) => formatDate(value, i18n.language) ?? t('referrals.summary.notYet');
  const { attendance, goals } = facts;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="program-status-heading">
      <Title order={2} size="h4" id="program-status-heading" mb="sm">
        {t('intake.program.title')}
      </Title>
      <Box
        component="dl"
        m={0}
        data-testid="program-status"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 11rem), 1fr))',
          gap: 'var(--mantine-spacing-sm)',
        }}
      >
        <Fact label={t('intake.program.acknowledged')}>{date(facts.acknowledgedAt)}</Fact>
        <Fact label={t('intake.program.enrolled')}>{date(facts.enrolledAt)}</Fact>
        <Fact label={t('intake.program.completed')}>{date(facts.completedAt)}</Fact>
        {attendance ? (
          <Fact label={t('intake.program.attendance')}>
            {t('intake.program.attendedOf', {
              attended: attendance.sessionsAttended,
              scheduled: attendance.sessionsScheduled,
            })}
          </Fact>
        ) : null}
        {goals ? (
          <Fact label={t('intake.program.plan')}>
            {t('intake.program.goalsAchieved', {
              achieved: (goals.byStatus.ACHIEVED ?? 0) + (goals.byStatus.PARTIALLY_ACHIEVED ?? 0),
              goals: goals.total,
            })}
          </Fact>
        ) : null}
      </Box>
    </Card>
  );
}

const RETURNED_STATUSES = ['INELIGIBLE', 'UNABLE_TO_CONTACT', 'DECLINED'] as const;
type ReturnedStatus = (typeof RETURNED_STATUSES)[number];
const isReturnedStatus = (status: string): status is ReturnedStatus =>
  (RETURNED_STATUSES as readonly string[]).includes(status);

/**
 * A police diversion whose decision came back to the officer (DOMAIN.md): ruled ineligible, family not reached or
 * declined, or (while the referral stays ENROLLED) an unsuccessful closure. The officer's open DECISION_RETURNED
 * task says one is waiting to be acknowledged.
 */
export function ReturnedDecision({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const tasks = useTasks('me', can(me, PERMISSIONS.TASK_READ), {
    subjectId: referral.id,
    kind: 'DECISION_RETURNED',
  });
  const acknowledge = useAcknowledgeReferralReturn();
  const waiting = (tasks.data?.items ?? []).some((task) => task.subjectType === 'referral');
  const returnedStatus = isReturnedStatus(referral.status) ? referral.status : null;
  if (referral.pathway !== 'LE_DIVERSION_626B' || (!waiting && !returnedStatus)) return null;
  const reason = t(`intake.returned.reasons.${returnedStatus ?? 'UNSUCCESSFUL'}`);
  const canAcknowledge = waiting && can(me, PERMISSIONS.REFERRAL_CREATE);
  return (
    <Alert color="orange" variant="light" title={t('intake.returned.title')} data-testid="returned-decision">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{reason}</Text>
        {canAcknowledge ? (
          <>
            <Text size="sm">{t('intake.returned.body')}</Text>
            <Button
              className="no-print"
              loading={acknowledge.isPending}
              onClick={() =>
                acknowledge.mutate(
                  { id: referral.id, version: referral.version },
                  { onSuccess: () => notify({ color: 'green', message: t('intake.returned.done') }) },
                )
              }
            >
              {t('intake.returned.acknowledge')}
            </Button>
          </>
        ) : null}
        <ReferralMutationError
          error={acknowledge.error}
          referralId={referral.id}
          onReload={() => acknowledge.reset()}
        />
      </Stack>
    </Alert>
  );
}
