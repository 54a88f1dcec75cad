import type { ContactModality, ContactType, GoalStatus, NoteKind } from '@pathways/contracts';
import { ageOn } from '@pathways/domain';
import { accountability, assessments, followUps } from './seed-demo-case-measures';
import type { CasePlan, SeedReferral, Users } from './seed-demo-case-plan';
import {
  AMENDMENTS,
  CLINICAL_NOTES,
  CLOSURE_NOTES,
  COLLATERAL_NOTES,
  EXTRA_SERVICES,
  GOAL_DOMAINS_FOR,
  GOALS,
  GUARDIAN_WORD,
  HOLD_NOTES,
  INTAKE_NOTES,
  LANGUAGE_WORD,
  OFFENSE_PATHWAYS,
  PSYCHOTHERAPY_NOTES,
  REASON_THEME,
  SAFETY_NOTES,
  SERVICES_FOR,
  SESSION_NOTES,
  sessionType,
} from './seed-demo-case-text';
import { DAY, HOUR, iso, localDate, MIN, type Prng, type Row, type workingHours } from './seed-demo-util';

export interface Work {
  contacts: Row[];
  consents: Row[];
  assessments: Row[];
  goals: Row[];
  items: Row[];
  services: Row[];
  notes: Row[];
  followUps: Row[];
}

export interface WorkContext {
  users: Users;
  r: Prng;
  wh: ReturnType<typeof workingHours>;
  now: number;
  /** Later referrals of a youth (a new referral after closure fills a follow-up). */
  referralsOf: (youthId: string) => readonly SeedReferral[];
}

const SBCS = 'South Bay Community Services';
const PARTNER: Record<string, string> = {
  MENTORING: 'SBCS mentoring program',
  TUTORING_ACADEMIC_SUPPORT: 'Chula Vista Public Library homework center',
  PROSOCIAL_ACTIVITY: 'City of Chula Vista Recreation',
  HOUSING_ASSISTANCE: 'SBCS housing services',
};

