import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { AssessmentFlag, AssessmentView, CaseDetail } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { WarningIcon } from '../../../../components/ui/warning-icon';
import { formatDate, formatDateTime, formatList } from '../../../../lib/format';
import { notify } from '../../../../lib/notify';
import { useApproveAssessmentOverride } from '../../api/approve-assessment-override';
import { useAssessments } from '../../api/get-assessments';
import { CaseMutationError } from '../case-mutation-error';
import { FormDialog as FormModal } from '../../../../components/ui/form-dialog';
import { AssessmentForm } from './assessment-form';
import { Fact, Facts } from './facts';
import { TabSection } from './tab-section';

const SAFETY: readonly AssessmentFlag[] = ['SUICIDE_RISK', 'SELF_HARM', 'HARM_TO_OTHERS'];

/** Instruments and scores (clinical: the assigned counselor writes, the supervisor reads and approves overrides). */
export function AssessmentsTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const assessments = useAssessments(detail.id);
  const [adding, setAdding] = useState(false);
  const canAdd = detail.abilities.writeClinical && detail.status !== 'CLOSED';

  return (
    <TabSection
      id="assessments-heading"
      title={t('cases.tabs.assessments')}
      action={canAdd ? <Button onClick={() => setAdding(true)}>{t('cases.assessments.add')}</Button> : null}
    >
      {assessments.isPending ? (
        <LoadingState />
      ) : assessments.isError ? (
        <ErrorState error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : assessments.data.length === 0 ? (
        <EmptyState title={t('cases.assessments.emptyTitle')} description={t('cases.assessments.empty')} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {[...assessments.data]
            .sort((a, b) => b.administeredAt.localeCompare(a.administeredAt))
            .map((a) => (
              <AssessmentCard key={a.id} assessment={a} detail={detail} />
            ))}
        </Stack>
      )}
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('cases.assessments.addTitle')}>
        <AssessmentForm
          detail={detail}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            notify({ color: 'green', message: t('cases.assessments.saved') });
          }}
        />
      </FormModal>
    </TabSection>
  );
}

function AssessmentCard({ assessment: a, detail }: { assessment: AssessmentView; detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const approve = useApproveAssessmentOverride();
  const pendingOverride = a.overrideLevel !== null && a.overrideApprovedAt === null;
  const safety = a.flags.filter((f) => SAFETY.includes(f));
  return (
    <Card withBorder radius="md" p="md" component="li" data-testid="assessment">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700}>
            {t(`cases.instruments.${a.instrument}`)} · {t(`cases.timings.${a.timing}`)}
          </Text>
          <Badge variant="light" color={a.effectiveLevel === 'HIGH' ? 'red' : 'blue'}>
            {t('cases.assessments.levelBadge', { level: t(`cases.riskLevels.${a.effectiveLevel}`) })}
          </Badge>
        </Group>
        {safety.length ? (
          <Group gap={6} c="red.9" wrap="nowrap">
            <WarningIcon />
            <Text span size="sm" fw={600}>
              {formatList(
                safety.map((f) => t(`cases.flags.${f}`)),
                locale,
              )}
            </Text>
          </Group>
        ) : null}
        <Facts>
          <Fact label={t('cases.assessments.administeredAt')}>
            {formatDateTime(a.administeredAt, locale)}
          </Fact>
          <Fact label={t('cases.assessments.overallLevel')}>{t(`cases.riskLevels.${a.overallLevel}`)}</Fact>
          <Fact label={t('cases.assessments.totalScore')}>
            {a.totalScore === null ? null : a.totalScore.toLocaleString(locale)}
          </Fact>
          <Fact label={t('cases.assessments.flags')}>
            {a.flags.length
              ? formatList(
                  a.flags.map((f) => t(`cases.flags.${f}`)),
                  locale,
                )
              : null}
          </Fact>
          <Fact label={t('cases.assessments.by')}>{a.createdByName}</Fact>
        </Facts>
        {a.overrideLevel ? (
          <Text size="sm">
            {t('cases.assessments.overrideLine', {
              level: t(`cases.riskLevels.${a.overrideLevel}`),
              reason: a.overrideReason ?? '',
            })}{' '}
            {a.overrideApprovedAt
              ? t('cases.assessments.overrideApproved', { date: formatDate(a.overrideApprovedAt, locale) })
              : t('cases.assessments.overridePending')}
          </Text>
        ) : null}
        {pendingOverride && detail.abilities.supervise ? (
          <Group>
            <Button
              size="xs"
              loading={approve.isPending}
              onClick={() =>
                approve.mutate(
                  { caseId: detail.id, assessmentId: a.id },
                  {
                    onSuccess: () => notify({ color: 'green', message: t('cases.assessments.overrideDone') }),
                  },
                )
              }
            >
              {t('cases.assessments.approveOverride')}
            </Button>
          </Group>
        ) : null}
        <CaseMutationError
          error={approve.error}
          caseId={detail.id}
          subject="record"
          onReload={() => approve.reset()}
        />
      </Stack>
    </Card>
  );
}
