import type { ClosureReason, ContactType, GoalDomain } from '@pathways/contracts';

/**
 * The words of the demo case work: plan goals, hold reasons, closure summaries and short note bodies. Invented,
 * no names: notes say "youth", "mother", "the SRO". `{guardian}` and `{language}` are filled per case.
 */

/** Pathways that come from an offense: risk screened with YASI, with accountability items. */
export const OFFENSE_PATHWAYS: ReadonlySet<string> = new Set([
  'LE_DIVERSION_626B',
  'PROBATION_654',
  'COUNSEL_RELEASE_RESOURCE',
]);

/** Services by the reasons a youth was referred for, first the one that starts the program. */
export const SERVICES_FOR: Record<string, readonly string[]> = {
  VIOLENCE: ['ANGER_MANAGEMENT_CBT_SKILLS', 'INDIVIDUAL_COUNSELING', 'RESTORATIVE_CONFERENCE'],
  PROPERTY: ['RESTORATIVE_CONFERENCE', 'INDIVIDUAL_COUNSELING', 'RESTITUTION_SUPPORT'],
  SUBSTANCE: ['VAPING_CESSATION', 'SUBSTANCE_USE_EDUCATION', 'INDIVIDUAL_COUNSELING'],
  SCHOOL: ['TRUANCY_INTERVENTION', 'CASE_MANAGEMENT', 'EDUCATION_ADVOCACY'],
  FAMILY: ['FAMILY_COUNSELING', 'PARENT_EDUCATION', 'CASE_MANAGEMENT'],
  WELLBEING: ['INDIVIDUAL_COUNSELING', 'SAFETY_PLANNING', 'FAMILY_COUNSELING'],
  NEEDS: ['CASE_MANAGEMENT', 'BASIC_NEEDS_SUPPORT', 'HOUSING_ASSISTANCE'],
  ONLINE: ['DIGITAL_SAFETY_EDUCATION', 'INDIVIDUAL_COUNSELING', 'GROUP_COUNSELING'],
  PEERS: ['MENTORING', 'GENDER_RESPONSIVE_GROUP', 'PROSOCIAL_ACTIVITY'],
};
export const EXTRA_SERVICES = [
  'MENTORING',
  'PROSOCIAL_ACTIVITY',
  'TUTORING_ACADEMIC_SUPPORT',
  'PARENT_EDUCATION',
  'GROUP_COUNSELING',
  'EMPLOYMENT_READINESS',
] as const;

export const REASON_THEME: Record<string, keyof typeof SERVICES_FOR> = {
  PHYSICAL_FIGHT: 'VIOLENCE',
  ASSAULT_BATTERY: 'VIOLENCE',
  THREATS: 'VIOLENCE',
  BULLYING_HARASSMENT: 'VIOLENCE',
  HAZING: 'VIOLENCE',
  ROBBERY_EXTORTION: 'VIOLENCE',
  WEAPON: 'VIOLENCE',
  CYBERBULLYING: 'ONLINE',
  SEXTING_IMAGE_SHARING: 'ONLINE',
  SEXUAL_MISCONDUCT: 'ONLINE',
  VANDALISM_GRAFFITI: 'PROPERTY',
  THEFT: 'PROPERTY',
  TRESPASS_LOITERING: 'PROPERTY',
  CANNABIS: 'SUBSTANCE',
  OTHER_DRUG_POSSESSION: 'SUBSTANCE',
  DRUG_SALE: 'SUBSTANCE',
  ALCOHOL: 'SUBSTANCE',
  VAPING_TOBACCO: 'SUBSTANCE',
  PARAPHERNALIA: 'SUBSTANCE',
  DISRUPTION_DEFIANCE: 'SCHOOL',
  TRUANCY_ATTENDANCE: 'SCHOOL',
  SCHOOL_PERFORMANCE: 'SCHOOL',
  RUNAWAY_BEYOND_CONTROL: 'FAMILY',
  CURFEW: 'FAMILY',
  FAMILY_CONFLICT: 'FAMILY',
  EXPOSURE_TO_VIOLENCE: 'WELLBEING',
  MENTAL_HEALTH_CONCERN: 'WELLBEING',
  SELF_HARM_RISK: 'WELLBEING',
  BASIC_NEEDS: 'NEEDS',
  HOUSING_INSTABILITY: 'NEEDS',
  GANG_RISK: 'PEERS',
  OTHER: 'PEERS',
};

