import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  GOAL_DOMAINS,
  GOAL_STATUSES,
  goalRequestSchema,
  type CaseDetail,
  type GoalDomain,
  type GoalRequest,
  type GoalStatus,
} from '@pathways/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { payloadResolver } from '../../../../lib/schema-resolver';
import { useCreateGoal } from '../../api/create-goal';
import { CaseFormFooter } from './case-form-footer';
import { useServerSubmit } from '../form-errors';

interface Values {
  domain: GoalDomain | '';
  description: string;
  dueAt: string;
  status: GoalStatus;
}

const toPayload = (v: Values) => ({
  domain: v.domain || undefined,
  description: v.description,
  dueAt: v.dueAt || undefined,
  status: v.status,
});

export function GoalForm({
  detail,
  onSaved,
  onCancel,
}: {
  detail: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useCreateGoal();
  const form = useForm<Values, unknown, GoalRequest>({
    resolver: payloadResolver(goalRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: { domain: '', description: '', dueAt: '', status: 'NOT_STARTED' },
  });
  const { errors } = form.formState;
  const { onSubmit, unmatched } = useServerSubmit(
    form,
    ['domain', 'description', 'dueAt', 'status'],
    (body) => mutation.mutateAsync({ caseId: detail.id, body }),
    onSaved,
  );
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.plan.addGoalTitle')}>
      <Stack>
        <NativeSelect
          label={t('cases.plan.domain')}
          required
          data={[
            { value: '', label: t('cases.form.choose') },
            ...GOAL_DOMAINS.map((d) => ({ value: d, label: t(`cases.goalDomains.${d}`) })),
          ]}
          error={errors.domain?.message}
          data-autofocus
          {...form.register('domain')}
        />
        <Textarea
          label={t('cases.plan.description')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          error={errors.description?.message}
          {...form.register('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('cases.plan.dueAt')}
            error={errors.dueAt?.message}
            {...form.register('dueAt')}
          />
          <NativeSelect
            label={t('cases.plan.status')}
            data={GOAL_STATUSES.map((s) => ({ value: s, label: t(`cases.goalStatuses.${s}`) }))}
            error={errors.status?.message}
            {...form.register('status')}
          />
        </SimpleGrid>
        <CaseFormFooter
          mutation={mutation}
          caseId={detail.id}
          unmatched={unmatched}
          submitLabel={t('cases.plan.saveGoal')}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
