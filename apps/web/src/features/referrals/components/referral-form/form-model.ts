import {
  guardianInputSchema,
  referralDraftSchema,
  referralSubmitSchema,
  youthInputSchema,
  type GenderIdentity,
  type GuardianRelationship,
  type IncidentLocation,
  type Pathway,
  type Priority,
  type RaceEthnicity,
  type ReferralDetail,
  type ReferralDraftInput,
  type ReferralSubmitInput,
} from '@pathways/contracts';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { localizedErrorMap } from '../../../../lib/form';
import { localDateTimeToIso, toLocalDateTimeInput } from '../../../../lib/schema-resolver';

export interface GuardianFormValues {
  name: string;
  relationship: GuardianRelationship | '';
  phone: string;
  email: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
}

/** A youth already in the registry, chosen from the duplicate suggestions (or the referral being edited). */
export interface ExistingYouth {
  id: string;
  displayName: string | null;
  dateOfBirth: string | null;
  schoolName: string | null;
  openReferral: boolean;
}

/** What the inputs hold: strings as typed, converted to the contract's shape by `toFields`. */
export interface ReferralFormValues {
  existingYouth: ExistingYouth | null;
  youth: {
    firstName: string;
    lastName: string;
    preferredName: string;
    dateOfBirth: string;
    genderIdentity: GenderIdentity | '';
    raceEthnicity: RaceEthnicity[];
    primaryLanguage: string;
  };
  schoolId: string;
  grade: string;
  /** `<input type="datetime-local">` value, in the device's time zone. */
  incidentAt: string;
  incidentLocation: IncidentLocation | '';
  pathway: Pathway | '';
  reasonCodes: string[];
  priority: Priority;
  policeReportNumber: string;
  victimInvolved: boolean;
  restitutionEstimate: string;
  narrative: string;
  guardians: GuardianFormValues[];
  recommendedResourceIds: string[];
}

export const STEPS = ['youth', 'incident', 'guardians', 'resources', 'review'] as const;
export type StepKey = (typeof STEPS)[number];

export const emptyGuardian = (): GuardianFormValues => ({
  name: '',
  relationship: '',
  phone: '',
  email: '',
  preferredLanguage: '',
  interpreterNeeded: false,
});

/** An instant as the value of a datetime-local input, in the device's time zone. */
export function toLocalInput(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? '' : toLocalDateTimeInput(d);
}

export { localDateTimeToIso as localInputToIso };

export function emptyReferralForm(now = new Date()): ReferralFormValues {
  return {
    existingYouth: null,
    youth: {
      firstName: '',
      lastName: '',
      preferredName: '',
      dateOfBirth: '',
      genderIdentity: '',
      raceEthnicity: [],
      primaryLanguage: '',
    },
    schoolId: '',
    grade: '',
    incidentAt: toLocalInput(now),
    incidentLocation: '',
    pathway: '',
    reasonCodes: [],
    priority: 'ROUTINE',
    policeReportNumber: '',
    victimInvolved: false,
    restitutionEstimate: '',
    narrative: '',
    guardians: [emptyGuardian()],
    recommendedResourceIds: [],
  };
}

const text = (value: string) => value.trim();
const optionalText = (value: string) => (value.trim() ? value.trim() : undefined);

function parseAmount(value: string): number | string | undefined {
  const cleaned = value.replace(/[$,\s]/g, '');
  if (!cleaned) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : value;
}

function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}

/**
 * The referral as the API takes it (POST /referrals, PATCH /referrals/:id), from what the inputs hold. Empty inputs
 * are left out; values that do not parse are passed as typed so that the contract schema names them.
 */
export function toFields(values: ReferralFormValues): Record<string, unknown> {
  const youth = values.existingYouth
    ? undefined
    : compact({
        firstName: text(values.youth.firstName),
        lastName: text(values.youth.lastName),
        preferredName: optionalText(values.youth.preferredName),
        dateOfBirth: values.youth.dateOfBirth,
        genderIdentity: values.youth.genderIdentity || undefined,
        raceEthnicity: values.youth.raceEthnicity.length ? values.youth.raceEthnicity : undefined,
        primaryLanguage: values.youth.primaryLanguage,
      });
  const guardians = values.guardians.map((g) =>
    compact({
      name: text(g.name),
      relationship: g.relationship || undefined,
      phone: text(g.phone),
      email: optionalText(g.email),
      preferredLanguage: g.preferredLanguage,
      interpreterNeeded: g.interpreterNeeded,
    }),
  );
  return compact({
    youthId: values.existingYouth?.id,
    youth,
    guardians,
    schoolId: values.schoolId,
    grade: values.grade === '' ? undefined : Number(values.grade),
    incidentAt: values.incidentAt ? localDateTimeToIso(values.incidentAt) : undefined,
    incidentLocation: values.incidentLocation || undefined,
    pathway: values.pathway || undefined,
    reasonCodes: values.reasonCodes.length ? values.reasonCodes : undefined,
    narrative: optionalText(values.narrative),
    priority: values.priority,
    policeReportNumber: optionalText(values.policeReportNumber),
    victimInvolved: values.victimInvolved,
    restitutionEstimate: parseAmount(values.restitutionEstimate),
    recommendedResourceIds: values.recommendedResourceIds.length ? values.recommendedResourceIds : undefined,
  });
}