/** The case's work: consents, contacts and sessions, assessments, plan, accountability, services, notes, follow-ups. */
export function caseWork(p: CasePlan, c: WorkContext, out: Work): void {
  const { r, wh, now, users } = c;
  const ref = p.ref;
  const org = ref.provider_org_id;
  const theme = REASON_THEME[ref.reason_codes[0] ?? 'OTHER'] ?? 'PEERS';
  const guardianLanguage = ref.guardian_language ?? ref.youth_language;
  const fill = (text: string) =>
    text
      .replaceAll('{guardian}', GUARDIAN_WORD[ref.guardian_relationship ?? ''] ?? 'guardian')
      .replaceAll('{language}', LANGUAGE_WORD[guardianLanguage] ?? 'English');
  const base = { case_id: p.id, organization_id: org, created_by: p.counselor };
  const closed = p.status === 'CLOSED';
  const success = p.outcome === 'SUCCESSFUL';

  // Consents, signed at enrollment.
  const signed = p.opened - r.int(15, 180) * MIN;
  const selfConsent = ageOn(ref.date_of_birth, localDate(p.opened)) >= 12 && r.chance(0.05);
  const consent = (type: string, extra: Row = {}) =>
    out.consents.push({
      id: r.uuid(),
      youth_id: ref.youth_id,
      referral_id: ref.id,
      type,
      youth_assent: true,
      guardian_name: selfConsent ? null : ref.guardian_name,
      guardian_id: selfConsent ? null : ref.guardian_id,
      minor_self_consent_basis: selfConsent ? r.pick(['FC_6924', 'HSC_124260']) : null,
      signature_method: r.weighted([
        ['E_SIGNATURE', 5],
        ['WET_INK_SCANNED', 4],
        ['VERBAL_WITNESSED', 1],
      ] as const),
      language: selfConsent ? ref.youth_language : guardianLanguage,
      signed_at: iso(signed),
      expires_at: null,
      counterpart_org_id: null,
      info_scope: [],
      ...base,
      created_at: iso(p.opened),
      updated_at: iso(p.opened),
      ...extra,
    });
  consent('PROGRAM_PARTICIPATION');
  if (ref.pathway === 'LE_DIVERSION_626B' || r.chance(0.8))
    consent('RELEASE_OF_INFORMATION', {
      counterpart_org_id: ref.referring_org_id,
      info_scope: [
        'ENROLLMENT_STATUS',
        'COMPLETION_STATUS',
        ...(r.chance(0.3) ? ['ATTENDANCE_PARTICIPATION'] : []),
      ],
      expires_at: localDate(p.opened + 365 * DAY),
    });
  if (r.chance(0.35)) consent('TEXT_MESSAGING');
  if (theme === 'WELLBEING' || r.chance(0.3)) consent('MENTAL_HEALTH_TREATMENT');

  // Intake and assessment meetings.
  const contact = (at: number, type: ContactType, extra: Row = {}) => {
    const row: Row = {
      id: r.uuid(),
      referral_id: null,
      occurred_at: iso(at),
      duration_min: 50,
      contact_type: type,
      modality: 'OFFICE',
      result: 'COMPLETED',
      participants: ['YOUTH'],
      language: ref.youth_language,
      interpreter_used: false,
      service_enrollment_id: null,
      ...base,
      created_at: iso(Math.min(at + r.int(10, 240) * MIN, now)),
      ...extra,
    };
    out.contacts.push(row);
    return row;
  };
  const notes: { kind: NoteKind; at: number; body: string; author: string }[] = [];
  const note = (kind: NoteKind, at: number, body: string, author = p.counselor) => {
    if (at < now) notes.push({ kind, at, body: fill(body), author });
  };
  if (p.intakeAt) {
    contact(p.intakeAt, 'INTAKE', {
      duration_min: r.pick([60, 75, 90]),
      modality: r.weighted([
        ['OFFICE', 5],
        ['HOME', 3],
        ['SCHOOL', 2],
        ['VIDEO', 1],
      ] as const),
      participants: ['YOUTH', 'GUARDIAN'],
      language: guardianLanguage,
      interpreter_used: Boolean(ref.interpreter_needed),
    });
    note('CASE_NOTE', p.intakeAt + r.int(1, 3) * HOUR, r.pick(INTAKE_NOTES));
  }
  if (p.assessAt) {
    contact(p.assessAt, 'ASSESSMENT', {
      duration_min: r.pick([45, 60, 75]),
      modality: r.pick(['OFFICE', 'SCHOOL']),
    });
    assessments(p, c, out, theme, base);
    if (p.psychotherapy) note('PSYCHOTHERAPY', p.assessAt + 4 * HOUR, r.pick(PSYCHOTHERAPY_NOTES));
    if (p.suicide) note('CLINICAL', p.assessAt + 2 * HOUR, r.pick(SAFETY_NOTES));
    else if (r.chance(0.5)) note('CLINICAL', p.assessAt + 3 * HOUR, CLINICAL_NOTES[0] ?? '');
  }

  // Plan: goals and accountability items.
  if (p.planAt) {
    const domains = GOAL_DOMAINS_FOR[theme].slice(0, r.chance(0.5) ? 3 : 2);
    const elapsed = (Math.min(p.end, now) - p.opened) / (90 * DAY);
    for (const [i, domain] of domains.entries()) {
      let status: GoalStatus;
      if (p.status === 'PLANNING') status = 'NOT_STARTED';
      else if (closed && success)
        status =
          p.reason === 'COMPLETED_MOST_GOALS' && i === domains.length - 1 ? 'PARTIALLY_ACHIEVED' : 'ACHIEVED';
      else if (p.outcome === 'UNSUCCESSFUL')
        status = r.pick(['NOT_ACHIEVED', 'PARTIALLY_ACHIEVED', 'DISCONTINUED']);
      else if (closed) status = r.pick(['DISCONTINUED', 'DISCONTINUED', 'PARTIALLY_ACHIEVED', 'ACHIEVED']);
      else if (elapsed < 0.3) status = r.chance(0.5) ? 'NOT_STARTED' : 'IN_PROGRESS';
      else status = r.chance(elapsed * 0.45) ? 'ACHIEVED' : 'IN_PROGRESS';
      const changed =
        status === 'NOT_STARTED' ? p.planAt : Math.min(p.closedAt ?? now - r.between(1, 10) * DAY, now);
      out.goals.push({
        id: r.uuid(),
        ...base,
        created_at: iso(p.planAt),
        domain,
        description: r.pick(GOALS[domain]),
        due_at: localDate(p.opened + r.int(75, 90) * DAY),
        status,
        updated_at: iso(Math.max(changed, p.planAt)),
        version: status === 'NOT_STARTED' ? 1 : 2,
      });
    }
    if (OFFENSE_PATHWAYS.has(ref.pathway) && p.status !== 'PLANNING')
      accountability(p, c, out, theme, base, elapsed);
  }

  // Services and their sessions.
  const first = SERVICES_FOR[theme][r.chance(0.7) ? 0 : 1] ?? 'CASE_MANAGEMENT';
  const wanted = [first];
  const extras = r.int(0, 2);
  for (let i = 0; i < extras; i++) {
    const s = r.chance(0.5) ? r.pick(SERVICES_FOR[theme]) : r.pick(EXTRA_SERVICES);
    if (!wanted.includes(s)) wanted.push(s);
  }
  // Services start after the assessment (a case closed during intake has none).
  const assessed = p.assessAt ?? Infinity;
  const sessions: { at: number; serviceId: string; type: ContactType; completed: boolean }[] = [];
  for (const [i, serviceType] of wanted.entries()) {
    if (assessed === Infinity) break;
    const referred = i === 0 ? (p.intakeAt ?? p.opened) : (p.serviceAt ?? assessed) + r.between(3, 20) * DAY;
    if (referred >= Math.min(p.end, now)) continue;
    let started: number | null = i === 0 ? p.serviceAt : wh.after(referred, r.between(4, 14));
    if (started !== null && started >= p.end) started = null;
    if (i > 0 && !p.serviceAt) started = null;
    const type = sessionType(serviceType);
    const ended = closed && started ? Math.min(p.requestAt ?? now, now) - r.between(0, 4) * DAY : null;
    const status = started
      ? closed
        ? success || (p.outcome === 'ADMINISTRATIVE' && r.chance(0.3))
          ? 'COMPLETED'
          : 'DROPPED'
        : 'ACTIVE'
      : closed
        ? 'DECLINED'
        : p.status === 'PLANNING' && i === 0
          ? r.chance(0.5) || p.ref.received + 20 * DAY < now
            ? 'WAITLISTED'
            : 'REFERRED'
          : 'REFERRED';
    const id = r.uuid();
    out.services.push({
      id,
      ...base,
      created_at: iso(referred),
      service_type: serviceType,
      provider: PARTNER[serviceType] ?? SBCS,
      status,
      referred_at: iso(referred),
      started_at: started && iso(started),
      ended_at: ended && started ? iso(Math.max(ended, started + DAY)) : null,
      sessions_planned:
        type === 'CHECK_IN' || type === 'CASE_MANAGEMENT' ? null : i === 0 ? r.pick([10, 12]) : r.int(5, 8),
      updated_at: iso(Math.min(ended ?? started ?? referred, now)),
    });
    if (!started) continue;
    const stopAt = Math.min(ended ?? p.end, p.end, now - HOUR);
    const every = i === 0 ? 7 : 14;
    for (let t = wh.after(started, 0); t < stopAt; t = wh.after(t, every + r.pick([-1, 0, 0, 0, 0, 1]))) {
      if (p.periods.some((x) => t >= x.from && (x.to === null || t < x.to))) continue;
      sessions.push({ at: t, serviceId: id, type, completed: true });
    }
  }
  sessions.sort((a, b) => a.at - b.at);
  const show = p.outcome === 'UNSUCCESSFUL' ? 0.65 : p.outcome === 'ADMINISTRATIVE' ? 0.8 : 0.88;
  const open = !closed && p.status !== 'CLOSURE_REVIEW';
  for (const [i, s] of sessions.entries()) {
    const silent = p.silentSince !== null && s.at > p.silentSince;
    if (silent && p.status !== 'NON_COMPLIANT') continue;
    const last = i === sessions.length - 1;
    s.completed = !silent && ((open && last) || r.chance(show));
    const result = s.completed
      ? 'COMPLETED'
      : r.weighted([
          ['NO_SHOW', 6],
          ['CANCELLED_FAMILY', 3],
          ['CANCELLED_STAFF', 1],
        ] as const);
    const family = s.type === 'COUNSELING_FAMILY';
    contact(s.at, s.type, {
      duration_min: s.completed
        ? s.type === 'CHECK_IN'
          ? r.pick([15, 20, 30])
          : s.type === 'GROUP_SESSION'
            ? 90
            : r.pick([45, 50, 60])
        : null,
      modality:
        s.type === 'CHECK_IN'
          ? r.pick(['PHONE', 'SCHOOL', 'TEXT'])
          : s.type === 'CASE_MANAGEMENT'
            ? r.pick(['SCHOOL', 'OFFICE', 'PHONE'])
            : family
              ? r.pick(['OFFICE', 'HOME', 'VIDEO'])
              : r.pick(['OFFICE', 'SCHOOL', 'SCHOOL', 'VIDEO']),
      result,
      participants: family
        ? ['YOUTH', 'GUARDIAN']
        : s.type === 'CASE_MANAGEMENT'
          ? ['YOUTH', 'SCHOOL_STAFF']
          : ['YOUTH'],
      language: family ? guardianLanguage : ref.youth_language,
      interpreter_used: family && Boolean(ref.interpreter_needed),
      service_enrollment_id: s.serviceId,
    });
    if (!s.completed) continue;
    const bodies = SESSION_NOTES[s.type];
    const clinical = s.type === 'COUNSELING_INDIVIDUAL' || s.type === 'COUNSELING_FAMILY';
    if (p.psychotherapy && s.type === 'COUNSELING_INDIVIDUAL' && r.chance(0.3))
      note('PSYCHOTHERAPY', s.at + 2 * HOUR, r.pick(PSYCHOTHERAPY_NOTES));
    else if (clinical && r.chance(0.2)) note('CLINICAL', s.at + 2 * HOUR, r.pick(CLINICAL_NOTES));
    else if (bodies.length && r.chance(0.3)) note('CASE_NOTE', s.at + r.int(1, 4) * HOUR, r.pick(bodies));
  }
  // A call with the school now and then (collateral), outside any service.
  const quiet = Math.min(p.end, p.silentSince ?? p.end, now - DAY);
  for (let t = (p.serviceAt ?? assessed) + r.between(10, 30) * DAY; t < quiet; t += r.between(25, 45) * DAY) {
    const at = wh.workTime(t);
    if (at >= now || at >= p.end) break;
    contact(at, 'COLLATERAL', {
      duration_min: r.pick([10, 15, 20]),
      modality: 'PHONE',
      participants: ['SCHOOL_STAFF'],
      language: 'en',
    });
    if (r.chance(0.5)) note('CASE_NOTE', at + HOUR, r.pick(COLLATERAL_NOTES));
  }
  for (const period of p.periods)
    if (period.kind === 'ON_HOLD')
      note('CASE_NOTE', period.from + HOUR, r.pick(HOLD_NOTES), users.supervisor);
  if (p.requestAt) note('CASE_NOTE', p.requestAt - 30 * MIN, r.pick(CLOSURE_NOTES));
  writeNotes(p, c, out, notes);
  followUps(p, c, out);
}

