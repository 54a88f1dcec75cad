/** Enumerations of the provider side: outreach, consent, cases and their work (DOMAIN.md "Records"). */

export const CASE_STATUSES = [
  'INTAKE',
  'ASSESSMENT',
  'PLANNING',
  'ACTIVE',
  'ON_HOLD',
  'NON_COMPLIANT',
  'CLOSURE_REVIEW',
  'CLOSED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The states a counselor may ask to close from (a family can withdraw during intake). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [
  'INTAKE',
  'ASSESSMENT',
  'PLANNING',
  'ACTIVE',
  'ON_HOLD',
  'NON_COMPLIANT',
];

export const CLOSURE_REASONS = [
  'COMPLETED_ALL_GOALS',
  'COMPLETED_MOST_GOALS',
  'NON_PARTICIPATION',
  'WITHDREW',
  'NEW_LAW_ENFORCEMENT_CONTACT',
  'MOVED',
  'HIGHER_LEVEL_OF_CARE',
  'INELIGIBLE_DISCOVERED',
  'UNABLE_TO_LOCATE',
  'AGED_OUT',
  'OTHER',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const OUTCOME_CLASSES = ['SUCCESSFUL', 'UNSUCCESSFUL', 'ADMINISTRATIVE'] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

export const CONTACT_TYPES = [
  'OUTREACH_ATTEMPT',
  'INTAKE',
  'ASSESSMENT',
  'COUNSELING_INDIVIDUAL',
  'COUNSELING_FAMILY',
  'GROUP_SESSION',
  'CASE_MANAGEMENT',
  'HOME_VISIT',
  'SCHOOL_VISIT',
  'COLLATERAL',
  'CRISIS',
  'CHECK_IN',
] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const CONTACT_MODALITIES = [
  'OFFICE',
  'SCHOOL',
  'HOME',
  'COMMUNITY',
  'PHONE',
  'VIDEO',
  'TEXT',
  'EMAIL',
  'LETTER',
] as const;
export type ContactModality = (typeof CONTACT_MODALITIES)[number];

export const CONTACT_RESULTS = [
  'COMPLETED',
  'NO_SHOW',
  'CANCELLED_FAMILY',
  'CANCELLED_STAFF',
  'NO_ANSWER',
  'LEFT_MESSAGE',
  'WRONG_NUMBER',
] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

export const CONTACT_PARTICIPANTS = [
  'YOUTH',
  'GUARDIAN',
  'FAMILY',
  'SCHOOL_STAFF',
  'SRO',
  'OTHER_PROVIDER',
] as const;
export type ContactParticipant = (typeof CONTACT_PARTICIPANTS)[number];

export const CONSENT_TYPES = [
  'PROGRAM_PARTICIPATION',
  'RELEASE_OF_INFORMATION',
  'MENTAL_HEALTH_TREATMENT',
  'SUD_42CFR2',
  'TEXT_MESSAGING',
  'RESEARCH_EVALUATION',
] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

export const SIGNATURE_METHODS = ['WET_INK_SCANNED', 'E_SIGNATURE', 'VERBAL_WITNESSED'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/**
 * California bases on which a minor may consent alone: Family Code 6924 and Health and Safety Code 124260
 * (outpatient mental health, 12 and older), Family Code 6929 (substance use treatment, 12 and older),
 * an emancipated minor (Family Code 7050).
 */
export const MINOR_SELF_CONSENT_BASES = ['FC_6924', 'HSC_124260', 'FC_6929', 'EMANCIPATED'] as const;
export type MinorSelfConsentBasis = (typeof MINOR_SELF_CONSENT_BASES)[number];

export const INFO_SCOPES = [
  'ENROLLMENT_STATUS',
  'ATTENDANCE_PARTICIPATION',
  'COMPLETION_STATUS',
  'CASE_PLAN_SUMMARY',
  'ASSESSMENT_RESULTS',
  'SCHOOL_ATTENDANCE',
  'SCHOOL_DISCIPLINE',
] as const;
export type InfoScope = (typeof INFO_SCOPES)[number];

/** What the police always see of a referral they made (the default release, ACCESS.md "Consent"). */
export const DEFAULT_POLICE_INFO_SCOPE: readonly InfoScope[] = ['ENROLLMENT_STATUS', 'COMPLETION_STATUS'];

export const ASSESSMENT_INSTRUMENTS = [
  'YASI_PRESCREEN',
  'YASI_FULL',
  'PACT_PRESCREEN',
  'MAYSI_2',
  'CANS_CA50',
  'ACE_Q',
  'PEARLS',
  'CRAFFT',
  'CSSRS_SCREEN',
  'PHQ_A',
  'GAD_7',
  'PROGRAM_INTAKE',
  'PRE_POST_SURVEY',
  'OTHER',
] as const;
export type AssessmentInstrument = (typeof ASSESSMENT_INSTRUMENTS)[number];

export const ASSESSMENT_TIMINGS = ['INTAKE', 'MIDPOINT', 'EXIT', 'FOLLOW_UP'] as const;
export type AssessmentTiming = (typeof ASSESSMENT_TIMINGS)[number];

export const RISK_LEVELS = ['LOW', 'MODERATE', 'MODERATE_HIGH', 'HIGH', 'NA'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Flags an assessment may raise. SUICIDE_RISK raises an immediate SAFETY task. */
export const ASSESSMENT_FLAGS = [
  'SUICIDE_RISK',
  'SELF_HARM',
  'HARM_TO_OTHERS',
  'SUBSTANCE_USE',
  'TRAUMA',
  'ABUSE_NEGLECT_REPORTED',
  'HOUSING_INSTABILITY',
] as const;
export type AssessmentFlag = (typeof ASSESSMENT_FLAGS)[number];

export const GOAL_DOMAINS = [
  'SCHOOL_ATTENDANCE_ENGAGEMENT',
  'ACADEMICS',
  'FAMILY_RELATIONSHIPS',
  'PEERS',
  'SUBSTANCE_USE',
  'EMOTIONAL_WELLBEING',
  'ACCOUNTABILITY_REPAIR_HARM',
  'PROSOCIAL_ACTIVITY',
  'BASIC_NEEDS',
  'SAFETY',
  'EMPLOYMENT_SKILLS',
] as const;
export type GoalDomain = (typeof GOAL_DOMAINS)[number];

export const GOAL_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'ACHIEVED',
  'PARTIALLY_ACHIEVED',
  'NOT_ACHIEVED',
  'DISCONTINUED',
] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const ACCOUNTABILITY_TYPES = [
  'COMMUNITY_SERVICE_HOURS',
  'RESTITUTION_USD',
  'APOLOGY_LETTER',
  'RESTORATIVE_AGREEMENT_ITEM',
  'DRUG_EDUCATION_HOURS',
  'REPAIR_PROPERTY',
] as const;
export type AccountabilityType = (typeof ACCOUNTABILITY_TYPES)[number];

export const SERVICE_STATUSES = [
  'REFERRED',
  'WAITLISTED',
  'ACTIVE',
  'COMPLETED',
  'DROPPED',
  'DECLINED',
] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const NOTE_KINDS = ['CASE_NOTE', 'CLINICAL', 'PSYCHOTHERAPY'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const FOLLOW_UP_WINDOWS = ['M6', 'M12'] as const;
export type FollowUpWindow = (typeof FOLLOW_UP_WINDOWS)[number];

export const NEW_LE_CONTACTS = [
  'NONE',
  'COUNSEL_RELEASE',
  'CITATION',
  'ARREST',
  'PROBATION_REFERRAL',
  'PETITION_FILED',
  'UNKNOWN',
] as const;
export type NewLeContact = (typeof NEW_LE_CONTACTS)[number];

export const FOLLOW_UP_STATUSES = ['PENDING', 'DONE', 'UNABLE'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const NOTICE_TYPES = [
  'REFERRAL_ACK',
  'NO_PROGRAM_20_DAY',
  'ENROLLED',
  'COMPLETION_827_95',
  'UNSUCCESSFUL_RETURN',
  'INELIGIBLE_RETURN',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** Derived work (GET /api/tasks); each kind comes from one clock of DOMAIN.md. */
export const TASK_KINDS = [
  'TRIAGE',
  'ASSIGN',
  'FIRST_CONTACT',
  'INTAKE',
  'SERVICE_START',
  'NO_PROGRAM_NOTICE',
  'ASSESSMENT',
  'CASE_PLAN',
  'NO_CONTACT_30',
  'TARGET_END',
  'CLOSURE_REVIEW',
  'COMPLETION_NOTICE',
  'FOLLOW_UP',
  'SAFETY',
  'ASSESSMENT_OVERRIDE',
  'NEEDS_INFO',
  'DECISION_RETURNED',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