/** Fields that come pre-filled: a draft holding only these has nothing the SRO typed. */
const DEFAULTED_FIELDS = new Set(['priority', 'victimInvolved', 'incidentAt']);

/**
 * What can be saved as a draft now: every field that is valid on its own (referralDraftSchema), so a half-typed
 * e-mail never blocks saving the rest. A youth or guardian is saved once it is complete.
 */
export function toDraftFields(values: ReferralFormValues): ReferralDraftInput {
  const fields = toFields(values);
  const draft: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'youth') {
      if (youthInputSchema.safeParse(value).success) draft.youth = value;
    } else if (key === 'guardians') {
      const valid = (value as unknown[]).filter((g) => guardianInputSchema.safeParse(g).success);
      if (valid.length) draft.guardians = valid;
    } else if (referralDraftSchema.safeParse({ [key]: value }).success) {
      draft[key] = value;
    }
  }
  return draft;
}

export function hasMeaningfulInput(draft: ReferralDraftInput): boolean {
  return Object.keys(draft).some((key) => !DEFAULTED_FIELDS.has(key));
}

/** A saved draft (GET /referrals/:id `draft`) back into the inputs. */
export function fromDraft(draft: ReferralDraftInput | null, base = emptyReferralForm()): ReferralFormValues {
  if (!draft) return base;
  return {
    existingYouth: draft.youthId
      ? { id: draft.youthId, displayName: null, dateOfBirth: null, schoolName: null, openReferral: false }
      : null,
    youth: draft.youth
      ? {
          firstName: draft.youth.firstName,
          lastName: draft.youth.lastName,
          preferredName: draft.youth.preferredName ?? '',
          dateOfBirth: draft.youth.dateOfBirth,
          genderIdentity: draft.youth.genderIdentity ?? '',
          raceEthnicity: draft.youth.raceEthnicity ?? [],
          primaryLanguage: draft.youth.primaryLanguage,
        }
      : base.youth,
    schoolId: draft.schoolId ?? '',
    grade: draft.grade === undefined ? '' : String(draft.grade),
    incidentAt: draft.incidentAt ? toLocalInput(draft.incidentAt) : base.incidentAt,
    incidentLocation: draft.incidentLocation ?? '',
    pathway: draft.pathway ?? '',
    reasonCodes: draft.reasonCodes ?? [],
    priority: draft.priority ?? 'ROUTINE',
    policeReportNumber: draft.policeReportNumber ?? '',
    victimInvolved: draft.victimInvolved ?? false,
    restitutionEstimate: draft.restitutionEstimate === undefined ? '' : String(draft.restitutionEstimate),
    narrative: draft.narrative ?? '',
    guardians: draft.guardians?.length
      ? draft.guardians.map((g) => ({
          name: g.name,
          relationship: g.relationship,
          phone: g.phone,
          email: g.email ?? '',
          preferredLanguage: g.preferredLanguage,
          interpreterNeeded: g.interpreterNeeded ?? false,
        }))
      : [emptyGuardian()],
    recommendedResourceIds: draft.recommendedResourceIds ?? [],
  };
}

