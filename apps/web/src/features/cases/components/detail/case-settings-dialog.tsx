import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import {
  PERMISSIONS,
  updateCaseRequestSchema,
  type CaseDetail,
  type UpdateCaseRequest,
} from '@pathways/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../lib/format';
import { useStaff } from '../../../../lib/people/get-staff';
import { payloadResolver } from '../../../../lib/schema-resolver';
import { can, useSession } from '../../../../lib/session';
import { useUpdateCase } from '../../api/update-case';
import { CaseMutationError } from '../case-mutation-error';
import { serverErrors } from '../form-errors';
import { FormDialog as FormModal } from '../../../../components/ui/form-dialog';
import { useUnsavedChangesGuard } from '../../../../components/ui/unsaved-changes';

interface Values {
  targetEndAt: string;
  primaryCounselorId: string;
}

interface CaseSettingsDialogProps {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** The target end date (never past the 6-month maximum) and, for a supervisor, the primary counselor. */
export function CaseSettingsDialog({ detail, opened, onClose, onDone }: CaseSettingsDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('cases.settings.title')} size="md">
      <CaseSettingsForm detail={detail} onClose={onClose} onDone={onDone} />
    </FormModal>
  );
}

function CaseSettingsForm({ detail, onClose, onDone }: Omit<CaseSettingsDialogProps, 'opened'>) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const supervise = detail.abilities.supervise;
  const counselors = useStaff('COUNSELOR', supervise && can(me, PERMISSIONS.USERS_READ));
  const mutation = useUpdateCase();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const maxEnd = detail.clocks.maxEndAt.slice(0, 10);
  const form = useForm<Values, unknown, UpdateCaseRequest>({
    resolver: (values, context, options) => {
      if (values.targetEndAt && values.targetEndAt > maxEnd)
        return {
          values: {},
          errors: {
            targetEndAt: {
              type: 'max',
              message: t('cases.settings.pastMax', {
                date: formatDate(detail.clocks.maxEndAt, i18n.language),
              }),
            },
          },
        };
      return payloadResolver(updateCaseRequestSchema, (v: Values) => ({
        version: detail.version,
        targetEndAt:
          v.targetEndAt && v.targetEndAt !== detail.clocks.targetEndAt.slice(0, 10)
            ? v.targetEndAt
            : undefined,
        primaryCounselorId:
          supervise && v.primaryCounselorId && v.primaryCounselorId !== detail.primaryCounselorId
            ? v.primaryCounselorId
            : undefined,
      }))(values, context, options);
    },
    defaultValues: {
      targetEndAt: detail.clocks.targetEndAt.slice(0, 10),
      primaryCounselorId: detail.primaryCounselorId,
    },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    if (body.targetEndAt === undefined && body.primaryCounselorId === undefined) {
      onClose();
      return;
    }
    try {
      await mutation.mutateAsync({ caseId: detail.id, ...body });
      guard.release();
      onDone();
    } catch (error) {
      setUnmatched(serverErrors(error, form.setError, ['targetEndAt', 'primaryCounselorId']));
    }
  });
  const options = [...(counselors.data ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));
  if (!options.some((u) => u.id === detail.primaryCounselorId))
    options.unshift({
      id: detail.primaryCounselorId,
      displayName: detail.primaryCounselorName ?? '—',
      role: 'COUNSELOR',
    });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.settings.title')}>
      <Stack>
        <TextInput
          type="date"
          label={t('cases.clocks.targetEnd')}
          description={t('cases.settings.targetHelp', {
            date: formatDate(detail.clocks.maxEndAt, i18n.language),
          })}
          max={maxEnd}
          required
          error={errors.targetEndAt?.message}
          data-autofocus
          {...form.register('targetEndAt')}
        />
        {supervise ? (
          <NativeSelect
            label={t('cases.settings.counselor')}
            data={options.map((u) => ({ value: u.id, label: u.displayName }))}
            error={errors.primaryCounselorId?.message}
            {...form.register('primaryCounselorId')}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('cases.settings.counselorBySupervisor')}
          </Text>
        )}
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
            {t('common.actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