export const GOAL_DOMAINS_FOR: Record<keyof typeof SERVICES_FOR, readonly GoalDomain[]> = {
  VIOLENCE: ['ACCOUNTABILITY_REPAIR_HARM', 'EMOTIONAL_WELLBEING', 'PEERS'],
  PROPERTY: ['ACCOUNTABILITY_REPAIR_HARM', 'PROSOCIAL_ACTIVITY', 'FAMILY_RELATIONSHIPS'],
  SUBSTANCE: ['SUBSTANCE_USE', 'EMOTIONAL_WELLBEING', 'PROSOCIAL_ACTIVITY'],
  SCHOOL: ['SCHOOL_ATTENDANCE_ENGAGEMENT', 'ACADEMICS', 'FAMILY_RELATIONSHIPS'],
  FAMILY: ['FAMILY_RELATIONSHIPS', 'SCHOOL_ATTENDANCE_ENGAGEMENT', 'SAFETY'],
  WELLBEING: ['EMOTIONAL_WELLBEING', 'SAFETY', 'FAMILY_RELATIONSHIPS'],
  NEEDS: ['BASIC_NEEDS', 'SCHOOL_ATTENDANCE_ENGAGEMENT', 'EMOTIONAL_WELLBEING'],
  ONLINE: ['ACCOUNTABILITY_REPAIR_HARM', 'PEERS', 'EMOTIONAL_WELLBEING'],
  PEERS: ['PEERS', 'PROSOCIAL_ACTIVITY', 'EMPLOYMENT_SKILLS'],
};

export const GOALS: Record<GoalDomain, readonly string[]> = {
  SCHOOL_ATTENDANCE_ENGAGEMENT: [
    'Attend at least 90% of school days each month, checked with the attendance clerk.',
    'Arrive on time to first period four days a week; use the morning check-in with the counselor.',
  ],
  ACADEMICS: [
    'Raise the failing grades to a C or better by the end of the quarter; attend tutoring twice a week.',
    'Turn in missing assignments in two classes; meet with the teachers every other Friday.',
  ],
  FAMILY_RELATIONSHIPS: [
    'Agree on a weekly family routine (curfew, chores, phone time) and hold one family meeting a week.',
    'Reduce arguments at home; practice the communication skills from family sessions.',
  ],
  PEERS: [
    'Identify two trusted adults and two positive peers; spend lunch in a supervised club.',
    'Avoid contact with the peers involved in the incident; join one school activity.',
  ],
  SUBSTANCE_USE: [
    'Complete the vaping education course and cut use to zero, confirmed by self-report and school staff.',
    'Learn three refusal skills and keep a use log for six weeks.',
  ],
  EMOTIONAL_WELLBEING: [
    'Use two coping skills (breathing, walk away, talk to a trusted adult) when upset at school.',
    'Attend counseling sessions and practice the skills at home; rate mood weekly.',
  ],
  ACCOUNTABILITY_REPAIR_HARM: [
    'Write and deliver an apology letter; take part in a restorative conversation if the other party agrees.',
    'Complete the community service hours and restitution agreed in the plan.',
  ],
  PROSOCIAL_ACTIVITY: [
    'Join an after-school program or sport for the rest of the semester.',
    'Volunteer with a community program two Saturdays a month.',
  ],
  BASIC_NEEDS: [
    'Connect the family with food and rent assistance; confirm enrollment in the free meal program.',
    'Secure stable transportation to school (bus pass) for the semester.',
  ],
  SAFETY: [
    'Keep an up-to-date safety plan; youth and guardian know the crisis line and who to call.',
    'Youth identifies warning signs and two safe adults at school and at home.',
  ],
  EMPLOYMENT_SKILLS: [
    'Complete the job-readiness workshop and prepare a first resume.',
    'Apply for two summer youth employment programs.',
  ],
};