/** A submitted referral the provider sent back (NEEDS_INFO) into the inputs; the youth stays the same record. */
export function fromDetail(detail: ReferralDetail): ReferralFormValues {
  if (detail.status === 'DRAFT') return fromDraft(detail.draft);
  const base = emptyReferralForm();
  return {
    ...base,
    existingYouth: detail.youth
      ? {
          id: detail.youth.id,
          displayName: [detail.youth.firstName, detail.youth.lastName].join(' '),
          dateOfBirth: detail.youth.dateOfBirth,
          schoolName: detail.schoolName,
          openReferral: false,
        }
      : null,
    schoolId: detail.schoolId ?? '',
    grade: detail.grade === null ? '' : String(detail.grade),
    incidentAt: toLocalInput(detail.incidentAt),
    incidentLocation: detail.incidentLocation ?? '',
    pathway: detail.pathway ?? '',
    reasonCodes: detail.reasonCodes,
    priority: detail.priority ?? 'ROUTINE',
    policeReportNumber: detail.policeReportNumber ?? '',
    victimInvolved: detail.victimInvolved ?? false,
    restitutionEstimate: detail.restitutionEstimate === null ? '' : String(detail.restitutionEstimate),
    narrative: detail.narrative ?? '',
    guardians: detail.guardians.length
      ? detail.guardians.map((g) => ({
          name: g.name,
          relationship: g.relationship,
          phone: g.phone,
          email: g.email ?? '',
          preferredLanguage: g.preferredLanguage,
          interpreterNeeded: g.interpreterNeeded,
        }))
      : [emptyGuardian()],
    recommendedResourceIds: detail.recommendedResourceIds,
  };
}

/** A field error: `field` is a form path (`youth.firstName`, `guardians.0.phone`) or a section (`root.youth`). */
export interface FieldError {
  field: string;
  message: string;
}

const FORM_FIELDS = new Set([
  'youth.firstName',
  'youth.lastName',
  'youth.preferredName',
  'youth.dateOfBirth',
  'youth.genderIdentity',
  'youth.raceEthnicity',
  'youth.primaryLanguage',
  'schoolId',
  'grade',
  'incidentAt',
  'incidentLocation',
  'pathway',
  'reasonCodes',
  'narrative',
  'priority',
  'policeReportNumber',
  'victimInvolved',
  'restitutionEstimate',
  'recommendedResourceIds',
]);
const GUARDIAN_FIELD =
  /^guardians\.(\d+)\.(name|relationship|phone|email|preferredLanguage|interpreterNeeded)$/;

/**
 * The form field an API or schema path belongs to (`body.guardians.0.phone`, `reasonCodes.2`, `youthId`), or null
 * when no input shows it.
 */
export function formFieldOf(path: string, guardianCount: number): string | null {
  const p = path.replace(/^body\./, '');
  if (p === 'youth' || p === 'youthId') return 'root.youth';
  if (p === 'guardians') return 'root.guardians';
  const guardian = GUARDIAN_FIELD.exec(p);
  if (guardian) return Number(guardian[1]) < guardianCount ? p : 'root.guardians';
  if (/^guardians\.\d+$/.test(p)) return 'root.guardians';
  const listItem = /^(youth\.raceEthnicity|reasonCodes|recommendedResourceIds)\.\d+$/.exec(p);
  if (listItem?.[1]) return listItem[1];
  return FORM_FIELDS.has(p) ? p : null;
}

/** The step that shows a form field. */
export function stepOf(field: string): number {
  if (field.startsWith('youth') || field === 'root.youth') return 0;
  if (field.startsWith('guardians') || field === 'root.guardians') return 2;
  if (field === 'recommendedResourceIds') return 3;
  return 1;
}

/** Custom rules of the contract carry English messages; these say the same in the active language. */
function issueMessage(issue: z.core.$ZodIssue, field: string, t: TFunction): string {
  if (field === 'root.youth') return t('referrals.validation.youth');
  if (field === 'root.guardians') return t('referrals.validation.guardians');
  if (field === 'reasonCodes' && issue.code === 'too_small') return t('referrals.validation.reasonCodes');
  if (/^guardians\.\d+\.phone$/.test(field) && issue.code === 'custom')
    return t('referrals.validation.phone');
  if (/primaryLanguage|preferredLanguage/.test(field)) return t('common.validation.choose');
  if (field === 'restitutionEstimate' && issue.code !== 'too_big') return t('referrals.validation.amount');
  if (field === 'incidentAt' && issue.code !== 'invalid_type') return t('referrals.validation.dateTime');
  if (field === 'youth.dateOfBirth' && issue.code !== 'invalid_type') return t('referrals.validation.date');
  return issue.message;
}

/** Validates the whole referral as the API will on submit; each error names its form field. */
export function validateForSubmit(values: ReferralFormValues, t: TFunction): FieldError[] {
  const result = referralSubmitSchema.safeParse(toFields(values), { error: localizedErrorMap });
  if (result.success) return [];
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = formFieldOf(issue.path.map(String).join('.'), values.guardians.length);
    if (!field || errors.some((e) => e.field === field)) continue;
    errors.push({ field, message: issueMessage(issue, field, t) });
  }
  return errors;
}

export function toSubmitInput(values: ReferralFormValues): ReferralSubmitInput {
  return toFields(values) as unknown as ReferralSubmitInput;
}
