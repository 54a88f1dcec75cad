import {
  Checkbox,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { ReasonCode, School } from '@pathways/contracts';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { schoolOptions } from '../../../../lib/catalog/get-schools';
import { reasonCodeLabeller } from '../../../../lib/catalog/get-reason-codes';
import { EligibilityWarnings } from '../eligibility-warnings';
import { gradeOptions, locationOptions, pathwayOptions, priorityOptions, reasonCodeGroups } from '../options';
import { useLiveEligibility } from '../use-eligibility';
import type { ReferralFormValues } from './form-model';
import { selectFieldProps } from '../../../../lib/form';

export const NARRATIVE_MAX = 10_000;

interface IncidentStepProps {
  schools: School[] | undefined;
  reasonCodes: ReasonCode[] | undefined;
}

export function parseRestitution(value: string): number | null {
  const n = Number(value.replace(/[$,\s]/g, ''));
  return value.trim() && Number.isFinite(n) ? n : null;
}

export function useFormEligibility(reasonCodes: ReasonCode[] | undefined) {
  const form = useFormContext<ReferralFormValues>();
  const [existing, dateOfBirth, incidentAt, codes, restitution] = useWatch({
    control: form.control,
    name: ['existingYouth', 'youth.dateOfBirth', 'incidentAt', 'reasonCodes', 'restitutionEstimate'],
  });
  return useLiveEligibility(
    {
      dateOfBirth: existing ? existing.dateOfBirth : dateOfBirth || null,
      incidentAt,
      reasonCodes: codes,
      restitutionEstimate: parseRestitution(restitution),
    },
    reasonCodes,
  );
}

export function IncidentStep({ schools, reasonCodes }: IncidentStepProps) {
  const { t, i18n } = useTranslation();
  const form = useFormContext<ReferralFormValues>();
  const { errors } = form.formState;
  const narrative = useWatch({ control: form.control, name: 'narrative' });
  const eligibility = useFormEligibility(reasonCodes);
  const label = reasonCodeLabeller(reasonCodes, i18n.language);

  return (
    <Stack>
      <Controller
        control={form.control}
        name="schoolId"
        render={({ field, fieldState }) => (
          <Select
            label={t('referrals.incident.school')}
            placeholder={t('referrals.incident.schoolPlaceholder')}
            required
            searchable
            selectFirstOptionOnChange
            nothingFoundMessage={t('referrals.incident.noSchool')}
            data={schoolOptions(schools)}
            {...selectFieldProps(field, fieldState)}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('referrals.incident.grade')}
          data={gradeOptions(t)}
          error={errors.grade?.message}
          {...form.register('grade')}
        />
        <TextInput
          label={t('referrals.incident.incidentAt')}
          type="datetime-local"
          required
          error={errors.incidentAt?.message}
          {...form.register('incidentAt')}
        />
      </SimpleGrid>
      <NativeSelect
        label={t('referrals.incident.location')}
        required
        data={locationOptions(t)}
        error={errors.incidentLocation?.message}
        {...form.register('incidentLocation')}
      />
      <NativeSelect
        label={t('referrals.incident.pathway')}
        description={t('referrals.incident.pathwayHelp')}
        required
        data={pathwayOptions(t)}
        error={errors.pathway?.message}
        {...form.register('pathway')}
      />
      <Controller
        control={form.control}
        name="reasonCodes"
        render={({ field, fieldState }) => (
          <MultiSelect
            label={t('referrals.incident.reasonCodes')}
            description={t('referrals.incident.reasonCodesHelp')}
            placeholder={field.value.length ? undefined : t('referrals.incident.reasonCodesPlaceholder')}
            required
            searchable
            selectFirstOptionOnChange
            clearSearchOnChange
            hidePickedOptions
            maxValues={10}
            nothingFoundMessage={t('referrals.incident.noReason')}
            data={reasonCodeGroups(reasonCodes, t, i18n.language)}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            ref={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />
      <EligibilityWarnings
        failures={eligibility.failures}
        ageAtIncident={eligibility.ageAtIncident}
        excludedLabels={eligibility.excludedReasonCodes.map(label)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('referrals.incident.priority')}
          data={priorityOptions(t)}
          error={errors.priority?.message}
          {...form.register('priority')}
        />
        <TextInput
          label={t('referrals.incident.policeReportNumber')}
          autoComplete="off"
          error={errors.policeReportNumber?.message}
          {...form.register('policeReportNumber')}
        />
      </SimpleGrid>
      <Checkbox label={t('referrals.incident.victimInvolved')} {...form.register('victimInvolved')} />
      <TextInput
        label={t('referrals.incident.restitutionEstimate')}
        description={t('referrals.incident.restitutionHelp')}
        inputMode="decimal"
        leftSection="$"
        autoComplete="off"
        error={errors.restitutionEstimate?.message}
        {...form.register('restitutionEstimate')}
      />
      <Textarea
        label={t('referrals.incident.narrative')}
        description={t('referrals.incident.narrativeCount', {
          count: narrative.length,
          max: NARRATIVE_MAX.toLocaleString(i18n.language),
        })}
        required
        autosize
        minRows={4}
        maxRows={14}
        maxLength={NARRATIVE_MAX}
        error={errors.narrative?.message}
        {...form.register('narrative')}
      />
    </Stack>
  );
}
