import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, pageQuerySchema } from './common';
import {
  CONTACT_DISPOSITIONS,
  GENDER_IDENTITIES,
  GUARDIAN_RELATIONSHIPS,
  INCIDENT_LOCATIONS,
  PATHWAYS,
  PRIORITIES,
  RACE_ETHNICITIES,
  REFERRAL_STATUSES,
  AGE_BANDS,
  COMMUNITY_EVENT_TYPES,
  type EligibilityDecision,
  type EligibilityFailure,
  type IncidentLocation,
  type Pathway,
  type Priority,
  type ReferralStatus,
  type GenderIdentity,
  type RaceEthnicity,
  type GuardianRelationship,
  type ContactDisposition,
  type AgeBand,
  type CommunityEventType,
} from './referral-enums';
import type { OutreachCounts, ProgramStatus } from './cases';

const language = z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code (ISO 639-1)');
const name = z.string().trim().min(1).max(80);
/** US phone numbers as typed; digits are checked, formatting is free. */
const phone = z
  .string()
  .trim()
  .max(30)
  .refine((v) => v.replace(/\D/g, '').length >= 10, 'Enter a phone number with area code');

export const youthInputSchema = z
  .object({
    firstName: name,
    lastName: name,
    preferredName: z.string().trim().max(80).optional(),
    dateOfBirth: isoDateSchema,
    genderIdentity: z.enum(GENDER_IDENTITIES).optional(),
    raceEthnicity: z.array(z.enum(RACE_ETHNICITIES)).max(8).optional(),
    primaryLanguage: language,
  })
  .strict();
export type YouthInput = z.infer<typeof youthInputSchema>;

export const guardianInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    relationship: z.enum(GUARDIAN_RELATIONSHIPS),
    phone,
    email: z.email().max(320).optional(),
    preferredLanguage: language,
    interpreterNeeded: z.boolean().optional(),
  })
  .strict();
export type GuardianInput = z.infer<typeof guardianInputSchema>;

/** The fields of a referral an SRO fills (API.md POST /api/referrals); complete form, as required to submit. */
const referralFields = {
  youth: youthInputSchema.optional(),
  youthId: z.uuid().optional(),
  guardians: z.array(guardianInputSchema).max(4),
  schoolId: z.uuid(),
  grade: z.number().int().min(-1).max(12).optional(),
  incidentAt: isoDateTimeSchema,
  incidentLocation: z.enum(INCIDENT_LOCATIONS),
  pathway: z.enum(PATHWAYS),
  reasonCodes: z.array(z.string().min(1).max(60)).min(1).max(10),
  narrative: z.string().trim().min(1).max(10_000),
  priority: z.enum(PRIORITIES).optional(),
  policeReportNumber: z.string().trim().max(40).optional(),
  victimInvolved: z.boolean().optional(),
  restitutionEstimate: z.number().min(0).max(10_000_000).optional(),
  recommendedResourceIds: z.array(z.uuid()).max(20).optional(),
};

const exactlyOneYouth = <T extends { youth?: unknown; youthId?: unknown }>(v: T, ctx: z.RefinementCtx) => {
  if (v.youth === undefined && v.youthId === undefined)
    ctx.addIssue({ code: 'custom', path: ['youth'], message: 'Find the youth or enter a new one' });
  if (v.youth !== undefined && v.youthId !== undefined)
    ctx.addIssue({ code: 'custom', path: ['youthId'], message: 'Send either youth or youthId, not both' });
};

/** A complete referral, as required to submit. */
export const referralSubmitSchema = z
  .object({
    ...referralFields,
    guardians: referralFields.guardians.min(1, 'Add at least one parent or guardian'),
  })
  .strict()
  .superRefine(exactlyOneYouth);
export type ReferralSubmitInput = z.infer<typeof referralSubmitSchema>;

/** A draft: some or all of the fields, each valid when present. */
export const referralDraftSchema = z
  .object({
    ...Object.fromEntries(Object.entries(referralFields).map(([k, s]) => [k, s.optional()])),
  })
  .strict() as unknown as z.ZodType<Partial<ReferralSubmitInput>>;
export type ReferralDraftInput = Partial<ReferralSubmitInput>;

