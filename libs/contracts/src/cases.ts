import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, pageQuerySchema, uuidSchema } from './common';
import {
  ACCOUNTABILITY_TYPES,
  ASSESSMENT_FLAGS,
  ASSESSMENT_INSTRUMENTS,
  ASSESSMENT_TIMINGS,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONSENT_TYPES,
  CONTACT_MODALITIES,
  CONTACT_PARTICIPANTS,
  CONTACT_RESULTS,
  CONTACT_TYPES,
  FOLLOW_UP_STATUSES,
  GOAL_DOMAINS,
  GOAL_STATUSES,
  INFO_SCOPES,
  MINOR_SELF_CONSENT_BASES,
  NEW_LE_CONTACTS,
  NOTE_KINDS,
  RISK_LEVELS,
  SERVICE_STATUSES,
  SIGNATURE_METHODS,
  TASK_KINDS,
  type AccountabilityType,
  type AssessmentFlag,
  type AssessmentInstrument,
  type AssessmentTiming,
  type CaseStatus,
  type ClosureReason,
  type ConsentType,
  type ContactModality,
  type ContactParticipant,
  type ContactResult,
  type ContactType,
  type FollowUpStatus,
  type FollowUpWindow,
  type GoalDomain,
  type GoalStatus,
  type InfoScope,
  type MinorSelfConsentBasis,
  type NewLeContact,
  type NoteKind,
  type NoticeType,
  type OutcomeClass,
  type RiskLevel,
  type ServiceStatus,
  type SignatureMethod,
  type TaskKind,
} from './case-enums';
import type { GuardianView, YouthView } from './referrals';
import type { Pathway, Priority } from './referral-enums';

const version = z.number().int().min(1);
const language = z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code (ISO 639-1)');
const reason = z.string().trim().min(3).max(2000);

// ---------------------------------------------------------------------------------------------------------------
// Referral triage and outreach (POST /api/referrals/:id/<action>)

export const assignRequestSchema = z.object({ version, counselorId: z.uuid() }).strict();
export type AssignRequest = z.infer<typeof assignRequestSchema>;

export const markDuplicateRequestSchema = z.object({ version, duplicateOfId: z.uuid() }).strict();
export type MarkDuplicateRequest = z.infer<typeof markDuplicateRequestSchema>;

/** An outreach attempt on a referral or a contact/session on a case (API.md: the same shape for both). */
export const contactRequestSchema = z
  .object({
    occurredAt: isoDateTimeSchema,
    contactType: z.enum(CONTACT_TYPES),
    modality: z.enum(CONTACT_MODALITIES),
    result: z.enum(CONTACT_RESULTS),
    durationMin: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional(),
    participants: z.array(z.enum(CONTACT_PARTICIPANTS)).max(CONTACT_PARTICIPANTS.length).optional(),
    language: language.optional(),
    interpreterUsed: z.boolean().optional(),
    serviceEnrollmentId: z.uuid().optional(),
  })
  .strict();
export type ContactRequest = z.infer<typeof contactRequestSchema>;

