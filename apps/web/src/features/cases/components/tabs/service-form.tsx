import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import {
  SERVICE_STATUSES,
  serviceRequestSchema,
  type CaseDetail,
  type ServiceRequest,
  type ServiceStatus,
} from '@pathways/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { serviceTypeLabel, useServiceTypes } from '../../../../lib/catalog/get-service-types';
import { localDateTimeToIso, payloadResolver } from '../../../../lib/schema-resolver';
import { useCreateService } from '../../api/create-service';
import { CaseFormFooter } from './case-form-footer';
import { serverErrors } from '../form-errors';
import { useUnsavedChangesGuard } from '../../../../components/ui/unsaved-changes';

interface Values {
  serviceType: string;
  provider: string;
  status: ServiceStatus;
  startedAt: string;
  sessionsPlanned: string;
}

const toPayload = (v: Values) => ({
  serviceType: v.serviceType || undefined,
  provider: v.provider.trim() || undefined,
  status: v.status,
  startedAt: v.startedAt ? localDateTimeToIso(v.startedAt) : undefined,
  sessionsPlanned: v.sessionsPlanned.trim() === '' ? undefined : Number(v.sessionsPlanned),
});

export function ServiceForm({
  detail,
  onSaved,
  onCancel,
}: {
  detail: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const types = useServiceTypes();
  const mutation = useCreateService();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<Values, unknown, ServiceRequest>({
    resolver: payloadResolver(serviceRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: { serviceType: '', provider: '', status: 'REFERRED', startedAt: '', sessionsPlanned: '' },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const status = form.watch('status');
  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      await mutation.mutateAsync({ caseId: detail.id, body });
      guard.release();
      onSaved();
    } catch (error) {
      setUnmatched(
        serverErrors(error, form.setError, [
          'serviceType',
          'provider',
          'status',
          'startedAt',
          'sessionsPlanned',
        ]),
      );
    }
  });
  const typeOptions = (types.data ?? [])
    .filter((x) => x.active)
    .map((x) => ({ value: x.code, label: serviceTypeLabel(x, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.services.addTitle')}>
      <Stack>
        <NativeSelect
          label={t('cases.services.type')}
          required
          disabled={types.isPending}
          data={[
            { value: '', label: types.isPending ? t('common.loading') : t('cases.form.choose') },
            ...typeOptions,
          ]}
          error={
            errors.serviceType?.message ?? (types.isError ? t('cases.services.typesUnavailable') : undefined)
          }
          data-autofocus
          {...form.register('serviceType')}
        />
        <TextInput
          label={t('cases.services.provider')}
          description={t('cases.services.providerHelp')}
          maxLength={200}
          error={errors.provider?.message}
          {...form.register('provider')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('cases.services.status')}
            required
            data={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`cases.serviceStatuses.${s}`) }))}
            error={errors.status?.message}
            {...form.register('status')}
          />
          <TextInput
            type="datetime-local"
            label={t('cases.services.startedAt')}
            error={errors.startedAt?.message}
            {...form.register('startedAt')}
          />
          <TextInput
            label={t('cases.services.sessionsPlanned')}
            inputMode="numeric"
            error={errors.sessionsPlanned?.message}
            {...form.register('sessionsPlanned')}
          />
        </SimpleGrid>
        {status === 'ACTIVE' && !detail.clocks.serviceProgramInitiatedAt ? (
          <Text size="sm" c="blue.9" aria-live="polite">
            {t('cases.services.clockNote')}
          </Text>
        ) : null}
        <CaseFormFooter
          mutation={mutation}
          caseId={detail.id}
          unmatched={unmatched}
          submitLabel={t('cases.services.save')}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