/** POST /api/referrals: `submit` (default true) decides which of the two schemas applies. */
export const createReferralRequestSchema = z.looseObject({ submit: z.boolean().optional() });

export const updateReferralRequestSchema = z.looseObject({ version: z.number().int().min(1) });

export const transitionRequestSchema = z.object({ version: z.number().int().min(1) }).strict();
export const reasonTransitionRequestSchema = z
  .object({ version: z.number().int().min(1), reason: z.string().trim().min(3).max(2000) })
  .strict();
export const requestInfoRequestSchema = z
  .object({ version: z.number().int().min(1), message: z.string().trim().min(3).max(2000) })
  .strict();

export const REFERRAL_SORT_FIELDS = [
  'receivedAt',
  'createdAt',
  'referenceNumber',
  'status',
  'dueServiceStartAt',
] as const;

export const referralListQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(REFERRAL_STATUSES).optional(),
    pathway: z.enum(PATHWAYS).optional(),
    schoolId: z.uuid().optional(),
    counselorId: z.uuid().optional(),
    /** `intake`: the supervisor's queue, SUBMITTED, NEEDS_INFO and TRIAGE referrals no counselor works yet. */
    queue: z.enum(['intake']).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    sort: z
      .string()
      .regex(
        new RegExp(`^(${REFERRAL_SORT_FIELDS.join('|')}):(asc|desc)$`),
        'Sort by field:asc or field:desc',
      )
      .optional(),
  })
  .strict();
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;

export interface Eligibility {
  decision: EligibilityDecision;
  failures: EligibilityFailure[];
  /** The reason codes that are excluded from diversion (WIC 654.3), when any. */
  excludedReasonCodes: string[];
  ageAtIncident: number | null;
  overrideReason: string | null;
  overriddenBy: string | null;
  overriddenAt: string | null;
}

export interface StatusMilestone {
  status: ReferralStatus | 'COMPLETED' | 'SEALED';
  at: string;
}

/** A row of GET /api/referrals. */
export interface ReferralListItem {
  id: string;
  referenceNumber: string | null;
  status: ReferralStatus | 'SEALED';
  pathway: Pathway | null;
  priority: Priority | null;
  youthDisplayName: string | null;
  schoolName: string | null;
  receivedAt: string | null;
  dueServiceStartAt: string | null;
  createdAt: string;
  eligibilityDecision: EligibilityDecision | null;
}

export interface GuardianView {
  id: string;
  name: string;
  relationship: GuardianRelationship;
  phone: string;
  email: string | null;
  preferredLanguage: string;
  interpreterNeeded: boolean;
}

export interface YouthView {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: string;
  genderIdentity: GenderIdentity | null;
  raceEthnicity: RaceEthnicity[];
  primaryLanguage: string;
}

/**
 * GET /api/referrals/:id. Role-shaped: police users get the referral they made and status milestones with dates,
 * never anything clinical; once sealed, only `referenceNumber`, `status: SEALED` and the completion date.
 */
export interface ReferralDetail {
  id: string;
  referenceNumber: string | null;
  status: ReferralStatus | 'SEALED';
  version: number;
  sealed: boolean;
  youth: YouthView | null;
  guardians: GuardianView[];
  schoolId: string | null;
  schoolName: string | null;
  grade: number | null;
  incidentAt: string | null;
  incidentLocation: IncidentLocation | null;
  pathway: Pathway | null;
  reasonCodes: string[];
  narrative: string | null;
  priority: Priority | null;
  policeReportNumber: string | null;
  victimInvolved: boolean | null;
  restitutionEstimate: number | null;
  recommendedResourceIds: string[];
  eligibility: Eligibility | null;
  receivedAt: string | null;
  dueServiceStartAt: string | null;
  createdAt: string;
  referringUserId: string;
  referringOrgId: string;
  providerOrgId: string;
  /** The provider's open question, while NEEDS_INFO. */
  infoRequest: string | null;
  withdrawReason: string | null;
  milestones: StatusMilestone[];
  completedAt: string | null;
  /**
   * Where the youth stands in the program, as far as the viewer may know: police users get the milestone dates
   * (ENROLLMENT_STATUS, COMPLETION_STATUS) and what an active release of information to their agency adds; null
   * while sealed.
   */
  programStatus: ProgramStatus | null;
  /** Draft only: the saved form as the SRO left it. */
  draft: ReferralDraftInput | null;
}

