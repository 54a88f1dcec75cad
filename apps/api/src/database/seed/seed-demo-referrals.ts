import type { ContactDisposition, Pathway, ReferralStatus } from '@pathways/contracts';
import {
  calendarDateIn,
  dueServiceStartAt,
  evaluateEligibility,
  formatReferenceNumber,
  PROGRAM_TIME_ZONE,
} from '@pathways/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_DOMAIN } from './seed-demo';
import { DAY, insertJson, iso, prng, type Row, workingHours } from './seed-demo-util';

/**
 * A realistic two-year intake history for the demo accounts (relative to now): ~720 referrals by sro@ and sro2@
 * across the schools, youth with Chula Vista names, guardians, status timelines in working hours (older referrals
 * all decided, the last days' a live intake queue), ~360 school contacts and ~30 community events. Deterministic
 * (seeded PRNG), set-based inserts; skipped when referrals already exist. Every person in here is invented.
 */
export async function seedDemoReferrals(ds: DataSource, now: Date = new Date()): Promise<void> {
  await ds.transaction(async (m) => {
    const existing: unknown[] = await m.query('SELECT 1 FROM referrals LIMIT 1');
    if (existing.length) return;
    const ctx = await loadContext(m);
    if (!ctx) return;
    const data = generate(ctx, now);
    const numbers: { n: string }[] = await m.query(
      `SELECT nextval('referral_number_seq') AS n FROM generate_series(1, $1)`,
      [data.referrals.filter((r) => r.received_at).length],
    );
    let k = 0;
    for (const r of data.referrals)
      if (r.received_at)
        r.reference_number = formatReferenceNumber(
          Number(calendarDateIn(new Date(r.received_at as string), PROGRAM_TIME_ZONE).slice(0, 4)),
          Number(numbers[k++]?.n),
        );
    await insertJson(m, 'youth', YOUTH_COLUMNS, data.youth);
    await insertJson(m, 'referrals', REFERRAL_COLUMNS, data.referrals);
    await insertJson(m, 'guardians', GUARDIAN_COLUMNS, data.guardians);
    await insertJson(m, 'referral_events', EVENT_COLUMNS, data.events);
    await insertJson(m, 'school_contacts', CONTACT_COLUMNS, data.contacts);
    await insertJson(m, 'community_events', COMMUNITY_COLUMNS, data.communityEvents);
  });
}