export const ACCOUNTABILITY_TEXT = {
  COMMUNITY_SERVICE_HOURS: 'Community service at a partner program (food bank, park clean-up)',
  RESTITUTION_USD: 'Restitution to the school for the damage, in monthly payments',
  APOLOGY_LETTER: 'Apology letter to the person harmed, reviewed with the counselor',
  RESTORATIVE_AGREEMENT_ITEM: 'Items agreed in the restorative conference',
  DRUG_EDUCATION_HOURS: 'Substance use education hours',
  REPAIR_PROPERTY: 'Help repair the damaged property with school maintenance staff',
} as const;

/** The contact type a session of each service is logged as. */
export function sessionType(service: string): ContactType {
  switch (service) {
    case 'INDIVIDUAL_COUNSELING':
    case 'DV_EXPOSURE_COUNSELING':
    case 'SAFETY_PLANNING':
      return 'COUNSELING_INDIVIDUAL';
    case 'FAMILY_COUNSELING':
    case 'PARENT_EDUCATION':
      return 'COUNSELING_FAMILY';
    case 'GROUP_COUNSELING':
    case 'ANGER_MANAGEMENT_CBT_SKILLS':
    case 'GENDER_RESPONSIVE_GROUP':
    case 'SUBSTANCE_USE_EDUCATION':
    case 'VAPING_CESSATION':
    case 'DIGITAL_SAFETY_EDUCATION':
    case 'RESTORATIVE_CONFERENCE':
      return 'GROUP_SESSION';
    case 'CRISIS_INTERVENTION':
      return 'CRISIS';
    case 'CASE_MANAGEMENT':
    case 'EDUCATION_ADVOCACY':
    case 'BASIC_NEEDS_SUPPORT':
    case 'HOUSING_ASSISTANCE':
    case 'TRUANCY_INTERVENTION':
      return 'CASE_MANAGEMENT';
    default:
      return 'CHECK_IN';
  }
}

export const HOLD_REASONS = [
  'Family traveling to Mexico for a family emergency; services resume on return.',
  'Youth in the hospital for a planned surgery; resume when cleared by the doctor.',
  'Family asked to pause during the move to a new apartment; counselor checks in by phone.',
  'Winter break and family travel; sessions resume the first week of school.',
];
export const NON_COMPLIANT_REASONS = [
  'No sessions attended for over 30 days; three missed appointments, calls not returned.',
  'Stopped attending group after week four; guardian reports youth refuses to come.',
];

export const CLOSURE_SUMMARIES: Record<ClosureReason, readonly string[]> = {
  COMPLETED_ALL_GOALS: [
    'Youth completed all plan goals and the accountability items. Attendance improved; no new incidents at school. Family reports calmer home routine.',
    'All goals achieved: sessions completed, apology letter delivered, community service verified. Youth plans to stay in the after-school program.',
  ],
  COMPLETED_MOST_GOALS: [
    'Youth met most goals: completed the group and the community service; grades still improving. Family connected with tutoring after closure.',
    'Most goals achieved; attendance goal partly met. Youth engaged well in sessions and no new contacts with law enforcement.',
  ],
  NON_PARTICIPATION: [
    'Youth stopped attending after several sessions; outreach by phone, text and home visit without response.',
    'Repeated no-shows despite schedule changes; family did not respond to the last three contacts.',
  ],
  WITHDREW: [
    'Family withdrew from the program; they prefer private counseling through their insurance.',
    'Youth and guardian chose to end services early; resources provided.',
  ],
  NEW_LAW_ENFORCEMENT_CONTACT: [
    'Youth was cited for a new offense during the program; case returned to the referring officer.',
  ],
  MOVED: [
    'Family moved out of the county; referred to a youth program near the new home.',
    'Family relocated to Tijuana; resources shared for services across the border.',
  ],
  HIGHER_LEVEL_OF_CARE: [
    'Youth referred to a higher level of mental health care through County Behavioral Health; warm hand-off completed.',
  ],
  INELIGIBLE_DISCOVERED: ['Youth found to be under probation supervision for a prior matter; not eligible.'],
  UNABLE_TO_LOCATE: ['Family could not be reached after the phone was disconnected; letters returned.'],
  AGED_OUT: ['Youth turned 18 and chose adult services; resources provided.'],
  OTHER: ['Services ended by agreement with the family and the school; see case notes.'],
};

