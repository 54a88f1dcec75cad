import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import {
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_WINDOWS,
  NEW_LE_CONTACTS,
  updateFollowUpRequestSchema,
  type CaseDetail,
  type FollowUpStatus,
  type FollowUpView,
  type FollowUpWindow,
  type NewLeContact,
  type UpdateFollowUpRequest,
} from '@pathways/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DueDate } from '../../../../components/ui/due-date';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { formatDate } from '../../../../lib/format';
import { notify } from '../../../../lib/notify';
import { localDateTimeToIso, payloadResolver, toLocalDateTimeInput } from '../../../../lib/schema-resolver';
import { useFollowUps } from '../../api/get-follow-ups';
import { useUpdateFollowUp } from '../../api/update-follow-up';
import { CaseMutationError } from '../case-mutation-error';
import { serverErrors } from '../form-errors';
import { FormDialog as FormModal } from '../../../../components/ui/form-dialog';
import { Fact, Facts } from './facts';
import { TabSection } from './tab-section';
import { useUnsavedChangesGuard } from '../../../../components/ui/unsaved-changes';

/** Follow-ups at 6 and 12 months after closing: any new law-enforcement contact, attendance, suspensions. */
export function FollowUpsTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const followUps = useFollowUps(detail.id);
  return (
    <TabSection id="follow-ups-heading" title={t('cases.tabs.followUps')}>
      <Text size="sm" c="dimmed">
        {t('cases.followUps.intro')}
      </Text>
      {followUps.isPending ? (
        <LoadingState />
      ) : followUps.isError ? (
        <ErrorState error={followUps.error} onRetry={() => void followUps.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {FOLLOW_UP_WINDOWS.map((window) => (
            <FollowUpCard
              key={window}
              detail={detail}
              window={window}
              followUp={followUps.data.find((f) => f.window === window) ?? null}
            />
          ))}
        </SimpleGrid>
      )}
    </TabSection>
  );
}

function FollowUpCard({
  detail,
  window,
  followUp: f,
}: {
  detail: CaseDetail;
  window: FollowUpWindow;
  followUp: FollowUpView | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={`follow-up-${window}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={700} id={`follow-up-${window}`}>
            {t(`cases.followUps.windows.${window}`)}
          </Text>
          {f ? (
            <Badge variant="light" color={f.status === 'DONE' ? 'green' : 'gray'}>
              {t(`cases.followUps.statuses.${f.status}`)}
            </Badge>
          ) : null}
        </Group>
        {!f ? (
          <Text size="sm" c="dimmed">
            {t('cases.followUps.notYet')}
          </Text>
        ) : (
          <>
            <Facts minWidth="9rem">
              <Fact label={t('cases.followUps.due')}>
                {f.status === 'PENDING' ? (
                  <DueDate at={f.dueAt} nearDays={14} />
                ) : (
                  formatDate(f.dueAt, locale)
                )}
              </Fact>
              <Fact label={t('cases.followUps.completedAt')}>{formatDate(f.completedAt, locale)}</Fact>
              <Fact label={t('cases.followUps.newLeContact')}>
                {f.newLeContact ? t(`cases.followUps.leContacts.${f.newLeContact}`) : null}
              </Fact>
              <Fact label={t('cases.followUps.attendanceRate')}>
                {f.attendanceRate === null ? null : `${f.attendanceRate.toLocaleString(locale)} %`}
              </Fact>
              <Fact label={t('cases.followUps.suspensions')}>
                {f.suspensions === null ? null : f.suspensions.toLocaleString(locale)}
              </Fact>
            </Facts>
            {f.linkedReferralId ? <Text size="sm">{t('cases.followUps.linkedReferral')}</Text> : null}
            {detail.abilities.write ? (
              <Group>
                <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                  {t('cases.followUps.record')}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
      {f ? (
        <FormModal
          opened={editing}
          onClose={() => setEditing(false)}
          title={t('cases.followUps.recordTitle', { window: t(`cases.followUps.windows.${window}`) })}
          size="md"
        >
          <FollowUpForm
            detail={detail}
            followUp={f}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              notify({ color: 'green', message: t('cases.followUps.saved') });
            }}
          />
        </FormModal>
      ) : null}
    </Card>
  );
}

interface Values {
  status: FollowUpStatus;
  newLeContact: NewLeContact | '';
  attendanceRate: string;
  suspensions: string;
  completedAt: string;
}

const num = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

function FollowUpForm({
  detail,
  followUp,
  onSaved,
  onCancel,
}: {
  detail: CaseDetail;
  followUp: FollowUpView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useUpdateFollowUp();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<Values, unknown, UpdateFollowUpRequest>({
    resolver: payloadResolver(updateFollowUpRequestSchema, (v: Values) => ({
      version: followUp.version,
      status: v.status,
      newLeContact: v.newLeContact || undefined,
      attendanceRate: num(v.attendanceRate),
      suspensions: num(v.suspensions),
      completedAt: v.completedAt ? localDateTimeToIso(v.completedAt) : undefined,
    })),
    reValidateMode: 'onBlur',
    defaultValues: {
      status: followUp.status === 'PENDING' ? 'DONE' : followUp.status,
      newLeContact: followUp.newLeContact ?? '',
      attendanceRate: followUp.attendanceRate === null ? '' : String(followUp.attendanceRate),
      suspensions: followUp.suspensions === null ? '' : String(followUp.suspensions),
      completedAt: toLocalDateTimeInput(followUp.completedAt ? new Date(followUp.completedAt) : new Date()),
    },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      await mutation.mutateAsync({ caseId: detail.id, window: followUp.window, ...body });
      guard.release();
      onSaved();
    } catch (error) {
      setUnmatched(
        serverErrors(error, form.setError, [
          'status',
          'newLeContact',
          'attendanceRate',
          'suspensions',
          'completedAt',
        ]),
      );
    }
  });
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.followUps.record')}>
      <Stack>
        <NativeSelect
          label={t('cases.followUps.newLeContact')}
          data={[
            { value: '', label: t('cases.form.choose') },
            ...NEW_LE_CONTACTS.map((c) => ({ value: c, label: t(`cases.followUps.leContacts.${c}`) })),
          ]}
          error={errors.newLeContact?.message}
          data-autofocus
          {...form.register('newLeContact')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('cases.followUps.attendanceRate')}
            description={t('cases.followUps.attendanceHelp')}
            inputMode="decimal"
            error={errors.attendanceRate?.message}
            {...form.register('attendanceRate')}
          />
          <TextInput
            label={t('cases.followUps.suspensions')}
            inputMode="numeric"
            error={errors.suspensions?.message}
            {...form.register('suspensions')}
          />
          <NativeSelect
            label={t('cases.followUps.status')}
            data={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`cases.followUps.statuses.${s}`) }))}
            error={errors.status?.message}
            {...form.register('status')}
          />
          <TextInput
            type="datetime-local"
            label={t('cases.followUps.completedAt')}
            error={errors.completedAt?.message}
            {...form.register('completedAt')}
          />
        </SimpleGrid>
        <CaseMutationError
          error={mutation.error}
          caseId={detail.id}
          subject="record"
          unmatched={unmatched}
          onReload={onCancel}
          afterReload="closes"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
