import { z } from 'zod';
import { isoDateSchema } from './common';
import type { ReasonCode, Resource, School, ServiceType } from './catalog';
import { REASON_CODE_KINDS, SCHOOL_KINDS, SCHOOL_LEVELS, type OrganizationKind } from './enums';
import { RACE_ETHNICITIES, type RaceEthnicity } from './referral-enums';

/*
 * Organization profile and settings (API.md "Administration"). The schemas check shape only; the legal and CJIS
 * bounds (a clock may only be shortened, idle <= 30 minutes, suppression >= 11, ...) are rules of libs/domain
 * (administration/organization-settings.ts), applied by the API and shown by the web form.
 */

const wholeNumber = z.number().int();

/** The provider's clocks (DOMAIN.md "Clocks"); the same keys as `ClockSettings` in libs/domain. */
export const CLOCK_KEYS = [
  'triageBusinessDays',
  'firstContactBusinessDays',
  'intakeBusinessDays',
  'serviceStartDays',
  'assessmentDays',
  'casePlanDays',
  'noContactDays',
  'targetDays',
  'maxMonths',
  'completionNoticeBusinessDays',
  'followUpToleranceDays',
  'onHoldMaxDays',
  'reopenDays',
] as const;
export type ClockKey = (typeof CLOCK_KEYS)[number];
export type ClockValues = Record<ClockKey, number>;

export const clockSettingsSchema = z
  .object(
    Object.fromEntries(CLOCK_KEYS.map((k) => [k, wholeNumber.optional()])) as {
      [K in ClockKey]: z.ZodOptional<z.ZodNumber>;
    },
  )
  .strict();
export type ClockOverrides = z.infer<typeof clockSettingsSchema>;

export const securitySettingsSchema = z
  .object({
    /** Every account of the organization must use two-step verification (TOTP) before doing anything else. */
    mfaRequired: z.boolean().optional(),
    sessionIdleMinutes: wholeNumber.optional(),
    sessionAbsoluteHours: wholeNumber.optional(),
    lockoutMaxFailures: wholeNumber.optional(),
    lockoutWindowMinutes: wholeNumber.optional(),
    /** Minutes after which a lockout lifts by itself; null: only an administrator unlocks. */
    lockoutAutoUnlockMinutes: wholeNumber.nullable().optional(),
    /** Accounts unused this many days are disabled automatically (CJIS: at most 90). */
    accountInactivityDays: wholeNumber.optional(),
  })
  .strict();
export type SecurityOverrides = z.infer<typeof securitySettingsSchema>;

/** Equity reference groups: any race/ethnicity category except "declined". */
export type EquityReferenceGroup = Exclude<RaceEthnicity, 'DECLINED'>;
export const EQUITY_REFERENCE_GROUPS: readonly EquityReferenceGroup[] = RACE_ETHNICITIES.filter(
  (r): r is EquityReferenceGroup => r !== 'DECLINED',
);
export const isEquityReferenceGroup = (value: unknown): value is EquityReferenceGroup =>
  (EQUITY_REFERENCE_GROUPS as readonly unknown[]).includes(value);

export const reportSettingsSchema = z
  .object({
    equityReferenceGroup: z.enum(RACE_ETHNICITIES).optional(),
    suppressionThreshold: wholeNumber.optional(),
  })
  .strict();
export type ReportOverrides = z.infer<typeof reportSettingsSchema>;