export const INTAKE_NOTES = [
  'Intake completed with youth and {guardian} in {language}. Reviewed program expectations, confidentiality and the release to the police department. Youth was quiet but engaged; family supportive.',
  'Intake with youth and {guardian}. Signed consents reviewed in {language}. Youth described the incident and said they want to stay out of trouble.',
  'Intake with youth and {guardian}. Family asked what the police will be told; explained the release of information. Scheduled the first session.',
];
export const SESSION_NOTES: Record<ContactType, readonly string[]> = {
  COUNSELING_INDIVIDUAL: [
    'Session focused on triggers at school. Youth practiced the stoplight skill and identified two adults to go to.',
    'Reviewed the week: no conflicts reported. Worked on a plan for the upcoming test week.',
    'Youth talked about stress at home and sleep. Practiced breathing and agreed to a phone-off time.',
  ],
  COUNSELING_FAMILY: [
    'Family session with youth and {guardian} in {language}. Agreed on curfew and chores; both practiced listening without interrupting.',
    'Family session: reviewed the weekly routine chart. The {guardian} reports fewer arguments this month.',
  ],
  GROUP_SESSION: [
    'Group session: youth participated in the role-play and shared one example from the week.',
    'Attended group; topic was peer pressure and refusal skills. Youth was on time and participated.',
  ],
  CASE_MANAGEMENT: [
    'Met with youth and the school counselor about attendance. Set up a morning check-in and a bus pass.',
    'Checked on the referral to tutoring and the food assistance application; both in progress.',
  ],
  CHECK_IN: [
    'Phone check-in with youth: school going better, attending the after-school program.',
    'Check-in at school at lunch; youth reports no new problems and is on track with community service.',
  ],
  OUTREACH_ATTEMPT: [],
  INTAKE: [],
  ASSESSMENT: [],
  HOME_VISIT: [],
  SCHOOL_VISIT: [],
  COLLATERAL: [],
  CRISIS: [],
};
export const COLLATERAL_NOTES = [
  'Spoke with the assistant principal: no new referrals this month; attendance improving.',
  'Call with the school counselor about the schedule change; youth moved to a different lunch period.',
];
export const CLINICAL_NOTES = [
  'Screening results reviewed with youth. Mood low to moderate; no current ideation reported. Plan: weekly individual sessions, recheck PHQ-A at midpoint.',
  'Youth reports improved sleep and fewer angry outbursts. Continue CBT skills; family session next week.',
  'Trauma history discussed at youth pace; grounding skills practiced. No safety concerns today.',
];
export const SAFETY_NOTES = [
  'C-SSRS screen positive for recent ideation without plan. Safety plan completed with youth and {guardian}; crisis line numbers given; means restriction discussed. Supervisor informed; next contact in 48 hours.',
];
export const PSYCHOTHERAPY_NOTES = [
  'Process notes: youth explored feelings of shame about the incident and the reaction of friends. Counselor impressions to revisit next session.',
  'Process notes: themes of loss after the grandparent moved away; youth tearful, engaged in the work.',
];
export const HOLD_NOTES = [
  'Supervisor approved a hold of up to 30 days at the family request. Counselor will check in by phone weekly.',
];
export const CLOSURE_NOTES = [
  'Closing summary sent to supervisor for review. Family informed; resources and follow-up schedule explained.',
];
export const AMENDMENTS = [
  'Amendment: the family meeting took place on Thursday, not Wednesday as written. No other changes.',
  'Amendment: corrected the school named in the note above; the meeting was with the middle school counselor.',
];

export const GUARDIAN_WORD: Record<string, string> = {
  MOTHER: 'mother',
  FATHER: 'father',
  GRANDPARENT: 'grandparent',
  AUNT_UNCLE: 'caregiver',
  LEGAL_GUARDIAN: 'guardian',
};
export const LANGUAGE_WORD: Record<string, string> = { es: 'Spanish', en: 'English', tl: 'Tagalog' };