const YOUTH_COLUMNS = {
  id: 'uuid',
  organization_id: 'uuid',
  first_name: 'text',
  last_name: 'text',
  preferred_name: 'text',
  date_of_birth: 'date',
  gender_identity: 'text',
  race_ethnicity: 'text[]',
  primary_language: 'text',
  school_id: 'uuid',
  grade: 'int',
  zip: 'text',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const REFERRAL_COLUMNS = {
  id: 'uuid',
  reference_number: 'text',
  youth_id: 'uuid',
  referring_org_id: 'uuid',
  referring_user_id: 'uuid',
  provider_org_id: 'uuid',
  school_id: 'uuid',
  grade: 'int',
  incident_at: 'timestamptz',
  incident_location: 'text',
  pathway: 'text',
  reason_codes: 'text[]',
  narrative: 'text',
  priority: 'text',
  police_report_number: 'text',
  victim_involved: 'boolean',
  restitution_estimate: 'numeric',
  recommended_resource_ids: 'uuid[]',
  eligibility: 'jsonb',
  status: 'text',
  received_at: 'timestamptz',
  due_service_start_at: 'timestamptz',
  assigned_counselor_id: 'uuid',
  assigned_at: 'timestamptz',
  ineligible_reason: 'text',
  decline_reason: 'text',
  withdraw_reason: 'text',
  info_request: 'text',
  returned_to_referrer_at: 'timestamptz',
  draft: 'jsonb',
  organization_id: 'uuid',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
};
const GUARDIAN_COLUMNS = {
  id: 'uuid',
  youth_id: 'uuid',
  referral_id: 'uuid',
  organization_id: 'uuid',
  name: 'text',
  relationship: 'text',
  phone: 'text',
  email: 'text',
  preferred_language: 'text',
  interpreter_needed: 'boolean',
  created_by: 'uuid',
  created_at: 'timestamptz',
};
const EVENT_COLUMNS = {
  id: 'uuid',
  referral_id: 'uuid',
  at: 'timestamptz',
  actor_id: 'uuid',
  status_from: 'text',
  status_to: 'text',
  action: 'text',
  organization_id: 'uuid',
};
const CONTACT_COLUMNS = {
  id: 'uuid',
  occurred_at: 'timestamptz',
  school_id: 'uuid',
  reason_codes: 'text[]',
  disposition: 'text',
  age_band: 'text',
  gender_identity: 'text',
  race_ethnicity: 'text[]',
  organization_id: 'uuid',
  created_by: 'uuid',
  created_at: 'timestamptz',
};
const COMMUNITY_COLUMNS = {
  id: 'uuid',
  type: 'text',
  title: 'text',
  occurred_on: 'date',
  school_id: 'uuid',
  participant_count: 'int',
  partners: 'text[]',
  organization_id: 'uuid',
  created_by: 'uuid',
  created_at: 'timestamptz',
};

interface Context {
  police: string;
  provider: string;
  users: Record<'sro' | 'sro2' | 'counselor' | 'counselor2' | 'supervisor', string>;
  schools: { id: string; weight: number; level: string; zip: string | null }[];
  reasonCodes: { code: string; kind: string; excluded: boolean }[];
  resources: string[];
}

async function loadContext(m: EntityManager): Promise<Context | null> {
  const users: { email: string; id: string; organization_id: string }[] = await m.query(
    `SELECT email::text AS email, id, organization_id FROM users WHERE email LIKE $1`,
    [`%@${DEMO_DOMAIN}`],
  );
  const byName = Object.fromEntries(users.map((u) => [u.email.split('@')[0], u]));
  const [sro, sro2, counselor, counselor2, supervisor] = [
    'sro',
    'sro2',
    'counselor',
    'counselor2',
    'supervisor',
  ].map((n) => byName[n]);
  if (!sro || !sro2 || !counselor || !counselor2 || !supervisor) return null;
  const schools: { id: string; level: string; in_cvpd_jurisdiction: boolean; zip: string | null }[] =
    await m.query(
      `SELECT id, level, in_cvpd_jurisdiction, zip FROM schools WHERE active AND level <> 'ADULT' ORDER BY name`,
    );
  const codes: { code: string; kind: string; excluded_from_diversion: boolean }[] = await m.query(
    'SELECT code, kind, excluded_from_diversion FROM reason_codes WHERE active ORDER BY code',
  );
  const resources: { id: string }[] = await m.query('SELECT id FROM resources WHERE active ORDER BY key');
  return {
    police: sro.organization_id,
    provider: counselor.organization_id,
    users: {
      sro: sro.id,
      sro2: sro2.id,
      counselor: counselor.id,
      counselor2: counselor2.id,
      supervisor: supervisor.id,
    },
    // Middle and high schools in the city see most SRO work; elementary schools some.
    schools: schools.map((s) => ({
      id: s.id,
      level: s.level,
      zip: s.zip,
      weight:
        (s.in_cvpd_jurisdiction ? 1 : 0.2) *
        (s.level === 'HIGH' || s.level === 'MIDDLE' ? 10 : s.level === 'ELEMENTARY' ? 0.6 : 2),
    })),
    reasonCodes: codes.map((c) => ({ code: c.code, kind: c.kind, excluded: c.excluded_from_diversion })),
    resources: resources.map((r) => r.id),
  };
}

const HISPANIC_FEMALE = [
  'María',
  'Sofía',
  'Valeria',
  'Camila',
  'Ximena',
  'Daniela',
  'Guadalupe',
  'Andrea',
  'Natalia',
  'Mariana',
  'Isabella',
  'Jimena',
  'Alondra',
  'Fernanda',
  'Itzel',
  'Yaretzi',
  'Paola',
  'Leslie',
  'Karla',
  'Abigail',
];
const HISPANIC_MALE = [
  'José',
  'Luis',
  'Ángel',
  'Diego',
  'Miguel',
  'Jesús',
  'Carlos',
  'Juan',
  'Alejandro',
  'Adrián',
  'Emiliano',
  'Mateo',
  'Santiago',
  'Julián',
  'Iván',
  'Jorge',
  'Christopher',
  'Brandon',
  'Kevin',
  'Eduardo',
];
const HISPANIC_LAST = [
  'García',
  'Hernández',
  'López',
  'Martínez',
  'González',
  'Rodríguez',
  'Pérez',
  'Sánchez',
  'Ramírez',
  'Torres',
  'Flores',
  'Rivera',
  'Gómez',
  'Díaz',
  'Reyes',
  'Morales',
  'Cruz',
  'Ortiz',
  'Gutiérrez',
  'Chávez',
  'Ramos',
  'Ruiz',
  'Mendoza',
  'Vázquez',
  'Castillo',
  'Jiménez',
  'Moreno',
  'Romero',
  'Álvarez',
  'Núñez',
  'Medina',
  'Aguilar',
  'Castro',
  'Vargas',
  'Salazar',
  'Navarro',
  'Delgado',
  'Ibarra',
  'Zamora',
  'Estrada',
];
const OTHER_FEMALE = [
  'Emily',
  'Olivia',
  'Ava',
  'Madison',
  'Chloe',
  'Hannah',
  'Grace',
  'Kayla',
  'Jasmine',
  'Aaliyah',
  'Mia',
  'Angelica',
];
const OTHER_MALE = [
  'Ethan',
  'Jacob',
  'Noah',
  'Tyler',
  'Joshua',
  'Ryan',
  'Jayden',
  'Malik',
  'Andrew',
  'Nathan',
  'Justin',
  'Marcus',
];
const OTHER_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Nguyen',
  'Santos',
  'Reyes',
  'Dela Cruz',
  'Bautista',
  'Tran',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Jackson',
  'Thompson',
  'Kim',
  'Lee',
  "O'Connor",
  'Washington',
];
/** Where at school an incident happened: the `{place}` of a narrative (the generator adds a few more). */
export const STREET_WORDS = [
  'hallway',
  'parking lot',
  'quad',
  'locker room',
  'cafeteria',
  'bus stop',
  'gym',
  'field',
];

