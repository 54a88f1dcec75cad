import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import {
  CLOSURE_REASONS,
  requestClosureSchema,
  type CaseDetail,
  type ClosureReason,
  type RequestClosure,
} from '@pathways/contracts';
import { outcomeClassOf } from '@pathways/domain';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { payloadResolver } from '../../../../lib/schema-resolver';
import { useRequestClosure } from '../../api/request-closure';
import { CaseMutationError } from '../case-mutation-error';
import { useServerSubmit } from '../form-errors';
import { FormDialog as FormModal } from '../../../../components/ui/form-dialog';

interface Values {
  closureReason: ClosureReason | '';
  summary: string;
}

interface ClosureRequestDialogProps {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** The counselor asks to close; the reason decides the outcome class, which a supervisor then approves. */
export function ClosureRequestDialog({ detail, opened, onClose, onDone }: ClosureRequestDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('cases.closure.requestTitle')} size="md">
      <ClosureRequestForm detail={detail} onClose={onClose} onDone={onDone} />
    </FormModal>
  );
}

function ClosureRequestForm({ detail, onClose, onDone }: Omit<ClosureRequestDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const mutation = useRequestClosure();
  const form = useForm<Values, unknown, RequestClosure>({
    resolver: payloadResolver(requestClosureSchema, (v: Values) => ({
      version: detail.version,
      closureReason: v.closureReason || undefined,
      summary: v.summary,
    })),
    defaultValues: { closureReason: '', summary: '' },
  });
  const { errors } = form.formState;
  const reason = form.watch('closureReason');
  const { onSubmit, unmatched } = useServerSubmit(
    form,
    ['closureReason', 'summary'],
    (body) => mutation.mutateAsync({ caseId: detail.id, ...body }),
    onDone,
  );
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.closure.requestTitle')}>
      <Stack>
        <Text size="sm">{t('cases.closure.requestIntro')}</Text>
        <NativeSelect
          label={t('cases.closure.reason')}
          required
          data={[
            { value: '', label: t('cases.form.choose') },
            ...CLOSURE_REASONS.map((r) => ({ value: r, label: t(`cases.closureReasons.${r}`) })),
          ]}
          error={errors.closureReason?.message}
          data-autofocus
          {...form.register('closureReason')}
        />
        {reason ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('cases.closure.outcomeWillBe', { outcome: t(`cases.outcomes.${outcomeClassOf(reason)}`) })}
            {detail.pathway === 'PREVENTION' ? ` ${t('cases.closure.preventionNote')}` : ''}
          </Text>
        ) : null}
        <Textarea
          label={t('cases.closure.summary')}
          required
          autosize
          minRows={4}
          maxLength={4000}
          error={errors.summary?.message}
          {...form.register('summary')}
        />
        <CaseMutationError
          error={mutation.error}
          caseId={detail.id}
          unmatched={unmatched}
          onReload={onClose}
          afterReload="closes"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('cases.closure.requestConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
