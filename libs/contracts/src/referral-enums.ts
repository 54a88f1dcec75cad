/** Enumerations of the intake side (DOMAIN.md "Records"). */

export const PATHWAYS = [
  'PREVENTION',
  'LE_DIVERSION_626B',
  'COUNSEL_RELEASE_RESOURCE',
  'SCHOOL_REFERRAL',
  'PROBATION_654',
  'SELF_FAMILY',
] as const;
export type Pathway = (typeof PATHWAYS)[number];

export const INCIDENT_LOCATIONS = [
  'ON_CAMPUS',
  'SCHOOL_EVENT',
  'TO_FROM_SCHOOL',
  'ONLINE',
  'COMMUNITY',
] as const;
export type IncidentLocation = (typeof INCIDENT_LOCATIONS)[number];

export const PRIORITIES = ['ROUTINE', 'URGENT_SAFETY', 'CRISIS'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REFERRAL_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'NEEDS_INFO',
  'TRIAGE',
  'OUTREACH',
  'CONSENT_PENDING',
  'ENROLLED',
  'INELIGIBLE',
  'DUPLICATE',
  'UNABLE_TO_CONTACT',
  'DECLINED',
  'WITHDRAWN',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What police users see instead of the status once the record is sealed (WIC 827.95). */
export const SEALED_STATUS = 'SEALED';

export const GENDER_IDENTITIES = ['FEMALE', 'MALE', 'NONBINARY', 'ANOTHER', 'DECLINED'] as const;
export type GenderIdentity = (typeof GENDER_IDENTITIES)[number];

/** OMB SPD-15 categories; self-reported, never an officer's perception. */
export const RACE_ETHNICITIES = [
  'AIAN',
  'ASIAN',
  'BLACK',
  'HISPANIC_LATINO',
  'MENA',
  'NHPI',
  'WHITE',
  'DECLINED',
] as const;
export type RaceEthnicity = (typeof RACE_ETHNICITIES)[number];

export const GUARDIAN_RELATIONSHIPS = [
  'MOTHER',
  'FATHER',
  'GRANDPARENT',
  'AUNT_UNCLE',
  'SIBLING',
  'FOSTER_PARENT',
  'LEGAL_GUARDIAN',
  'OTHER',
] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];

export const CONTACT_DISPOSITIONS = [
  'COUNSEL_RELEASE',
  'CITATION_PROBATION',
  'CUSTODY_PROBATION',
  'SCHOOL_DISCIPLINE_ONLY',
  'REFERRED_DA',
] as const;
export type ContactDisposition = (typeof CONTACT_DISPOSITIONS)[number];

/** Age bands for aggregate demographics (school contacts, reports). */
export const AGE_BANDS = ['6-9', '10-12', '13-14', '15-16', '17-18'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const COMMUNITY_EVENT_TYPES = [
  'SAFETY_PATROL',
  'SHOE_AND_SOCK_DRIVE',
  'RED_RIBBON_WEEK',
  'STUDENTS_SPEAKING_OUT',
  'OTHER',
] as const;
export type CommunityEventType = (typeof COMMUNITY_EVENT_TYPES)[number];

/** ISO 639-1 codes offered for youth and guardians; others may be typed. */
export const COMMON_LANGUAGES = ['en', 'es', 'tl', 'vi', 'zh', 'ar', 'so', 'fa', 'ru', 'ko'] as const;

export const ELIGIBILITY_DECISIONS = ['ELIGIBLE', 'NEEDS_OVERRIDE', 'OVERRIDDEN', 'INELIGIBLE'] as const;
export type EligibilityDecision = (typeof ELIGIBILITY_DECISIONS)[number];

export const ELIGIBILITY_FAILURES = [
  'AGE_OUT_OF_RANGE',
  'EXCLUDED_REASON_CODE',
  'RESTITUTION_OVER_LIMIT',
] as const;
export type EligibilityFailure = (typeof ELIGIBILITY_FAILURES)[number];