const OVERRIDE_REASONS = [
  'Reviewed with the SRO and the assistant principal: no weapon was used or shown; diversion is appropriate.',
  'First contact, family engaged, conduct at the low end of the code; approved for diversion with a safety plan.',
  'Restitution agreed with the victim family at a lower amount; accepted for diversion.',
];
const INELIGIBLE_REASONS: Record<string, string> = {
  AGE_OUT_OF_RANGE: 'Youth was outside the program age range on the incident date.',
  EXCLUDED_REASON_CODE:
    'Offense excluded from informal diversion (WIC 654.3); returned to the SRO for disposition.',
  RESTITUTION_OVER_LIMIT: 'Restitution estimate above the $5,000 limit for informal diversion (WIC 654.3).',
};
const INELIGIBLE_OTHER = [
  'Youth is already under probation supervision (WIC 654.3).',
  'Family lives outside the service area; referred to a provider near home.',
  'Youth is already enrolled with another diversion provider for the same incident.',
];

const NARRATIVES: Record<string, string[]> = {
  OFFENSE: [
    'Student was involved in an incident in the {place} during lunch. Campus staff separated the students; no serious injuries. Youth was cooperative and expressed remorse. Referred for diversion in lieu of citation.',
    'Assistant principal contacted SRO after an incident near the {place}. Youth admitted involvement when interviewed with a parent present. First known contact; family supportive of services.',
    'SRO responded to a report from campus supervision at the {place}. Youth acknowledged the conduct. School is addressing discipline; referral made for counseling and accountability support.',
  ],
  SCHOOL_RULE: [
    'Youth found with a vape device in the {place}. Device confiscated by administration. Youth reports daily use and interest in quitting; referred for education and support.',
    'Repeated classroom disruption reported by teachers; incident today escalated in the {place}. Youth appeared frustrated and disengaged. Referred for prevention services.',
  ],
  STATUS: [
    'Youth has missed a significant number of school days this semester. Attendance team and SRO met with the family; parent asked for help with engagement and routines.',
    'Youth was contacted out after curfew near a shopping center. Returned home to a guardian. Family reports conflict at home and asked for support.',
  ],
  CONCERN: [
    'Counselor and SRO concerned about youth after statements made to peers. Youth was safe at time of contact and a parent was notified. Referred for assessment and family support.',
    'Youth disclosed stress related to family circumstances and housing. No offense. Referred for prevention services and basic-needs resources.',
  ],
};