/** The kinds of record the retention job acts on, and what it does to each. */
export const RETENTION_KINDS = ['CLOSED_CASES', 'ENDED_REFERRALS', 'SESSIONS', 'IDEMPOTENCY_KEYS'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export const RETENTION_ACTIONS = ['DEIDENTIFY', 'PURGE'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export const retentionSettingsSchema = z
  .object({
    /** Closed cases (and their youth, guardians, notes) are de-identified this many months after closure. */
    closedCaseMonths: wholeNumber.optional(),
    /** Referrals that ended without a case (ineligible, declined, withdrawn...) are de-identified after this. */
    endedReferralMonths: wholeNumber.optional(),
    /** Ended sessions (expired or revoked) are purged this many days after they end. */
    sessionDays: wholeNumber.optional(),
    /** Idempotency keys are purged this many hours after they expire. */
    idempotencyKeyHours: wholeNumber.optional(),
  })
  .strict();
export type RetentionOverrides = z.infer<typeof retentionSettingsSchema>;

export const organizationProfileSchema = z
  .object({
    phone: z.string().trim().max(40).nullable().optional(),
    email: z.email().max(320).nullable().optional(),
    address: z.string().trim().max(300).nullable().optional(),
  })
  .strict();
export type OrganizationProfileInput = z.infer<typeof organizationProfileSchema>;

/** What `organizations.settings` (jsonb) holds: overrides only; a missing key means the default. */
export const organizationSettingsSchema = z
  .object({
    profile: organizationProfileSchema.optional(),
    clocks: clockSettingsSchema.optional(),
    security: securitySettingsSchema.optional(),
    reports: reportSettingsSchema.optional(),
    retention: retentionSettingsSchema.optional(),
  })
  .strict();
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

/** PATCH /api/admin/organization: any sections; each sent section replaces the stored one. */
export const updateOrganizationRequestSchema = organizationSettingsSchema
  .extend({
    version: z.number().int().min(1),
    name: z.string().trim().min(2).max(200).optional(),
  })
  .strict();
export type UpdateOrganizationRequest = z.infer<typeof updateOrganizationRequestSchema>;

export interface SecurityValues {
  mfaRequired: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  lockoutMaxFailures: number;
  lockoutWindowMinutes: number;
  lockoutAutoUnlockMinutes: number | null;
  accountInactivityDays: number;
}

export interface ReportValues {
  equityReferenceGroup: EquityReferenceGroup;
  suppressionThreshold: number;
}

export interface RetentionValues {
  closedCaseMonths: number;
  endedReferralMonths: number;
  sessionDays: number;
  idempotencyKeyHours: number;
}

export interface OrganizationProfile {
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** GET /api/admin/organization: the effective values (defaults where nothing is set), and the defaults. */
export interface OrganizationAdminView {
  id: string;
  name: string;
  kind: OrganizationKind;
  version: number;
  updatedAt: string;
  profile: OrganizationProfile;
  /** Provider organizations only (the clocks run on the provider's work); null otherwise. */
  clocks: ClockValues | null;
  security: SecurityValues;
  reports: ReportValues;
  retention: RetentionValues;
  /** What the deployment fixes: MFA in production, and the environment's session limits (never above CJIS). */
  deployment: { mfaAlwaysRequired: boolean; sessionIdleMinutesMax: number; sessionAbsoluteHoursMax: number };
  defaults: {
    clocks: ClockValues;
    security: SecurityValues;
    reports: ReportValues;
    retention: RetentionValues;
  };
}

/* Retention: dry-run report and runs. */

export interface RetentionReportItem {
  kind: RetentionKind;
  action: RetentionAction;
  /** Records this kind would act on (dry run) or acted on (run). */
  count: number;
  /** Records older than this instant qualify. */
  cutoff: string;
}

export interface RetentionReport {
  organizationId: string;
  asOf: string;
  dryRun: boolean;
  items: RetentionReportItem[];
  /** Youth records de-identified with their last closed case or ended referral. */
  youthDeidentified: number;
}

export const RETENTION_TRIGGERS = ['SCHEDULED', 'MANUAL'] as const;
export type RetentionTrigger = (typeof RETENTION_TRIGGERS)[number];

export interface RetentionRunView {
  id: string;
  startedAt: string;
  finishedAt: string;
  trigger: RetentionTrigger;
  actorId: string | null;
  items: RetentionReportItem[];
  youthDeidentified: number;
}

export interface RetentionOverview {
  schedule: RetentionValues;
  runs: RetentionRunView[];
}

/* Catalog administration (GET|POST|PATCH /api/admin/schools|resources|reason-codes|service-types). */

export const catalogAdminQuerySchema = z
  .object({
    active: z.enum(['true', 'false']).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type CatalogAdminQuery = z.infer<typeof catalogAdminQuerySchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const version = z.number().int().min(1);

const schoolFields = {
  name: text(200),
  level: z.enum(SCHOOL_LEVELS),
  kind: z.enum(SCHOOL_KINDS),
  district: text(200),
  /** California CDS code: 14 digits. */
  cdsCode: z
    .string()
    .trim()
    .regex(/^\d{14}$/)
    .nullable()
    .optional(),
  address: optionalText(300),
  city: optionalText(100),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}$/)
    .nullable()
    .optional(),
  phone: optionalText(40),
  inCvpdJurisdiction: z.boolean(),
};
export const createSchoolRequestSchema = z.object(schoolFields).strict();
export type CreateSchoolRequest = z.infer<typeof createSchoolRequestSchema>;
export const updateSchoolRequestSchema = z
  .object({ ...schoolFields, version, active: z.boolean() })
  .partial()
  .required({ version: true })
  .strict();
export type UpdateSchoolRequest = z.infer<typeof updateSchoolRequestSchema>;

const reasonCodeFields = {
  label: text(200),
  labelEs: optionalText(200),
  kind: z.enum(REASON_CODE_KINDS),
  educationCode: optionalText(40),
  otherCode: optionalText(40),
  /** WIC 654.3: a referral citing this code needs a supervisor override. */
  excludedFromDiversion: z.boolean(),
};
/** Codes are what referrals store: chosen once, never renamed (history keeps its meaning). */
export const catalogCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,59}$/);
export const createReasonCodeRequestSchema = z
  .object({ code: catalogCodeSchema, ...reasonCodeFields })
  .strict();
export type CreateReasonCodeRequest = z.infer<typeof createReasonCodeRequestSchema>;
export const updateReasonCodeRequestSchema = z
  .object({ ...reasonCodeFields, version, active: z.boolean() })
  .partial()
  .required({ version: true })
  .strict();
export type UpdateReasonCodeRequest = z.infer<typeof updateReasonCodeRequestSchema>;

const serviceTypeFields = { label: text(200), labelEs: optionalText(200) };
export const createServiceTypeRequestSchema = z
  .object({ code: catalogCodeSchema, ...serviceTypeFields })
  .strict();
export type CreateServiceTypeRequest = z.infer<typeof createServiceTypeRequestSchema>;
export const updateServiceTypeRequestSchema = z
  .object({ ...serviceTypeFields, version, active: z.boolean() })
  .partial()
  .required({ version: true })
  .strict();
export type UpdateServiceTypeRequest = z.infer<typeof updateServiceTypeRequestSchema>;

const resourceFields = {
  name: text(200),
  organization: optionalText(200),
  category: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/),
  description: optionalText(2000),
  descriptionEs: optionalText(2000),
  phone: optionalText(40),
  /** Web links only (no javascript: or data: addresses). */
  urls: z
    .array(z.url({ protocol: /^https?$/ }).max(500))
    .max(5)
    .optional(),
  ages: optionalText(20),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/))
    .max(20)
    .optional(),
  /** When someone last confirmed the entry is current. */
  lastVerifiedAt: isoDateSchema.nullable().optional(),
};
export const resourceKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,59}$/);
export const createResourceRequestSchema = z.object({ key: resourceKeySchema, ...resourceFields }).strict();
export type CreateResourceRequest = z.infer<typeof createResourceRequestSchema>;
export const updateResourceRequestSchema = z
  .object({ ...resourceFields, version, active: z.boolean() })
  .partial()
  .required({ version: true })
  .strict();
export type UpdateResourceRequest = z.infer<typeof updateResourceRequestSchema>;

/** Catalog rows as administrators see them: the public shape plus the edit version. */
export type AdminSchool = School & { version: number; updatedAt: string };
export type AdminReasonCode = ReasonCode & { version: number; updatedAt: string };
export type AdminServiceType = ServiceType & { version: number; updatedAt: string };
export type AdminResource = Resource & { version: number; updatedAt: string };