export interface ContactView {
  id: string;
  referralId: string | null;
  caseId: string | null;
  occurredAt: string;
  contactType: ContactType;
  modality: ContactModality;
  result: ContactResult;
  durationMin: number | null;
  participants: ContactParticipant[];
  language: string | null;
  interpreterUsed: boolean;
  serviceEnrollmentId: string | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

/** The counts of a referral's outreach (provider detail); the full list is GET /api/referrals/:id/contacts. */
export interface OutreachCounts {
  /** OUTREACH_ATTEMPT contacts. */
  attempts: number;
  modalities: ContactModality[];
  attemptRuleMet: boolean;
  /** Every contact on the referral, attempts or not. */
  contacts: number;
  completedContacts: number;
  firstAttemptAt: string | null;
  lastContactAt: string | null;
}

/** Where outreach on a referral stands against the attempt rule (>= 3 attempts over >= 2 modalities in 10 business days). */
export interface OutreachSummary {
  attempts: number;
  modalities: ContactModality[];
  attemptRuleMet: boolean;
  firstAttemptAt: string | null;
  contacts: ContactView[];
}

export const consentInputSchema = z
  .object({
    type: z.enum(CONSENT_TYPES),
    youthAssent: z.boolean(),
    guardianName: z.string().trim().min(1).max(120).optional(),
    guardianId: z.uuid().optional(),
    minorSelfConsentBasis: z.enum(MINOR_SELF_CONSENT_BASES).optional(),
    signatureMethod: z.enum(SIGNATURE_METHODS),
    language,
    signedAt: isoDateTimeSchema,
    expiresAt: isoDateSchema.optional(),
    counterpartOrgId: z.uuid().optional(),
    infoScope: z.array(z.enum(INFO_SCOPES)).min(1).max(INFO_SCOPES.length).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.type === 'RELEASE_OF_INFORMATION') {
      if (!c.counterpartOrgId)
        ctx.addIssue({
          code: 'custom',
          path: ['counterpartOrgId'],
          message: 'Name the organization informed',
        });
      if (!c.infoScope)
        ctx.addIssue({ code: 'custom', path: ['infoScope'], message: 'Choose what may be shared' });
    }
    if (!c.guardianName && !c.guardianId && !c.minorSelfConsentBasis)
      ctx.addIssue({
        code: 'custom',
        path: ['guardianName'],
        message: 'A guardian signs, or record the basis on which the youth consents alone',
      });
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const enrollRequestSchema = z
  .object({ version, consents: z.array(consentInputSchema).min(1).max(10) })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export interface EnrollResponse {
  caseId: string;
  caseNumber: string;
}

/**
 * A referral's program status as its viewer may know it (ACCESS.md "Consent"). The milestone dates are the default
 * release (ENROLLMENT_STATUS, COMPLETION_STATUS); `attendance` and `goals` only when an active release of
 * information to the viewer's agency lists ATTENDANCE_PARTICIPATION / CASE_PLAN_SUMMARY. Never clinical.
 */
export interface ProgramStatus {
  /** What the viewer may see of this youth's program. */
  scope: InfoScope[];
  acknowledgedAt: string | null;
  enrolledAt: string | null;
  completedAt: string | null;
  attendance: { sessionsAttended: number; sessionsScheduled: number } | null;
  goals: { total: number; byStatus: Partial<Record<GoalStatus, number>> } | null;
}

/** GET /api/caseloads: the supervisor's counselors and their open work. */
export interface CaseloadRow {
  counselorId: string;
  displayName: string;
  /** Assigned referrals not yet enrolled (OUTREACH, CONSENT_PENDING). */
  openReferrals: number;
  /** Cases not closed. */
  openCases: number;
}

export interface ConsentView {
  id: string;
  youthId: string;
  caseId: string | null;
  type: ConsentType;
  youthAssent: boolean;
  guardianName: string | null;
  guardianId: string | null;
  minorSelfConsentBasis: MinorSelfConsentBasis | null;
  signatureMethod: SignatureMethod;
  language: string;
  signedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  counterpartOrgId: string | null;
  counterpartOrgName: string | null;
  infoScope: InfoScope[];
  /** Unexpired and unrevoked today. */
  active: boolean;
  createdAt: string;
}

export const revokeConsentRequestSchema = z.object({ reason: reason.optional() }).strict();

// ---------------------------------------------------------------------------------------------------------------
// Cases

export const CASE_SORT_FIELDS = ['openedAt', 'caseNumber', 'status', 'targetEndAt', 'lastContactAt'] as const;

export const caseListQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(CASE_STATUSES).optional(),
    /** `open` = every state but CLOSED. */
    open: z.enum(['true', 'false']).optional(),
    counselorId: z.uuid().optional(),
    q: z.string().trim().min(1).max(100).optional(),
    sort: z
      .string()
      .regex(new RegExp(`^(${CASE_SORT_FIELDS.join('|')}):(asc|desc)$`), 'Sort by field:asc or field:desc')
      .optional(),
  })
  .strict();
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export interface CaseListItem {
  id: string;
  caseNumber: string;
  referralId: string;
  referenceNumber: string;
  status: CaseStatus;
  pathway: Pathway;
  priority: Priority | null;
  youthDisplayName: string;
  primaryCounselorId: string;
  primaryCounselorName: string | null;
  openedAt: string;
  targetEndAt: string;
  dueServiceStartAt: string;
  serviceProgramInitiatedAt: string | null;
  lastContactAt: string | null;
  safetyFlag: boolean;
}