/** The notes in time order, and an amendment pointing to an earlier note on a few cases. */
function writeNotes(
  p: CasePlan,
  c: WorkContext,
  out: Work,
  notes: { kind: NoteKind; at: number; body: string; author: string }[],
): void {
  const { r, now } = c;
  notes.sort((a, b) => a.at - b.at);
  const rows = notes.map((n) => ({
    id: r.uuid(),
    case_id: p.id,
    kind: n.kind,
    body: n.body,
    author_id: n.author,
    amends_id: null as string | null,
    organization_id: p.ref.provider_org_id,
    created_at: iso(n.at),
  }));
  out.notes.push(...rows);
  const original =
    rows.find((n) => n.kind === 'CASE_NOTE' && n.author_id === p.counselor && n !== rows[0]) ?? rows[0];
  if (p.amend && original) {
    const at = Math.min(Date.parse(original.created_at) + r.between(0.5, 3) * DAY, now - HOUR);
    out.notes.push({
      ...original,
      id: r.uuid(),
      body: r.pick(AMENDMENTS),
      amends_id: original.id,
      created_at: iso(at),
    });
  }
}

/**
 * Outreach on a referral: attempts by phone, text and home visit, then the contact that reached the family.
 * Returns the number of attempts.
 */
export function outreach(
  x: SeedReferral,
  counselor: string,
  r: Prng,
  wh: ReturnType<typeof workingHours>,
  now: number,
  users: Users,
  work: Work,
): number {
  const before = work.contacts.length;
  const start = x.assigned ?? x.outreached ?? x.triaged ?? x.received;
  const language = x.guardian_language ?? x.youth_language;
  const attempt = (at: number, modality: ContactModality, result: string, extra: Row = {}) =>
    work.contacts.push({
      id: r.uuid(),
      referral_id: x.id,
      case_id: null,
      occurred_at: iso(at),
      duration_min:
        modality === 'HOME' ? r.pick([15, 20, 30]) : modality === 'PHONE' ? r.pick([2, 3, 5]) : null,
      contact_type: 'OUTREACH_ATTEMPT',
      modality,
      result,
      participants: [],
      language,
      interpreter_used: false,
      service_enrollment_id: null,
      organization_id: x.provider_org_id,
      created_by: counselor,
      created_at: iso(Math.min(at + r.int(5, 120) * 60_000, now)),
      ...extra,
    });
  /** `n` instants between lo and hi, in working hours when some fall inside. */
  const times = (n: number, lo: number, hi: number) =>
    Array.from({ length: n }, () => {
      for (let tries = 0; tries < 4; tries++) {
        const w = wh.workTime(lo + r.next() * (hi - lo));
        if (w > lo && w < hi) return w;
      }
      return lo + r.next() * (hi - lo);
    }).sort((a, b) => a - b);
  const failed = (modality: ContactModality) =>
    modality === 'PHONE'
      ? r.weighted([
          ['NO_ANSWER', 5],
          ['LEFT_MESSAGE', 5],
          ['WRONG_NUMBER', 0.4],
        ] as const)
      : modality === 'HOME'
        ? 'NO_ANSWER'
        : 'LEFT_MESSAGE';
  const modalities: ContactModality[] = ['PHONE', 'TEXT', 'PHONE', 'HOME', 'LETTER', 'EMAIL'];

  if (x.status === 'OUTREACH') {
    // Just assigned to counselor@: the first contact is still due.
    if (counselor === users.counselor && now - start < 3 * DAY) return 0;
    times(r.int(1, 2), start + HOUR, now - HOUR).forEach((t, i) =>
      attempt(t, modalities[i], failed(modalities[i])),
    );
  } else if (x.status === 'UNABLE_TO_CONTACT') {
    // The attempt rule: >= 3 attempts over >= 2 modalities within 10 business days (12 calendar days at most).
    const end = Math.min(x.last_event - 30 * 60_000, start + 12 * DAY);
    const n = r.int(3, 5);
    times(n, start + HOUR, end).forEach((t, i) => {
      const modality = i === 0 ? 'PHONE' : i === 1 ? r.pick(['TEXT', 'HOME'] as const) : r.pick(modalities);
      attempt(t, modality, failed(modality));
    });
  } else if (x.consented) {
    const reached = Math.max(x.consented - r.int(5, 90) * 60_000, start + 10 * 60_000);
    times(reached - start > 3 * HOUR ? r.int(0, 2) : 0, start + HOUR, reached).forEach((t, i) =>
      attempt(t, modalities[i], failed(modalities[i])),
    );
    const home = r.chance(0.25);
    attempt(reached, home ? 'HOME' : 'PHONE', 'COMPLETED', {
      duration_min: home ? r.pick([30, 45]) : r.pick([10, 15, 20, 25]),
      participants: r.chance(0.5) ? ['GUARDIAN', 'YOUTH'] : ['GUARDIAN'],
      interpreter_used: Boolean(x.interpreter_needed),
    });
  }
  return work.contacts.length - before;
}
