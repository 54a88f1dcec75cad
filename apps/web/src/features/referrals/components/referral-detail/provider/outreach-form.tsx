import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  COMMON_LANGUAGES,
  CONTACT_MODALITIES,
  CONTACT_PARTICIPANTS,
  CONTACT_RESULTS,
  CONTACT_TYPES,
  contactRequestSchema,
  type ContactModality,
  type ContactParticipant,
  type ContactRequest,
  type ContactResult,
  type ContactType,
  type ContactView,
} from '@pathways/contracts';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../../components/ui/error-message';
import { applyServerFieldErrors } from '../../../../../lib/form';
import { languageName } from '../../../../../lib/format';
import {
  localDateTimeToIso,
  payloadResolver,
  toLocalDateTimeInput,
} from '../../../../../lib/schema-resolver';
import { useCreateReferralContact } from '../../../api/create-referral-contact';

interface OutreachFormValues {
  occurredAt: string;
  contactType: ContactType;
  modality: ContactModality | '';
  result: ContactResult | '';
  durationMin: string;
  participants: ContactParticipant[];
  language: string;
  interpreterUsed: boolean;
}

const toPayload = (v: OutreachFormValues) => ({
  occurredAt: localDateTimeToIso(v.occurredAt),
  contactType: v.contactType,
  modality: v.modality || undefined,
  result: v.result || undefined,
  durationMin: v.durationMin.trim() === '' ? undefined : Number(v.durationMin),
  participants: v.participants.length ? v.participants : undefined,
  language: v.language || undefined,
  interpreterUsed: v.interpreterUsed || undefined,
});

const FIELDS = [
  'occurredAt',
  'contactType',
  'modality',
  'result',
  'durationMin',
  'participants',
  'language',
  'interpreterUsed',
] as const;

interface OutreachFormProps {
  referralId: string;
  onSaved: (contact: ContactView) => void;
  onCancel: () => void;
}

/** One attempt to reach the family (or the intake contact itself); a COMPLETED one moves the referral to consent. */
export function OutreachForm({ referralId, onSaved, onCancel }: OutreachFormProps) {
  const { t, i18n } = useTranslation();
  const mutation = useCreateReferralContact();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<OutreachFormValues, unknown, ContactRequest>({
    resolver: payloadResolver(contactRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: {
      occurredAt: toLocalDateTimeInput(new Date()),
      contactType: 'OUTREACH_ATTEMPT',
      modality: '',
      result: '',
      durationMin: '',
      participants: [],
      language: '',
      interpreterUsed: false,
    },
  });
  const { errors } = form.formState;
  const choose = { value: '', label: t('cases.form.choose') };

  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      onSaved(await mutation.mutateAsync({ id: referralId, body }));
    } catch (error) {
      setUnmatched(applyServerFieldErrors(error, form.setError, FIELDS));
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('intake.outreach.logTitle')}>
      <Stack>
        {mutation.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error, t)}
            {unmatched.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        ) : null}
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
            label={t('cases.contact.result')}
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
            label={t('cases.contact.language')}
            data={[
              { value: '', label: t('cases.form.notRecorded') },
              ...COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code, i18n.language) })),
            ]}
            error={errors.language?.message}
            {...form.register('language')}
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
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('intake.outreach.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