export interface CreateReferralResponse extends ReferralDetail {
  youthId: string | null;
}

export const youthMatchQuerySchema = z
  .object({
    firstName: z.string().trim().min(1).max(80),
    lastName: z.string().trim().min(1).max(80),
    dateOfBirth: isoDateSchema.optional(),
  })
  .strict();
export type YouthMatchQuery = z.infer<typeof youthMatchQuerySchema>;

/** Police users get only these fields. */
export interface YouthMatchMinimal {
  id: string;
  displayName: string;
  dateOfBirth: string;
  schoolName: string | null;
  openReferral: boolean;
  score: number;
}

export const schoolContactRequestSchema = z
  .object({
    occurredAt: isoDateTimeSchema,
    schoolId: z.uuid(),
    reasonCodes: z.array(z.string().min(1).max(60)).min(1).max(10),
    disposition: z.enum(CONTACT_DISPOSITIONS),
    ageBand: z.enum(AGE_BANDS),
    genderIdentity: z.enum(GENDER_IDENTITIES).optional(),
    raceEthnicity: z.array(z.enum(RACE_ETHNICITIES)).max(8).optional(),
  })
  .strict();
export type SchoolContactRequest = z.infer<typeof schoolContactRequestSchema>;

export interface SchoolContactView {
  id: string;
  occurredAt: string;
  schoolId: string;
  schoolName: string;
  reasonCodes: string[];
  disposition: ContactDisposition;
  ageBand: AgeBand;
  genderIdentity: GenderIdentity | null;
  raceEthnicity: RaceEthnicity[];
  createdBy: string;
  createdAt: string;
}

export const schoolContactListQuerySchema = pageQuerySchema
  .extend({
    schoolId: z.uuid().optional(),
    disposition: z.enum(CONTACT_DISPOSITIONS).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .strict();
export type SchoolContactListQuery = z.infer<typeof schoolContactListQuerySchema>;

export const communityEventRequestSchema = z
  .object({
    type: z.enum(COMMUNITY_EVENT_TYPES),
    title: z.string().trim().max(200).optional(),
    occurredOn: isoDateSchema,
    schoolId: z.uuid().optional(),
    participantCount: z.number().int().min(0).max(100_000),
    partners: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
  })
  .strict();
export type CommunityEventRequest = z.infer<typeof communityEventRequestSchema>;

export interface CommunityEventView {
  id: string;
  type: CommunityEventType;
  title: string | null;
  occurredOn: string;
  schoolId: string | null;
  schoolName: string | null;
  participantCount: number;
  partners: string[];
  createdAt: string;
  version: number;
}

export const communityEventListQuerySchema = pageQuerySchema
  .extend({ from: isoDateSchema.optional(), to: isoDateSchema.optional(), schoolId: z.uuid().optional() })
  .strict();
export type CommunityEventListQuery = z.infer<typeof communityEventListQuerySchema>;

/** GET /api/referrals/:id for provider users: the detail plus the provider's working fields. */
export interface ProviderReferralDetail extends CreateReferralResponse {
  assignedCounselorId: string | null;
  declineReason: string | null;
  duplicateOfId: string | null;
  returnedToReferrerAt: string | null;
  assignedCounselorName: string | null;
  /** When the current counselor was assigned (starts the first-contact clock). */
  assignedAt: string | null;
  ineligibleReason: string | null;
  /** The referring officer has read the returned decision. */
  returnAcknowledgedAt: string | null;
  /** The case opened by enrolling this referral. */
  caseId: string | null;
  caseNumber: string | null;
  outreach: OutreachCounts;
}

/** GET /api/youth/matches for provider users: the minimal fields plus the youth's name parts and language. */
export interface YouthMatchCandidate extends YouthMatchMinimal {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  primaryLanguage: string;
}

/** PATCH /api/community-events/:id: the `version` read, and any fields to change. */
export const updateCommunityEventRequestSchema = communityEventRequestSchema
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdateCommunityEventRequest = z.infer<typeof updateCommunityEventRequestSchema>;
