import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  AGE_BANDS,
  CONTACT_DISPOSITIONS,
  GENDER_IDENTITIES,
  RACE_ETHNICITIES,
  REASON_CODE_KINDS,
  schoolContactRequestSchema,
  type AgeBand,
  type ContactDisposition,
  type GenderIdentity,
  type RaceEthnicity,
  type ReasonCode,
  type School,
  type SchoolContactRequest,
  type SchoolContactView,
} from '@pathways/contracts';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ui/error-message';
import { reasonCodeLabel } from '../../../lib/catalog/get-reason-codes';
import { schoolOptions } from '../../../lib/catalog/get-schools';
import { applyServerFieldErrors, selectFieldProps } from '../../../lib/form';
import { localDateTimeToIso, payloadResolver, toLocalDateTimeInput } from '../../../lib/schema-resolver';
import { useCreateSchoolContact } from '../api/create-school-contact';
import { useUnsavedChangesGuard } from '../../../components/ui/unsaved-changes';

interface SchoolContactFormValues {
  occurredAt: string;
  schoolId: string;
  reasonCodes: string[];
  disposition: ContactDisposition | '';
  ageBand: AgeBand | '';
  genderIdentity: GenderIdentity | '';
  raceEthnicity: RaceEthnicity[];
}

const toPayload = (v: SchoolContactFormValues) => ({
  occurredAt: localDateTimeToIso(v.occurredAt),
  schoolId: v.schoolId || undefined,
  reasonCodes: v.reasonCodes,
  disposition: v.disposition || undefined,
  ageBand: v.ageBand || undefined,
  genderIdentity: v.genderIdentity || undefined,
  raceEthnicity: v.raceEthnicity.length ? v.raceEthnicity : undefined,
});

interface SchoolContactFormProps {
  schools: School[] | undefined;
  reasonCodes: ReasonCode[] | undefined;
  onCreated: (contact: SchoolContactView) => void;
  onCancel: () => void;
}

/** A contact that did not become a referral: counts and disposition only, never a name (DOMAIN.md). */
export function SchoolContactForm({ schools, reasonCodes, onCreated, onCancel }: SchoolContactFormProps) {
  const { t, i18n } = useTranslation();
  const mutation = useCreateSchoolContact();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<SchoolContactFormValues, unknown, SchoolContactRequest>({
    resolver: payloadResolver(schoolContactRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: {
      occurredAt: toLocalDateTimeInput(new Date()),
      schoolId: '',
      reasonCodes: [],
      disposition: '',
      ageBand: '',
      genderIdentity: '',
      raceEthnicity: [],
    },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);

  const onSubmit = form.handleSubmit(async (payload) => {
    setUnmatched([]);
    try {
      const created = await mutation.mutateAsync(payload);
      guard.release();
      onCreated(created);
    } catch (error) {
      setUnmatched(
        applyServerFieldErrors(error, form.setError, [
          'occurredAt',
          'schoolId',
          'reasonCodes',
          'disposition',
          'ageBand',
          'genderIdentity',
          'raceEthnicity',
        ]),
      );
    }
  });

  const active = (reasonCodes ?? []).filter((c) => c.active);
  const reasonData = REASON_CODE_KINDS.map((kind) => ({
    group: t(`schoolContacts.reasonKinds.${kind}`),
    items: active
      .filter((c) => c.kind === kind)
      .map((c) => ({ value: c.code, label: reasonCodeLabel(c, i18n.language) })),
  })).filter((g) => g.items.length > 0);

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('schoolContacts.form.title')}>
      <Stack>
        {mutation.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error, t)}
            {unmatched.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('schoolContacts.form.noNames')}
        </Text>
        <TextInput
          type="datetime-local"
          label={t('schoolContacts.form.occurredAt')}
          required
          error={errors.occurredAt?.message}
          {...form.register('occurredAt')}
        />
        <Controller
          control={form.control}
          name="schoolId"
          render={({ field, fieldState }) => (
            <Select
              label={t('schoolContacts.form.school')}
              required
              searchable
              selectFirstOptionOnChange
              nothingFoundMessage={t('schoolContacts.form.noSchool')}
              data={schoolOptions(schools)}
              {...selectFieldProps(field, fieldState)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="reasonCodes"
          render={({ field, fieldState }) => (
            <MultiSelect
              label={t('schoolContacts.form.reasonCodes')}
              required
              searchable
              selectFirstOptionOnChange
              clearSearchOnChange
              hidePickedOptions
              maxValues={10}
              nothingFoundMessage={t('schoolContacts.form.noReason')}
              data={reasonData}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('schoolContacts.form.disposition')}
            required
            data={[
              { value: '', label: t('schoolContacts.form.choose') },
              ...CONTACT_DISPOSITIONS.map((d) => ({
                value: d,
                label: t(`schoolContacts.dispositions.${d}`),
              })),
            ]}
            error={errors.disposition?.message}
            {...form.register('disposition')}
          />
          <NativeSelect
            label={t('schoolContacts.form.ageBand')}
            required
            data={[
              { value: '', label: t('schoolContacts.form.choose') },
              ...AGE_BANDS.map((a) => ({
                value: a,
                label: t('schoolContacts.form.ageBandOption', { band: a }),
              })),
            ]}
            error={errors.ageBand?.message}
            {...form.register('ageBand')}
          />
        </SimpleGrid>
        <NativeSelect
          label={t('schoolContacts.form.genderIdentity')}
          description={t('schoolContacts.form.selfReported')}
          data={[
            { value: '', label: t('schoolContacts.form.notAsked') },
            ...GENDER_IDENTITIES.map((g) => ({ value: g, label: t(`common.gender.${g}`) })),
          ]}
          error={errors.genderIdentity?.message}
          {...form.register('genderIdentity')}
        />
        <Controller
          control={form.control}
          name="raceEthnicity"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label={t('schoolContacts.form.raceEthnicity')}
              description={t('schoolContacts.form.selfReported')}
              value={field.value}
              onChange={(value) => {
                const declinedNow = value.includes('DECLINED') && !field.value.includes('DECLINED');
                field.onChange(declinedNow ? ['DECLINED'] : value.filter((v) => v !== 'DECLINED'));
              }}
              error={fieldState.error?.message}
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                {RACE_ETHNICITIES.map((r, index) => (
                  <Checkbox
                    key={r}
                    value={r}
                    label={t(`common.race.${r}`)}
                    ref={index === 0 ? field.ref : undefined}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('schoolContacts.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
