import { STREET_WORDS } from '../../apps/api/src/database/seed/seed-demo-referrals';
/**
 * Words of the synthetic referrals that the demo seed does not already have (its case-work texts are reused from
 * apps/api/src/database/seed/seed-demo-case-text.ts). Invented; no names in narratives or notes.
 */

/** How often each reason code is the first reason of a referral (codes not listed weigh 1; excluded ones 0.15). */
export const REASON_WEIGHT: Record<string, number> = {
  PHYSICAL_FIGHT: 8,
  ASSAULT_BATTERY: 3,
  THREATS: 3,
  BULLYING_HARASSMENT: 4,
  CYBERBULLYING: 2,
  VANDALISM_GRAFFITI: 3,
  THEFT: 3,
  CANNABIS: 4,
  OTHER_DRUG_POSSESSION: 1,
  ALCOHOL: 1.5,
  PARAPHERNALIA: 1,
  TRESPASS_LOITERING: 1.5,
  HAZING: 0.3,
  VAPING_TOBACCO: 6,
  DISRUPTION_DEFIANCE: 3,
  TRUANCY_ATTENDANCE: 4,
  RUNAWAY_BEYOND_CONTROL: 1,
  CURFEW: 1.5,
  FAMILY_CONFLICT: 3,
  EXPOSURE_TO_VIOLENCE: 1,
  MENTAL_HEALTH_CONCERN: 3,
  SELF_HARM_RISK: 1,
  BASIC_NEEDS: 1,
  HOUSING_INSTABILITY: 0.7,
  SCHOOL_PERFORMANCE: 1.5,
  GANG_RISK: 0.8,
  OTHER: 0.5,
};
export const EXCLUDED_REASON_WEIGHT = 0.15;

export const PLACES = [...STREET_WORDS, 'library', 'restroom', 'front office', 'basketball courts'];

/** Narratives by reason kind; `{place}` is filled per referral. */
export const NARRATIVES: Record<string, readonly string[]> = {
  OFFENSE: [
    'Student was involved in an incident in the {place} during lunch. Campus staff separated the students; no serious injuries. Youth was cooperative and expressed remorse. Referred for diversion in lieu of citation.',
    'Assistant principal contacted SRO after an incident near the {place}. Youth admitted involvement when interviewed with a parent present. First known contact; family supportive of services.',
    'SRO responded to a report from campus supervision at the {place}. Youth acknowledged the conduct. School is addressing discipline; referral made for counseling and accountability support.',
    'Incident reported by a teacher after class near the {place}. Video reviewed with administration; youth took responsibility. Parent asked for help with decision-making and peers.',
    'Youth was identified by staff after an incident at the {place} after school. No prior contacts known. Youth and guardian agreed to a diversion referral.',
  ],
  SCHOOL_RULE: [
    'Youth found with a vape device in the {place}. Device confiscated by administration. Youth reports daily use and interest in quitting; referred for education and support.',
    'Repeated classroom disruption reported by teachers; incident today escalated in the {place}. Youth appeared frustrated and disengaged. Referred for prevention services.',
    'Youth left class without permission several times this week and was found in the {place}. Counselor and SRO met with youth; referred for support.',
  ],
  STATUS: [
    'Youth has missed a significant number of school days this semester. Attendance team and SRO met with the family; parent asked for help with engagement and routines.',
    'Youth was contacted out after curfew near a shopping center. Returned home to a guardian. Family reports conflict at home and asked for support.',
    'Guardian reported youth did not come home overnight; youth returned the next day and is safe. Family requested services for communication at home.',
  ],
  CONCERN: [
    'Counselor and SRO concerned about youth after statements made to peers. Youth was safe at time of contact and a parent was notified. Referred for assessment and family support.',
    'Youth disclosed stress related to family circumstances and housing. No offense. Referred for prevention services and basic-needs resources.',
    'Teacher noticed changes in mood and withdrawal from friends. Youth agreed to talk with a counselor; guardian supportive.',
  ],
};

export const DECLINE_REASONS = [
  'Family prefers private counseling',
  'Scheduling conflicts with work',
  'Youth not interested at this time',
  'Family already receiving services elsewhere',
  'Transportation not available for sessions',
];
export const WITHDRAW_REASONS = [
  'Family moved out of the area',
  'Referred to probation instead',
  'Entered in error',
  'Handled by school discipline only',
];
export const INELIGIBLE_REASONS: Record<string, string> = {
  AGE_OUT_OF_RANGE: 'Youth was outside the program age range on the incident date.',
  EXCLUDED_REASON_CODE:
    'Offense excluded from informal diversion (WIC 654.3); returned to the SRO for disposition.',
  RESTITUTION_OVER_LIMIT: 'Restitution estimate above the $5,000 limit for informal diversion (WIC 654.3).',
};
export const INELIGIBLE_OTHER = [
  'Youth is already under probation supervision (WIC 654.3).',
  'Family lives outside the service area; referred to a provider near home.',
  'Youth is already enrolled with another diversion provider for the same incident.',
];
export const OVERRIDE_REASONS = [
  'Reviewed with the SRO and the assistant principal: no weapon was used or shown; diversion is appropriate.',
  'First contact, family engaged, conduct at the low end of the code; approved for diversion with a safety plan.',
  'Restitution agreed with the victim family at a lower amount; accepted for diversion.',
];
export const INFO_REQUESTS = [
  'Please confirm the guardian phone number and the date of birth.',
  'Please add the school the youth attends now and the incident location.',
  'Please describe what happened in more detail; the narrative is incomplete.',
];
export const NOTE_PLANS = [
  'Plan: next session in one week; check in with the school counselor.',
  'Plan: continue weekly sessions and review the goals at midpoint.',
  'Plan: call the family before the next session to confirm the time.',
  'Plan: share the community resources list with the family.',
];

export const PARTNERS = [
  'South Bay Community Services',
  'Chula Vista Elementary School District',
  'Sweetwater Union High School District',
  'Chula Vista Fire Department',
  'Chula Vista Public Library',
];
export const COMMUNITY_EVENT_TITLES: readonly (readonly [string, string])[] = [
  ['RED_RIBBON_WEEK', 'Red Ribbon Week assembly'],
  ['SAFETY_PATROL', 'Safety patrol training'],
  ['SHOE_AND_SOCK_DRIVE', 'Shoe and sock drive'],
  ['STUDENTS_SPEAKING_OUT', 'Students Speaking Out workshop'],
  ['OTHER', 'Parent night: online safety'],
];

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
];
