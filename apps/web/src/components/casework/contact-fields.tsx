import { Checkbox, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import {
  CONTACT_MODALITIES,
  CONTACT_PARTICIPANTS,
  CONTACT_RESULTS,
  CONTACT_TYPES,
} from '@pathways/contracts';
import type { ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField } from './checkbox-group-field';
import type { ContactFieldValues } from './contact-values';

interface ContactFieldsProps<T extends ContactFieldValues, C, O> {
  form: UseFormReturn<T, C, O>;
  /** The `result` select's label ("Attendance" on a session). */
  resultLabel: string;
  /** The last input of the grid (the session's service, the outreach's language). */
  children?: ReactNode;
}

/** The contact fields, shared by the case session form and the referral outreach form (same contract, same inputs). */
export function ContactFields<T extends ContactFieldValues, C, O>({
  form: typedForm,
  resultLabel,
  children,
}: ContactFieldsProps<T, C, O>) {
  const { t } = useTranslation();
  // Only the shared fields are touched here, so the form is read as one with just those.
  const form = typedForm as unknown as UseFormReturn<ContactFieldValues>;
  const { errors } = form.formState;
  const choose = { value: '', label: t('cases.form.choose') };
  return (
    <>
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
          data={[choose, ...CONTACT_MODALITIES.map((m) => ({ value: m, label: t(`cases.modalities.${m}`) }))]}
          error={errors.modality?.message}
          {...form.register('modality')}
        />
        <NativeSelect
          label={resultLabel}
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
        {children}
      </SimpleGrid>
      <CheckboxGroupField
        control={form.control}
        name="participants"
        label={t('cases.contact.participants')}
        options={CONTACT_PARTICIPANTS.map((p) => ({ value: p, label: t(`cases.participants.${p}`) }))}
      />
      <Checkbox label={t('cases.contact.interpreterUsed')} {...form.register('interpreterUsed')} />
    </>
  );
}