export interface CaseClocks {
  receivedAt: string;
  /** WIC 652.5: 20 calendar days from received. */
  dueServiceStartAt: string;
  serviceProgramInitiatedAt: string | null;
  intakeDueAt: string;
  intakeCompletedAt: string | null;
  assessmentDueAt: string;
  casePlanDueAt: string;
  targetEndAt: string;
  maxEndAt: string;
  lastContactAt: string | null;
}

export interface CaseClosure {
  requestedAt: string | null;
  requestedBy: string | null;
  requestedByName: string | null;
  reason: ClosureReason | null;
  summary: string | null;
  rejectedComment: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  closedAt: string | null;
  outcomeClass: OutcomeClass | null;
  completionNoticeSentAt: string | null;
  /** Reopen is possible until this instant (30 days after closing), supervisors only. */
  reopenUntil: string | null;
}

/** What the caller may do on this case (the API enforces the same rules; the screen uses these to offer them). */
export interface CaseAbilities {
  write: boolean;
  readClinical: boolean;
  writeClinical: boolean;
  supervise: boolean;
}

export interface CaseDetail {
  id: string;
  caseNumber: string;
  version: number;
  referralId: string;
  referenceNumber: string;
  status: CaseStatus;
  statusReason: string | null;
  pathway: Pathway;
  priority: Priority | null;
  providerOrgId: string;
  primaryCounselorId: string;
  primaryCounselorName: string | null;
  youth: YouthView;
  guardians: GuardianView[];
  schoolName: string | null;
  reasonCodes: string[];
  openedAt: string;
  clocks: CaseClocks;
  closure: CaseClosure;
  /** Active safety flags from assessments (e.g. SUICIDE_RISK). Empty for a caller who may not read clinical data. */
  safetyFlags: AssessmentFlag[];
  abilities: CaseAbilities;
}

export const updateCaseRequestSchema = z
  .object({ version, targetEndAt: isoDateSchema.optional(), primaryCounselorId: z.uuid().optional() })
  .strict();
export type UpdateCaseRequest = z.infer<typeof updateCaseRequestSchema>;

export const caseStatusRequestSchema = z
  .object({ version, status: z.enum(['ON_HOLD', 'NON_COMPLIANT', 'ACTIVE']), reason })
  .strict();
export type CaseStatusRequest = z.infer<typeof caseStatusRequestSchema>;

export const requestClosureSchema = z
  .object({ version, closureReason: z.enum(CLOSURE_REASONS), summary: z.string().trim().min(3).max(4000) })
  .strict();
export type RequestClosure = z.infer<typeof requestClosureSchema>;

export const approveClosureSchema = z.object({ version }).strict();
export const rejectClosureSchema = z.object({ version, comment: reason }).strict();
export const reopenCaseSchema = z.object({ version, reason }).strict();

// Assessments ---------------------------------------------------------------------------------------------------

export const assessmentRequestSchema = z
  .object({
    instrument: z.enum(ASSESSMENT_INSTRUMENTS),
    timing: z.enum(ASSESSMENT_TIMINGS),
    administeredAt: isoDateTimeSchema,
    overallLevel: z.enum(RISK_LEVELS),
    totalScore: z.number().min(-1000).max(1000).optional(),
    /** Scores by domain name, never the licensed item text. */
    domainScores: z.record(z.string().trim().min(1).max(60), z.number().min(-1000).max(1000)).optional(),
    flags: z.array(z.enum(ASSESSMENT_FLAGS)).max(ASSESSMENT_FLAGS.length).optional(),
    overrideLevel: z.enum(RISK_LEVELS).optional(),
    overrideReason: reason.optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.overrideLevel && !a.overrideReason)
      ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'Give the reason for the override' });
    if (a.domainScores && Object.keys(a.domainScores).length > 30)
      ctx.addIssue({ code: 'custom', path: ['domainScores'], message: 'At most 30 domain scores' });
  });
export type AssessmentRequest = z.infer<typeof assessmentRequestSchema>;

