import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  CONTACT_MODALITIES,
  CONTACT_PARTICIPANTS,
  CONTACT_RESULTS,
  CONTACT_TYPES,
  contactRequestSchema,
  type CaseDetail,
  type ContactModality,
  type ContactParticipant,
  type ContactRequest,
  type ContactResult,
  type ContactType,
} from '@pathways/contracts';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localDateTimeToIso, payloadResolver, toLocalDateTimeInput } from '../../../../lib/schema-resolver';
import { useCreateCaseContact } from '../../api/create-case-contact';
import { useServices } from '../../api/get-services';
import { CaseMutationError } from '../case-mutation-error';
import { serverErrors } from '../form-errors';

interface Values {
  occurredAt: string;
  contactType: ContactType;
  modality: ContactModality | '';
  result: ContactResult | '';
  durationMin: string;
  participants: ContactParticipant[];
  serviceEnrollmentId: string;
  interpreterUsed: boolean;
}

const toPayload = (v: Values) => ({
  occurredAt: localDateTimeToIso(v.occurredAt),
  contactType: v.contactType,
  modality: v.modality || undefined,
  result: v.result || undefined,
  durationMin: v.durationMin.trim() === '' ? undefined : Number(v.durationMin),
  participants: v.participants.length ? v.participants : undefined,
  serviceEnrollmentId: v.serviceEnrollmentId || undefined,
  interpreterUsed: v.interpreterUsed || undefined,
});

const FIELDS = [
  'occurredAt',
  'contactType',
  'modality',
  'result',
  'durationMin',
  'participants',
  'serviceEnrollmentId',
  'interpreterUsed',
] as const;

/** A session or other contact, with its attendance (`result`) and, when it is part of a service, that service. */
export function SessionForm({
  detail,
  onSaved,
  onCancel,
}: {
  detail: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const services = useServices(detail.id);
  const mutation = useCreateCaseContact();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<Values, unknown, ContactRequest>({
    resolver: payloadResolver(contactRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: {
      occurredAt: toLocalDateTimeInput(new Date()),
      contactType: 'COUNSELING_INDIVIDUAL',
      modality: '',
      result: '',
      durationMin: '',
      participants: ['YOUTH'],
      serviceEnrollmentId: '',
      interpreterUsed: false,
    },
  });
  const { errors } = form.formState;
  const choose = { value: '', label: t('cases.form.choose') };
  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      await mutation.mutateAsync({ caseId: detail.id, body });
      onSaved();
    } catch (error) {
      setUnmatched(serverErrors(error, form.setError, FIELDS));
    }
  });
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('cases.sessions.addTitle')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('cases.contact.occurredAt')}
            required
            error={errors.occurredAt?.message}
            data-autofocus
            {...form.register('occurredAt')}
          />
          <NativeSelect
            label={t('cases.contact.contactType')}
            required
            data={CONTACT_TYPES.map((c) => ({ value: c, label: t(`cases.contactTypes.${c}`) }))}
            error={errors.contactType?.message}
            {...form.register('contactType')}
          />
          <NativeSelect
            label={t('cases.contact.modality')}
            required
            data={[
              choose,
              ...CONTACT_MODALITIES.map((m) => ({ value: m, label: t(`cases.modalities.${m}`) })),
            ]}
            error={errors.modality?.message}
            {...form.register('modality')}
          />
          <NativeSelect
            label={t('cases.sessions.attendance')}
            required
            data={[choose, ...CONTACT_RESULTS.map((r) => ({ value: r, label: t(`cases.results.${r}`) }))]}
            error={errors.result?.message}
            {...form.register('result')}
          />
          <TextInput
            label={t('cases.contact.durationMin')}
            inputMode="numeric"
            error={errors.durationMin?.message}
            {...form.register('durationMin')}
          />
          <NativeSelect
            label={t('cases.sessions.service')}
            data={[
              { value: '', label: t('cases.sessions.noService') },
              ...(services.data ?? []).map((s) => ({
                value: s.id,
                label: s.serviceTypeLabel ?? s.serviceType,
              })),
            ]}
            error={errors.serviceEnrollmentId?.message}
            {...form.register('serviceEnrollmentId')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="participants"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label={t('cases.contact.participants')}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              error={fieldState.error?.message}
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                {CONTACT_PARTICIPANTS.map((p, index) => (
                  <Checkbox
                    key={p}
                    value={p}
                    label={t(`cases.participants.${p}`)}
                    ref={index === 0 ? field.ref : undefined}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        />
        <Checkbox label={t('cases.contact.interpreterUsed')} {...form.register('interpreterUsed')} />
        <CaseMutationError
          error={mutation.error}
          caseId={detail.id}
          unmatched={unmatched}
          onReload={onCancel}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('cases.sessions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
