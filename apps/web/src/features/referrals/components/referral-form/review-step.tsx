import { Stack, Text } from '@mantine/core';
import type { ReasonCode, Resource, School } from '@pathways/contracts';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { reasonCodeLabeller } from '../../../../lib/catalog/get-reason-codes';
import { EligibilityWarnings } from '../eligibility-warnings';
import { ReferralSummary, type SummaryModel, type SummarySection } from '../referral-summary';
import { localInputToIso, type ReferralFormValues } from './form-model';
import { parseRestitution, useFormEligibility } from './incident-step';

interface ReviewStepProps {
  schools: School[] | undefined;
  reasonCodes: ReasonCode[] | undefined;
  resources: Resource[] | undefined;
  onEdit: (section: SummarySection) => void;
}

export function summaryFromForm(
  values: ReferralFormValues,
  schools: School[] | undefined,
  reasonLabel: (code: string) => string,
  resources: Resource[] | undefined,
): SummaryModel {
  const existing = values.existingYouth;
  const fullName = `${values.youth.firstName.trim()} ${values.youth.lastName.trim()}`.trim();
  const byId = new Map((resources ?? []).map((r) => [r.id, r]));
  return {
    youth: existing
      ? {
          name: existing.displayName,
          preferredName: null,
          dateOfBirth: existing.dateOfBirth,
          genderIdentity: null,
          raceEthnicity: [],
          primaryLanguage: null,
          existingRecord: true,
        }
      : {
          name: fullName || null,
          preferredName: values.youth.preferredName.trim() || null,
          dateOfBirth: values.youth.dateOfBirth || null,
          genderIdentity: values.youth.genderIdentity || null,
          raceEthnicity: values.youth.raceEthnicity,
          primaryLanguage: values.youth.primaryLanguage || null,
          existingRecord: false,
        },
    incident: {
      schoolName: schools?.find((s) => s.id === values.schoolId)?.name ?? null,
      grade: values.grade === '' ? null : Number(values.grade),
      incidentAt: values.incidentAt ? localInputToIso(values.incidentAt) : null,
      location: values.incidentLocation || null,
      pathway: values.pathway || null,
      reasonLabels: values.reasonCodes.map(reasonLabel),
      priority: values.priority,
      policeReportNumber: values.policeReportNumber.trim() || null,
      victimInvolved: values.victimInvolved,
      restitutionEstimate: parseRestitution(values.restitutionEstimate),
      narrative: values.narrative.trim() || null,
    },
    guardians: values.guardians.map((g) => ({
      name: g.name.trim(),
      relationship: g.relationship || null,
      phone: g.phone.trim(),
      email: g.email.trim() || null,
      preferredLanguage: g.preferredLanguage || null,
      interpreterNeeded: g.interpreterNeeded,
    })),
    resources: values.recommendedResourceIds.map((id) => byId.get(id) ?? { id, name: id, phone: null }),
  };
}

export function ReviewStep({ schools, reasonCodes, resources, onEdit }: ReviewStepProps) {
  const { t, i18n } = useTranslation();
  const form = useFormContext<ReferralFormValues>();
  const values = useWatch({ control: form.control }) as ReferralFormValues;
  const eligibility = useFormEligibility(reasonCodes);
  const label = reasonCodeLabeller(reasonCodes, i18n.language);
  return (
    <Stack>
      <Text>{t('referrals.review.intro')}</Text>
      <EligibilityWarnings
        failures={eligibility.failures}
        ageAtIncident={eligibility.ageAtIncident}
        excludedLabels={eligibility.excludedReasonCodes.map(label)}
      />
      <ReferralSummary model={summaryFromForm(values, schools, label, resources)} onEdit={onEdit} />
    </Stack>
  );
}