export interface AssessmentView {
  id: string;
  caseId: string;
  instrument: AssessmentInstrument;
  timing: AssessmentTiming;
  administeredAt: string;
  overallLevel: RiskLevel;
  totalScore: number | null;
  domainScores: Record<string, number>;
  flags: AssessmentFlag[];
  overrideLevel: RiskLevel | null;
  overrideReason: string | null;
  overrideApprovedBy: string | null;
  overrideApprovedAt: string | null;
  /** The level in force: the approved override, else the instrument's level. */
  effectiveLevel: RiskLevel;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

// Plan: goals and accountability items ----------------------------------------------------------------------------

export const goalRequestSchema = z
  .object({
    domain: z.enum(GOAL_DOMAINS),
    description: z.string().trim().min(3).max(1000),
    dueAt: isoDateSchema.optional(),
    status: z.enum(GOAL_STATUSES).optional(),
  })
  .strict();
export type GoalRequest = z.infer<typeof goalRequestSchema>;

export const updateGoalRequestSchema = z
  .object({
    version,
    description: z.string().trim().min(3).max(1000).optional(),
    dueAt: isoDateSchema.nullable().optional(),
    status: z.enum(GOAL_STATUSES).optional(),
  })
  .strict();
export type UpdateGoalRequest = z.infer<typeof updateGoalRequestSchema>;

export interface GoalView {
  id: string;
  caseId: string;
  domain: GoalDomain;
  description: string;
  dueAt: string | null;
  status: GoalStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const accountabilityItemRequestSchema = z
  .object({
    type: z.enum(ACCOUNTABILITY_TYPES),
    description: z.string().trim().max(500).optional(),
    requiredAmount: z.number().min(0).max(100_000),
    completedAmount: z.number().min(0).max(100_000).optional(),
    dueAt: isoDateSchema.optional(),
  })
  .strict();
export type AccountabilityItemRequest = z.infer<typeof accountabilityItemRequestSchema>;

export const updateAccountabilityItemRequestSchema = z
  .object({
    version,
    completedAmount: z.number().min(0).max(100_000).optional(),
    dueAt: isoDateSchema.nullable().optional(),
    /** true records the caller as verifier (supervisor or assigned counselor). */
    verified: z.boolean().optional(),
  })
  .strict();
export type UpdateAccountabilityItemRequest = z.infer<typeof updateAccountabilityItemRequestSchema>;

export interface AccountabilityItemView {
  id: string;
  caseId: string;
  type: AccountabilityType;
  description: string | null;
  requiredAmount: number;
  completedAmount: number;
  dueAt: string | null;
  verifiedBy: string | null;
  verifiedByName: string | null;
  verifiedAt: string | null;
  version: number;
  createdAt: string;
}

// Services -----------------------------------------------------------------------------------------------------

export const serviceRequestSchema = z
  .object({
    serviceType: z.string().trim().min(1).max(60),
    provider: z.string().trim().max(200).optional(),
    status: z.enum(SERVICE_STATUSES),
    referredAt: isoDateTimeSchema.optional(),
    startedAt: isoDateTimeSchema.optional(),
    sessionsPlanned: z.number().int().min(0).max(500).optional(),
  })
  .strict();
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

export const updateServiceRequestSchema = z
  .object({
    version,
    status: z.enum(SERVICE_STATUSES).optional(),
    startedAt: isoDateTimeSchema.optional(),
    endedAt: isoDateTimeSchema.optional(),
    sessionsPlanned: z.number().int().min(0).max(500).optional(),
  })
  .strict();
export type UpdateServiceRequest = z.infer<typeof updateServiceRequestSchema>;

export interface ServiceEnrollmentView {
  id: string;
  caseId: string;
  serviceType: string;
  serviceTypeLabel: string | null;
  /** The catalog's Spanish label, where it has one. */
  serviceTypeLabelEs: string | null;
  provider: string | null;
  status: ServiceStatus;
  referredAt: string;
  startedAt: string | null;
  endedAt: string | null;
  sessionsPlanned: number | null;
  sessionsAttended: number;
  version: number;
}

// Notes --------------------------------------------------------------------------------------------------------

export const noteRequestSchema = z
  .object({
    kind: z.enum(NOTE_KINDS),
    /** Plain text or simple rich text (p, br, strong, em, ul, ol, li); the server sanitizes it. */
    body: z.string().trim().min(1).max(20_000),
    amends: z.uuid().optional(),
  })
  .strict();
export type NoteRequest = z.infer<typeof noteRequestSchema>;

export interface NoteView {
  id: string;
  caseId: string;
  kind: NoteKind;
  /** Sanitized on the server; render as HTML only through the sanitized value. */
  body: string;
  authorId: string;
  authorName: string | null;
  createdAt: string;
  amendsId: string | null;
  amendedById: string | null;
}

// Follow-ups ---------------------------------------------------------------------------------------------------

export const updateFollowUpRequestSchema = z
  .object({
    version,
    status: z.enum(FOLLOW_UP_STATUSES).optional(),
    newLeContact: z.enum(NEW_LE_CONTACTS).optional(),
    attendanceRate: z.number().min(0).max(100).optional(),
    suspensions: z.number().int().min(0).max(365).optional(),
    completedAt: isoDateTimeSchema.optional(),
  })
  .strict();
export type UpdateFollowUpRequest = z.infer<typeof updateFollowUpRequestSchema>;

export interface FollowUpView {
  id: string;
  caseId: string;
  window: FollowUpWindow;
  dueAt: string;
  status: FollowUpStatus;
  completedAt: string | null;
  newLeContact: NewLeContact | null;
  attendanceRate: number | null;
  suspensions: number | null;
  /** Filled from a new referral of the same youth (its reference number), when that is how it was learned. */
  linkedReferralId: string | null;
  version: number;
}

// Notices ------------------------------------------------------------------------------------------------------

export interface NoticeLetter {
  language: 'en' | 'es';
  /** Printable, plain text paragraphs; nothing clinical, no narrative. */
  title: string;
  paragraphs: string[];
}

export interface NoticeView {
  id: string;
  type: NoticeType;
  referralId: string;
  referenceNumber: string | null;
  caseId: string | null;
  toOrgId: string;
  toOrgName: string | null;
  toUserId: string | null;
  sentAt: string;
  retainUntil: string;
  letter: NoticeLetter;
}

export const noticeListQuerySchema = pageQuerySchema
  .extend({ lang: z.enum(['en', 'es']).optional() })
  .strict();
export type NoticeListQuery = z.infer<typeof noticeListQuerySchema>;

/** GET /api/referrals/:id/notices: the letters' language (default: the caller's locale). */
export const noticeLanguageQuerySchema = z.object({ lang: z.enum(['en', 'es']).optional() }).strict();
export type NoticeLanguageQuery = z.infer<typeof noticeLanguageQuerySchema>;

// Timeline and tasks ---------------------------------------------------------------------------------------------

export const TIMELINE_KINDS = [
  'REFERRAL_EVENT',
  'CASE_STATUS',
  'CONTACT',
  'CONSENT',
  'CONSENT_REVOKED',
  'ASSESSMENT',
  'GOAL',
  'ACCOUNTABILITY',
  'SERVICE',
  'NOTE',
  'CLOSURE_REQUESTED',
  'CLOSURE_REJECTED',
  'CLOSED',
  'REOPENED',
  'FOLLOW_UP',
  'NOTICE',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** A code the screen translates (a status, a contact type, a note kind ...); never free text. */
  detail: string | null;
  entityId: string | null;
  actorId: string | null;
  actorName: string | null;
}

/** The most tasks one answer carries; the counts cover everything due (GET /api/tasks). */
export const TASK_LIST_LIMIT_MAX = 500;

export const taskQuerySchema = z
  .object({
    assignee: z.enum(['me', 'team']).default('me'),
    /** Only items due before this instant (default: everything open). */
    dueBefore: isoDateTimeSchema.optional(),
    /** Only one kind of work. */
    kind: z.enum(TASK_KINDS).optional(),
    /** Only the work on one referral or case (its screen asks this). */
    subjectId: uuidSchema.optional(),
    /** How many of the most urgent items to return (earliest due first). */
    limit: z.coerce.number().int().min(1).max(TASK_LIST_LIMIT_MAX).default(100),
  })
  .strict();
export type TaskQuery = z.infer<typeof taskQuerySchema>;

/** How much work of one kind is due, and how much of it is overdue. */
export interface TaskKindCount {
  kind: TaskKind;
  total: number;
  overdue: number;
}

/**
 * GET /api/tasks: the `limit` most urgent items, and counts over everything that matches (so a backlog of
 * thousands answers in a few kilobytes and the screen can still say how much is waiting).
 */
export interface TaskList {
  items: TaskView[];
  total: number;
  overdue: number;
  byKind: TaskKindCount[];
}

export interface TaskView {
  kind: TaskKind;
  dueAt: string;
  overdue: boolean;
  subjectType: 'referral' | 'case';
  subjectId: string;
  /** Reference or case number: what the person looks for. Never a name. */
  label: string;
  assigneeId: string | null;
}