function generate(ctx: Context, now: Date) {
  const r = prng(20_260_115);
  const wh = workingHours(r);
  const youth: Row[] = [];
  const referrals: Row[] = [];
  const guardians: Row[] = [];
  const events: Row[] = [];
  const contacts: Row[] = [];
  const communityEvents: Row[] = [];
  const excluded = new Set(ctx.reasonCodes.filter((c) => c.excluded).map((c) => c.code));
  const schoolOf = () => r.weighted(ctx.schools.map((s) => [s, s.weight] as const));

  const newYouth = (incidentAt: number, school: Context['schools'][number], createdAt: number) => {
    const hispanic = r.next() < 0.68;
    const female = r.next() < 0.45;
    const first = hispanic
      ? r.pick(female ? HISPANIC_FEMALE : HISPANIC_MALE)
      : r.pick(female ? OTHER_FEMALE : OTHER_MALE);
    let last = hispanic ? r.pick(HISPANIC_LAST) : r.pick(OTHER_LAST);
    if (hispanic && r.next() < 0.15) last = `${last}-${r.pick(HISPANIC_LAST)}`;
    const age =
      school.level === 'ELEMENTARY'
        ? r.int(9, 11)
        : school.level === 'MIDDLE'
          ? r.int(11, 14)
          : r.int(13, 17);
    const dob = new Date(incidentAt - age * 365.25 * DAY - r.int(0, 364) * DAY);
    const race = hispanic
      ? ['HISPANIC_LATINO']
      : [
          r.weighted([
            ['WHITE', 3],
            ['ASIAN', 4],
            ['BLACK', 2],
            ['NHPI', 1],
            ['DECLINED', 1],
          ] as const),
        ];
    const row = {
      id: r.uuid(),
      organization_id: ctx.provider,
      first_name: first,
      last_name: last,
      preferred_name: r.next() < 0.08 ? first.slice(0, 3) : null,
      date_of_birth: dob.toISOString().slice(0, 10),
      gender_identity: r.next() < 0.04 ? r.pick(['NONBINARY', 'DECLINED']) : female ? 'FEMALE' : 'MALE',
      race_ethnicity: race,
      primary_language:
        hispanic && r.next() < 0.35 ? 'es' : race[0] === 'ASIAN' && r.next() < 0.3 ? 'tl' : 'en',
      school_id: school.id,
      grade: Math.min(12, Math.max(3, age - 5)),
      zip: school.zip,
      created_by: null as string | null,
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
    };
    youth.push(row);
    return row;
  };

  // Where a referral ends up. Only the live queue below (and the youngest referrals) is still open, so the 20-day
  // clock and the funnel read like a working program's.
  const FINAL: readonly (readonly [ReferralStatus, number])[] = [
    ['ENROLLED', 40],
    ['DECLINED', 12],
    ['WITHDRAWN', 6],
    ['INELIGIBLE', 5],
    ['UNABLE_TO_CONTACT', 9],
  ];
  // The live queue: [status, youngest, oldest (days)]. The supervisor's intake (SUBMITTED, TRIAGE unassigned),
  // two referrals just assigned to counselor@ (first contact due), outreach and consent under way, one of them
  // close to the 20-day clock, and the last enrollments (cases in intake and assessment).
  const QUEUE: readonly (readonly [ReferralStatus, number, number])[] = [
    ['SUBMITTED', 0.1, 1],
    ['SUBMITTED', 0.3, 1.5],
    ['TRIAGE', 1, 3],
    ['TRIAGE', 1.5, 4],
    ['OUTREACH', 1.5, 2.5],
    ['OUTREACH', 1.5, 3],
    ['OUTREACH', 4, 8],
    ['CONSENT_PENDING', 7, 12],
    ['CONSENT_PENDING', 16, 18.5],
    ['ENROLLED', 6, 9],
    ['ENROLLED', 8, 12],
    ['ENROLLED', 10, 15],
    ['ENROLLED', 13, 18],
  ];
  const PATH: Record<string, ReferralStatus[]> = {
    SUBMITTED: ['SUBMITTED'],
    TRIAGE: ['SUBMITTED', 'TRIAGE'],
    OUTREACH: ['SUBMITTED', 'TRIAGE', 'OUTREACH'],
    CONSENT_PENDING: ['SUBMITTED', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING'],
    ENROLLED: ['SUBMITTED', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING', 'ENROLLED'],
    DECLINED: ['SUBMITTED', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING', 'DECLINED'],
    WITHDRAWN: ['SUBMITTED', 'TRIAGE', 'WITHDRAWN'],
    INELIGIBLE: ['SUBMITTED', 'TRIAGE', 'INELIGIBLE'],
    UNABLE_TO_CONTACT: ['SUBMITTED', 'TRIAGE', 'OUTREACH', 'UNABLE_TO_CONTACT'],
    NEEDS_INFO: ['SUBMITTED', 'NEEDS_INFO'],
  };
  const ACTION: Record<string, string> = {
    SUBMITTED: 'submit',
    TRIAGE: 'acknowledge',
    OUTREACH: 'assign',
    CONSENT_PENDING: 'contact-completed',
    ENROLLED: 'enroll',
    DECLINED: 'decline',
    WITHDRAWN: 'withdraw',
    INELIGIBLE: 'ineligible',
    UNABLE_TO_CONTACT: 'unable-to-contact',
    NEEDS_INFO: 'request-info',
  };
  const STEP_DAYS: Record<string, number> = {
    TRIAGE: 1,
    OUTREACH: 1,
    CONSENT_PENDING: 4,
    ENROLLED: 5,
    DECLINED: 6,
    WITHDRAWN: 3,
    INELIGIBLE: 1,
    UNABLE_TO_CONTACT: 10,
    NEEDS_INFO: 1,
  };

  // About one referral a day for two years: enough for every chart of the outcome dashboard to mean something,
  // also after small-cell suppression on the police side.
  const TOTAL = 720;
  // The first historical referrals visit every school once, so each school has a history; the rest are weighted.
  const firstHistorical = 7 + QUEUE.length;
  for (let i = 0; i < TOTAL; i++) {
    // Drafts and NEEDS_INFO referrals: a handful, recent, sro@'s (what the officer sees on signing in).
    const special: ReferralStatus | null = i < 4 ? 'DRAFT' : i < 7 ? 'NEEDS_INFO' : null;
    const queued = special ? undefined : QUEUE[i - 7];
    const ageDays = special
      ? r.int(0, 6) + r.next()
      : queued
        ? queued[1] + r.next() * (queued[2] - queued[1])
        : Math.pow(r.next(), 1.15) * 730;
    const createdAt = now.getTime() - ageDays * DAY;
    const author = special || r.next() < 0.58 ? ctx.users.sro : ctx.users.sro2;
    const school = ctx.schools[i - firstHistorical] ?? schoolOf();
    const incidentAt = createdAt - r.int(1, 72) * 3_600_000;
    const previous =
      youth.length > 20 && r.next() < 0.08 ? (r.pick(youth) as ReturnType<typeof newYouth>) : null;
    const y = previous ?? newYouth(incidentAt, school, createdAt);
    y.created_by ??= author;
    const kind = r.weighted([
      ['OFFENSE', 55],
      ['SCHOOL_RULE', 20],
      ['STATUS', 12],
      ['CONCERN', 13],
    ] as const);
    const pool = ctx.reasonCodes.filter((c) => c.kind === kind && (!c.excluded || r.next() < 0.15));
    const codes = [
      ...new Set([
        r.pick(pool).code,
        ...(r.next() < 0.3 ? [r.pick(ctx.reasonCodes.filter((c) => !c.excluded)).code] : []),
      ]),
    ];
    const pathway: Pathway =
      kind === 'CONCERN' || kind === 'STATUS'
        ? r.weighted([
            ['PREVENTION', 6],
            ['SCHOOL_REFERRAL', 2],
            ['SELF_FAMILY', 1],
          ] as const)
        : r.weighted([
            ['LE_DIVERSION_626B', 6],
            ['COUNSEL_RELEASE_RESOURCE', 2],
            ['PREVENTION', 1],
            ['PROBATION_654', 1],
          ] as const);
    const narrative = r
      .pick(NARRATIVES[kind] ?? NARRATIVES.OFFENSE ?? [])
      .replace('{place}', r.pick(STREET_WORDS));
    const restitution = codes.some((c) => c === 'VANDALISM_GRAFFITI' || c === 'THEFT')
      ? r.int(50, 1500)
      : null;
    const eligibilityResult = evaluateEligibility({
      dateOfBirth: y.date_of_birth,
      incidentDate: calendarDateIn(new Date(incidentAt), PROGRAM_TIME_ZONE),
      reasonCodes: codes,
      excludedCodes: excluded,
      restitutionEstimate: restitution,
    });
    const id = r.uuid();
    const guardianCount = r.next() < 0.3 ? 2 : 1;
    const guardianRows = Array.from({ length: guardianCount }, (_, g) => {
      const relationship =
        g === 0
          ? r.weighted([
              ['MOTHER', 6],
              ['FATHER', 2],
              ['GRANDPARENT', 1],
              ['AUNT_UNCLE', 0.5],
              ['LEGAL_GUARDIAN', 0.5],
            ] as const)
          : 'FATHER';
      const spanish =
        y.primary_language === 'es' || (y.race_ethnicity[0] === 'HISPANIC_LATINO' && r.next() < 0.4);
      const givenName =
        relationship === 'FATHER' || (relationship === 'GRANDPARENT' && r.next() < 0.4)
          ? r.pick(HISPANIC_MALE)
          : r.pick(HISPANIC_FEMALE);
      return {
        id: r.uuid(),
        youth_id: y.id,
        referral_id: id,
        organization_id: ctx.provider,
        name: `${y.race_ethnicity[0] === 'HISPANIC_LATINO' ? givenName : r.pick(relationship === 'FATHER' ? OTHER_MALE : OTHER_FEMALE)} ${y.last_name.split('-')[0]}`,
        relationship,
        phone: `(619) 555-${String(r.int(100, 9999)).padStart(4, '0')}`,
        email: r.next() < 0.5 ? `family${i}${g}@example.com` : null,
        preferred_language: spanish ? 'es' : 'en',
        interpreter_needed: spanish && r.next() < 0.5,
        created_by: author,
        created_at: iso(createdAt),
      };
    });
    const form = {
      schoolId: school.id,
      grade: y.grade,
      incidentAt: iso(incidentAt),
      incidentLocation: r.weighted([
        ['ON_CAMPUS', 7],
        ['TO_FROM_SCHOOL', 1],
        ['SCHOOL_EVENT', 1],
        ['ONLINE', 1],
        ['COMMUNITY', 1],
      ] as const),
      pathway,
      reasonCodes: codes,
      narrative,
    };
    if (special === 'DRAFT') {
      referrals.push({
        ...emptyReferral(id, ctx, author, createdAt),
        status: 'DRAFT',
        draft: {
          youth: {
            firstName: y.first_name,
            lastName: y.last_name,
            dateOfBirth: y.date_of_birth,
            primaryLanguage: y.primary_language,
          },
          ...form,
          ...(i % 2 ? {} : { narrative: undefined }),
        },
      });
      youth.splice(youth.indexOf(y), 1);
      continue;
    }
    let final: ReferralStatus = special ?? queued?.[0] ?? r.weighted(FINAL);
    // Most referrals failing the checklist are declared ineligible; the supervisor overrode the rest.
    if (!special && !queued && eligibilityResult.decision === 'NEEDS_OVERRIDE' && r.next() < 0.6)
      final = 'INELIGIBLE';
    const counselor =
      r.next() < 0.55 || (queued && queued[2] <= 3) ? ctx.users.counselor : ctx.users.counselor2;
    const receivedAt = createdAt;
    const latest = now.getTime() - 3_600_000;
    const path: ReferralStatus[] = [];
    let at = receivedAt;
    let assignedAt: number | null = null;
    for (const s of PATH[final] ?? ['SUBMITTED']) {
      // The provider and the officer act in working hours.
      let next = s === 'SUBMITTED' ? at : wh.after(at, (STEP_DAYS[s] ?? 1) * (0.5 + r.next()), false);
      // A referral not that far yet stays where the clock stands (the live queue is placed where chosen).
      if (s !== 'SUBMITTED' && next > latest) {
        if (!queued && !special) break;
        next = latest;
      }
      at = next;
      const police = s === 'SUBMITTED' || s === 'WITHDRAWN';
      const supervisor = s === 'TRIAGE' || s === 'OUTREACH' || s === 'INELIGIBLE' || s === 'NEEDS_INFO';
      events.push({
        id: r.uuid(),
        referral_id: id,
        at: iso(at),
        actor_id: police ? author : supervisor ? ctx.users.supervisor : counselor,
        status_from: path[path.length - 1] ?? null,
        status_to: s,
        action: ACTION[s],
        organization_id: police ? ctx.police : ctx.provider,
      });
      if (s === 'OUTREACH') assignedAt = at;
      path.push(s);
    }
    const status = path[path.length - 1];
    const assigned = path.includes('OUTREACH') ? counselor : null;
    // A referral failing the checklist went on to outreach only after the supervisor's override.
    const overriddenAt =
      eligibilityResult.decision === 'NEEDS_OVERRIDE' && assignedAt !== null ? assignedAt - 600_000 : null;
    if (overriddenAt !== null)
      events.push({
        id: r.uuid(),
        referral_id: id,
        at: iso(overriddenAt),
        actor_id: ctx.users.supervisor,
        status_from: 'TRIAGE',
        status_to: 'TRIAGE',
        action: 'override-eligibility',
        organization_id: ctx.provider,
      });
    referrals.push({
      ...emptyReferral(id, ctx, author, createdAt),
      reference_number: null,
      youth_id: y.id,
      school_id: form.schoolId,
      grade: form.grade,
      incident_at: form.incidentAt,
      incident_location: form.incidentLocation,
      pathway,
      reason_codes: codes,
      narrative,
      priority: codes.includes('SELF_HARM_RISK') ? 'URGENT_SAFETY' : 'ROUTINE',
      police_report_number:
        pathway === 'LE_DIVERSION_626B'
          ? `CV${new Date(createdAt).getUTCFullYear() % 100}-${String(r.int(1000, 99999)).padStart(5, '0')}`
          : null,
      victim_involved: kind === 'OFFENSE' && r.next() < 0.4,
      restitution_estimate: restitution,
      recommended_resource_ids: ctx.resources.length && r.next() < 0.4 ? [r.pick(ctx.resources)] : [],
      eligibility: {
        ...eligibilityResult,
        ...(overriddenAt !== null
          ? {
              overrideReason: r.pick(OVERRIDE_REASONS),
              overriddenBy: ctx.users.supervisor,
              overriddenAt: iso(overriddenAt),
            }
          : { overrideReason: null, overriddenBy: null, overriddenAt: null }),
      },
      status,
      received_at: iso(receivedAt),
      due_service_start_at: dueServiceStartAt(new Date(receivedAt)).toISOString(),
      assigned_counselor_id: assigned,
      assigned_at: assignedAt === null ? null : iso(assignedAt),
      ineligible_reason:
        status === 'INELIGIBLE'
          ? eligibilityResult.decision === 'NEEDS_OVERRIDE'
            ? INELIGIBLE_REASONS[eligibilityResult.failures[0] ?? 'EXCLUDED_REASON_CODE']
            : r.pick(INELIGIBLE_OTHER)
          : null,
      decline_reason:
        status === 'DECLINED'
          ? r.pick([
              'Family prefers private counseling',
              'Scheduling conflicts with work',
              'Youth not interested at this time',
            ])
          : null,
      withdraw_reason:
        status === 'WITHDRAWN'
          ? r.pick(['Family moved out of the area', 'Referred to probation instead', 'Entered in error'])
          : null,
      info_request:
        status === 'NEEDS_INFO' ? 'Please confirm the guardian phone number and the date of birth.' : null,
      returned_to_referrer_at: ['DECLINED', 'INELIGIBLE', 'UNABLE_TO_CONTACT'].includes(status)
        ? iso(at)
        : null,
      updated_at: iso(at),
      version: path.length,
    });
    guardians.push(...guardianRows);
  }
  referrals.sort((a, b) =>
    ((a.received_at as string | null) ?? '').localeCompare((b.received_at as string | null) ?? ''),
  );

  const DISPOSITIONS: readonly (readonly [ContactDisposition, number])[] = [
    ['COUNSEL_RELEASE', 40],
    ['SCHOOL_DISCIPLINE_ONLY', 25],
    ['CITATION_PROBATION', 20],
    ['CUSTODY_PROBATION', 5],
    ['REFERRED_DA', 10],
  ];
  for (let i = 0; i < 360; i++) {
    const occurred = now.getTime() - Math.pow(r.next(), 1.1) * 730 * DAY;
    const school = schoolOf();
    contacts.push({
      id: r.uuid(),
      occurred_at: iso(occurred),
      school_id: school.id,
      reason_codes: [
        r.pick(ctx.reasonCodes.filter((c) => c.kind === 'OFFENSE' || c.kind === 'SCHOOL_RULE')).code,
      ],
      disposition: r.weighted(DISPOSITIONS),
      age_band:
        school.level === 'HIGH'
          ? r.pick(['15-16', '17-18', '13-14'])
          : school.level === 'MIDDLE'
            ? r.pick(['10-12', '13-14'])
            : r.pick(['6-9', '10-12']),
      gender_identity: r.next() < 0.55 ? 'MALE' : r.next() < 0.95 ? 'FEMALE' : 'DECLINED',
      race_ethnicity: [
        r.weighted([
          ['HISPANIC_LATINO', 68],
          ['WHITE', 10],
          ['ASIAN', 12],
          ['BLACK', 5],
          ['DECLINED', 5],
        ] as const),
      ],
      organization_id: ctx.police,
      created_by: r.next() < 0.58 ? ctx.users.sro : ctx.users.sro2,
      created_at: iso(occurred),
    });
  }

  const EVENT_TYPES = [
    ['RED_RIBBON_WEEK', 'Red Ribbon Week assembly'],
    ['SAFETY_PATROL', 'Safety patrol training'],
    ['SHOE_AND_SOCK_DRIVE', 'Shoe and sock drive'],
    ['STUDENTS_SPEAKING_OUT', 'Students Speaking Out workshop'],
    ['OTHER', 'Parent night: online safety'],
  ] as const;
  for (let i = 0; i < 30; i++) {
    const [type, title] = r.pick(EVENT_TYPES);
    const day = now.getTime() - r.int(3, 720) * DAY;
    communityEvents.push({
      id: r.uuid(),
      type,
      title,
      occurred_on: calendarDateIn(new Date(day), PROGRAM_TIME_ZONE),
      school_id: schoolOf().id,
      participant_count: r.int(15, 450),
      partners:
        r.next() < 0.6
          ? [
              r.pick([
                'South Bay Community Services',
                'Chula Vista Elementary School District',
                'Sweetwater Union High School District',
                'Chula Vista Fire Department',
              ]),
            ]
          : [],
      organization_id: ctx.police,
      created_by: r.next() < 0.6 ? ctx.users.sro : ctx.users.sro2,
      created_at: iso(day),
    });
  }
  return { youth, referrals, guardians, events, contacts, communityEvents };
}

function emptyReferral(id: string, ctx: Context, author: string, createdAt: number): Row {
  const at = new Date(createdAt).toISOString();
  return {
    id,
    reference_number: null,
    youth_id: null,
    referring_org_id: ctx.police,
    referring_user_id: author,
    provider_org_id: ctx.provider,
    reason_codes: [],
    recommended_resource_ids: [],
    status: 'DRAFT',
    organization_id: ctx.police,
    created_by: author,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}
