import type { CaseStatus, ClosureReason, OutcomeClass, Pathway } from '@pathways/contracts';
import { ageOn, calendarDateIn, caseClocks, outcomeClassOf, PROGRAM_TIME_ZONE } from '@pathways/domain';
import { CLOSURE_SUMMARIES, HOLD_REASONS, NON_COMPLIANT_REASONS, REASON_THEME } from './seed-demo-case-text';
import { DAY, HOUR, iso, type Prng, type Row, type workingHours } from './seed-demo-util';

/** A referral as the case seed reads it (instants in ms), with its first guardian and its event times. */
export interface SeedReferral {
  id: string;
  reference_number: string;
  status: string;
  pathway: Pathway;
  youth_id: string;
  referring_user_id: string;
  referring_org_id: string;
  provider_org_id: string;
  received: number;
  assigned_counselor_id: string | null;
  assigned: number | null;
  reason_codes: string[];
  /** The eligibility checklist's failures (codes). */
  failures: string[];
  victim_involved: boolean | null;
  restitution_estimate: number | null;
  returned: number | null;
  updated: number;
  date_of_birth: string;
  youth_language: string;
  guardian_id: string | null;
  guardian_name: string | null;
  guardian_relationship: string | null;
  guardian_language: string | null;
  interpreter_needed: boolean | null;
  triaged: number | null;
  /** When it went to outreach (assigned). */
  outreached: number | null;
  consented: number | null;
  enrolled: number | null;
  last_event: number;
}

export interface Users {
  sro: string;
  sro2: string;
  counselor: string;
  counselor2: string;
  supervisor: string;
}

/** A period the case spent ON_HOLD or NON_COMPLIANT; `to` null = still in it. */
export interface Period {
  kind: 'ON_HOLD' | 'NON_COMPLIANT';
  from: number;
  to: number | null;
  reason: string;
}

/** Everything the work generator needs to know about one case's life. */
export interface CasePlan {
  id: string;
  ref: SeedReferral;
  counselor: string;
  status: CaseStatus;
  opened: number;
  intakeAt: number | null;
  assessAt: number | null;
  planAt: number | null;
  serviceAt: number | null;
  /** When work stops: the closure request, a current hold, or now. */
  end: number;
  requestAt: number | null;
  closedAt: number | null;
  reason: ClosureReason | null;
  outcome: OutcomeClass | null;
  statusBeforeClosure: CaseStatus | null;
  periods: Period[];
  /** No completed contact after this instant (a case drifting towards NON_COMPLIANT). */
  silentSince: number | null;
  targetEnd: number;
  maxEnd: number;
  targetExtendedAt: number | null;
  suicide: boolean;
  pendingOverride: boolean;
  psychotherapy: boolean;
  amend: boolean;
}

/** What the planner decides first, before any time is computed. */
export interface Fate {
  status: CaseStatus;
  reason?: ClosureReason;
  lateService?: boolean;
  silent?: boolean;
  suicide?: boolean;
  pendingOverride?: boolean;
  /** Its target end falls in the next days (a supervisor extension when the case is past 90 days). */
  targetSoon?: boolean;
  /** Closed during intake, before any assessment or service (a family can withdraw at once). */
  quick?: boolean;
}

/** How long a case runs before the closure request, by reason (days): the demo seed's and the generator's plan. */
export const CASE_DURATION_DAYS: Record<ClosureReason, readonly [number, number]> = {
  COMPLETED_ALL_GOALS: [80, 100],
  COMPLETED_MOST_GOALS: [72, 100],
  NON_PARTICIPATION: [45, 95],
  WITHDREW: [5, 60],
  NEW_LAW_ENFORCEMENT_CONTACT: [25, 85],
  MOVED: [15, 80],
  HIGHER_LEVEL_OF_CARE: [15, 60],
  INELIGIBLE_DISCOVERED: [2, 8],
  UNABLE_TO_LOCATE: [40, 90],
  AGED_OUT: [30, 100],
  OTHER: [20, 80],
};
export const FULL_LENGTH_REASONS: readonly (readonly [ClosureReason, number])[] = [
  ['COMPLETED_ALL_GOALS', 50],
  ['COMPLETED_MOST_GOALS', 18],
  ['NON_PARTICIPATION', 9],
  ['WITHDREW', 5],
  ['NEW_LAW_ENFORCEMENT_CONTACT', 4],
  ['MOVED', 6],
  ['HIGHER_LEVEL_OF_CARE', 3],
  ['UNABLE_TO_LOCATE', 2],
  ['AGED_OUT', 1],
  ['INELIGIBLE_DISCOVERED', 1],
  ['OTHER', 1],
];
export const EARLY_REASONS: readonly (readonly [ClosureReason, number])[] = [
  ['WITHDREW', 4],
  ['NON_PARTICIPATION', 3],
  ['MOVED', 3],
  ['HIGHER_LEVEL_OF_CARE', 2],
  ['INELIGIBLE_DISCOVERED', 1],
  ['NEW_LAW_ENFORCEMENT_CONTACT', 1],
];

type Hours = ReturnType<typeof workingHours>;
const STAGE_LIMIT: Partial<Record<CaseStatus, number>> = { INTAKE: 0, ASSESSMENT: 1, PLANNING: 2 };
const RANK: Partial<Record<CaseStatus, number>> = { INTAKE: 0, ASSESSMENT: 1, PLANNING: 2, ACTIVE: 3 };

/**
 * Turns a fate into a timeline: opened at enrollment, intake, first assessment, plan, first ACTIVE service
 * (within the 20-day clock unless the fate says late), holds, closure request and approval; never after `now`.
 */
export function planTimeline(
  id: string,
  ref: SeedReferral,
  counselor: string,
  fate: Fate,
  r: Prng,
  wh: Hours,
  now: number,
): CasePlan {
  const opened = ref.enrolled ?? ref.received;
  const cap = now - HOUR;
  const clocks = caseClocks({
    receivedAt: new Date(ref.received),
    openedAt: new Date(opened),
    intakeCompletedAt: null,
  });
  const maxEnd = clocks.maxEndAt.getTime();
  const ageDays = (now - opened) / DAY;
  let reason = fate.reason ?? null;
  if (
    reason === 'AGED_OUT' &&
    ageOn(ref.date_of_birth, calendarDateIn(new Date(now), PROGRAM_TIME_ZONE)) < 18
  )
    reason = 'OTHER';
  // When work stops (for a closed case, the request; otherwise now or a current period's start).
  let requestAt: number | null = null;
  if (fate.status === 'CLOSED' && reason) {
    const [lo, hi] = fate.quick ? [1, 3] : CASE_DURATION_DAYS[reason];
    requestAt = wh.after(opened, Math.min(r.between(lo, hi), ageDays - 1.5));
    requestAt = Math.min(requestAt, now - 1.2 * DAY, maxEnd - 2 * DAY);
  } else if (fate.status === 'CLOSURE_REVIEW') requestAt = wh.within(now - 3 * DAY, r.between(0, 2), cap);
  const stop = requestAt ?? cap;

  // Stages: intake, assessment and the first service fit inside the 20-day clock (unless the fate says late).
  const hard = ref.received + 19.9 * DAY;
  const limitAt = !fate.lateService && hard > opened + 3 * HOUR ? Math.min(hard, stop) : stop;
  const room = Math.max(0.3, (limitAt - opened) / DAY);
  // How far the stages go: INTAKE stops at the opening, ASSESSMENT after intake, PLANNING after the assessment.
  const limit = fate.quick ? 1 : (STAGE_LIMIT[fate.status] ?? 3);
  const closing = fate.status === 'CLOSED';
  /**
   * The next stage about `gap` days after `prev`, before `before`: squeezed in when it would fall later (a young
   * case reaches the stage its fate names), or not reached when the case closed first.
   */
  const next = (prev: number | null, gap: number, level: number, before = stop): number | null => {
    if (prev === null || limit < level) return null;
    const t = wh.after(prev, gap);
    if (t < before) return t;
    if (closing && before === stop) return null;
    return before - prev > 10 * 60_000 ? prev + (before - prev) * r.between(0.3, 0.7) : null;
  };
  const intakeAt = next(opened, r.between(0.1, Math.min(3, room * 0.25)), 1, limitAt);
  const assessAt = next(intakeAt, r.between(0.1, Math.min(4, room * 0.25)), 2, limitAt);
  let serviceAt: number | null = null;
  if (assessAt !== null && fate.lateService)
    serviceAt = next(Math.max(assessAt, ref.received + 20.2 * DAY), r.between(0, 3), 3);
  else if (assessAt !== null)
    serviceAt = next(
      assessAt,
      r.between(0.2, Math.min(5, Math.max(0.3, ((limitAt - assessAt) / DAY) * 0.5))),
      3,
      limitAt,
    );
  const planAt = next(assessAt, r.between(0.3, 3), 2);

  const periods: Period[] = [];
  let silentSince: number | null = null;
  let end = stop;
  if (fate.status === 'ON_HOLD') {
    const from = wh.within(Math.max(now - 20 * DAY, (serviceAt ?? opened) + 7 * DAY), r.between(0, 16), cap);
    periods.push({ kind: 'ON_HOLD', from, to: null, reason: r.pick(HOLD_REASONS) });
    end = from;
  } else if (fate.status === 'NON_COMPLIANT') {
    silentSince = Math.max(now - r.between(34, 42) * DAY, (serviceAt ?? opened) + 5 * DAY);
    const marked = wh.within(silentSince + 30.2 * DAY, r.between(0, 2), cap);
    periods.push({ kind: 'NON_COMPLIANT', from: marked, to: null, reason: r.pick(NON_COMPLIANT_REASONS) });
    end = marked;
  } else if (fate.silent)
    silentSince = Math.max(now - r.between(33, 40) * DAY, (serviceAt ?? opened) + 5 * DAY);
  // A past hold on some long cases (supervisor approved, then resumed).
  if (serviceAt && !periods.length && !silentSince && end - serviceAt > 55 * DAY && r.chance(0.14)) {
    const from = wh.after(serviceAt + r.between(14, 30) * DAY, 0);
    const to = wh.after(from + r.between(7, 21) * DAY, 0);
    const kind = r.chance(0.7) ? 'ON_HOLD' : 'NON_COMPLIANT';
    const why = r.pick(kind === 'ON_HOLD' ? HOLD_REASONS : NON_COMPLIANT_REASONS);
    if (to < end - 10 * DAY) periods.push({ kind, from, to, reason: why });
  }

  // The supervisor extends the target (never past the maximum) for cases running past 90 days.
  let targetEnd = clocks.targetEndAt.getTime();
  let targetExtendedAt: number | null = null;
  if ((requestAt ?? now) - opened > 89 * DAY) {
    targetExtendedAt = Math.min(wh.after(opened + r.between(80, 86) * DAY, 0), (requestAt ?? cap) - HOUR);
    targetEnd = Math.min(maxEnd, Math.max(opened + 120 * DAY, (requestAt ?? now) + r.between(10, 30) * DAY));
    if (fate.targetSoon) targetEnd = Math.min(maxEnd, now + r.between(3, 12) * DAY);
  }

  const closedAt =
    fate.status === 'CLOSED' && requestAt ? wh.within(requestAt, r.between(0.1, 3), cap) : null;
  const reached: CaseStatus = serviceAt
    ? 'ACTIVE'
    : assessAt
      ? 'PLANNING'
      : intakeAt
        ? 'ASSESSMENT'
        : 'INTAKE';
  // A case too young for the stage its fate names stays where its work got to.
  const open = fate.status !== 'CLOSED' && fate.status !== 'CLOSURE_REVIEW';
  const status = open && (RANK[reached] ?? 0) < (RANK[fate.status] ?? 3) ? reached : fate.status;
  if (status !== fate.status) periods.length = 0;
  return {
    id,
    ref,
    counselor,
    status,
    opened,
    intakeAt,
    assessAt,
    planAt: fate.status === 'PLANNING' && !fate.lateService ? null : planAt,
    serviceAt,
    end,
    requestAt,
    closedAt,
    reason: fate.status === 'CLOSED' || fate.status === 'CLOSURE_REVIEW' ? reason : null,
    outcome: fate.status === 'CLOSED' && reason ? outcomeClassOf(reason) : null,
    statusBeforeClosure: requestAt ? reached : null,
    periods,
    silentSince,
    targetEnd,
    maxEnd,
    targetExtendedAt,
    suicide: Boolean(fate.suicide),
    pendingOverride: Boolean(fate.pendingOverride),
    psychotherapy: false,
    amend: false,
  };
}

/** The case row and its status history (case_events), one row per transition, actions of CASE_ACTIONS. */
export function caseRows(
  p: CasePlan,
  caseNumber: string,
  users: Users,
  r: Prng,
): { row: Row; events: Row[] } {
  const events: Row[] = [];
  const org = p.ref.provider_org_id;
  const event = (
    at: number,
    actor: string,
    from: CaseStatus | null,
    to: CaseStatus,
    action: string,
    detail: string | null = null,
  ) =>
    events.push({
      id: r.uuid(),
      case_id: p.id,
      at: iso(at),
      actor_id: actor,
      status_from: from,
      status_to: to,
      action,
      detail,
      organization_id: org,
    });
  event(p.opened, p.counselor, null, 'INTAKE', 'open');
  if (p.intakeAt) event(p.intakeAt, p.counselor, 'INTAKE', 'ASSESSMENT', 'intake-completed');
  if (p.assessAt) event(p.assessAt, p.counselor, 'ASSESSMENT', 'PLANNING', 'assessment-recorded');
  if (p.serviceAt) event(p.serviceAt, p.counselor, 'PLANNING', 'ACTIVE', 'service-started');
  for (const period of p.periods) {
    const hold = period.kind === 'ON_HOLD';
    event(
      period.from,
      hold ? users.supervisor : p.counselor,
      'ACTIVE',
      period.kind,
      hold ? 'hold' : 'mark-non-compliant',
    );
    if (period.to) event(period.to, p.counselor, period.kind, 'ACTIVE', 'resume');
  }
  if (p.targetExtendedAt)
    event(
      p.targetExtendedAt,
      users.supervisor,
      null,
      events[events.length - 1]?.status_to as CaseStatus,
      'update',
      'target-extended',
    );
  if (p.requestAt && p.statusBeforeClosure)
    event(p.requestAt, p.counselor, p.statusBeforeClosure, 'CLOSURE_REVIEW', 'request-closure', p.reason);
  if (p.closedAt)
    event(p.closedAt, users.supervisor, 'CLOSURE_REVIEW', 'CLOSED', 'approve-closure', p.outcome);
  events.sort((a, b) => (a.at as string).localeCompare(b.at as string));
  // The status an 'update' row records is the one in force at its time.
  let current: CaseStatus = 'INTAKE';
  for (const e of events) {
    if (e.action === 'update') {
      e.status_from = current;
      e.status_to = current;
    } else current = e.status_to as CaseStatus;
  }
  const holding = p.periods.find((x) => x.to === null);
  const last = events[events.length - 1];
  const row: Row = {
    id: p.id,
    case_number: caseNumber,
    referral_id: p.ref.id,
    youth_id: p.ref.youth_id,
    provider_org_id: org,
    primary_counselor_id: p.counselor,
    pathway: p.ref.pathway,
    status: p.status,
    status_reason: holding?.reason ?? null,
    status_before_closure: p.statusBeforeClosure,
    opened_at: iso(p.opened),
    intake_completed_at: p.intakeAt && iso(p.intakeAt),
    service_program_initiated_at: p.serviceAt && iso(p.serviceAt),
    target_end_at: iso(p.targetEnd),
    max_end_at: iso(p.maxEnd),
    closure_requested_at: p.requestAt && iso(p.requestAt),
    closure_requested_by: p.requestAt ? p.counselor : null,
    closure_reason: p.reason,
    closure_summary: p.reason ? r.pick(CLOSURE_SUMMARIES[p.reason]) : null,
    closure_approved_by: p.closedAt ? users.supervisor : null,
    closed_at: p.closedAt && iso(p.closedAt),
    outcome_class: p.outcome,
    completion_notice_sent_at: null,
    organization_id: org,
    created_by: p.counselor,
    created_at: iso(p.opened),
    updated_at: last?.at ?? iso(p.opened),
    version: events.length,
  };
  return { row, events };
}

/**
 * Which case ends up in which state. The youngest cases are still in intake, assessment and planning; one is
 * past the 20-day clock waiting for its first service; older ones are mostly closed. counselor@ gets a case in
 * closure review, one silent for over 30 days, cases near their target end and one with a suicide-risk flag.
 */
export function chooseFates(
  ctx: { users: Users; referrals: readonly SeedReferral[] },
  r: Prng,
  now: number,
  counselorOf: Map<string, string>,
): Map<string, Fate> {
  const { users } = ctx;
  const enrolled = ctx.referrals
    .filter((x) => x.status === 'ENROLLED' && x.enrolled)
    .sort((a, b) => b.enrolled! - a.enrolled!);
  const age = (x: SeedReferral) => (now - x.enrolled!) / DAY;
  const fates = new Map<string, Fate>();
  for (const [status, minAge] of [
    ['INTAKE', 0],
    ['ASSESSMENT', 0.7],
    ['PLANNING', 1.5],
  ] as const) {
    const x = enrolled.find((y) => !fates.has(y.id) && age(y) >= minAge);
    if (x) fates.set(x.id, { status, suicide: status === 'PLANNING' });
  }
  const late = enrolled.find((x) => !fates.has(x.id) && (now - x.received) / DAY >= 21 && age(x) < 40);
  if (late) fates.set(late.id, { status: 'PLANNING', lateService: true });
  for (const x of enrolled) {
    if (fates.has(x.id)) continue;
    const a = age(x);
    const closed = a > 150 || (a > 95 && r.chance(0.75)) || (a > 25 && r.chance(0.12));
    if (!closed) fates.set(x.id, { status: 'ACTIVE' });
    else if (a > 95)
      fates.set(x.id, {
        status: 'CLOSED',
        reason: r.weighted(r.chance(0.85) ? FULL_LENGTH_REASONS : EARLY_REASONS),
      });
    else
      fates.set(x.id, {
        status: 'CLOSED',
        reason: a > 70 && r.chance(0.3) ? 'COMPLETED_MOST_GOALS' : r.weighted(EARLY_REASONS),
      });
  }
  // One family withdrew during intake.
  const quick = enrolled.find((x) => age(x) > 60 && fates.get(x.id)?.status === 'CLOSED');
  if (quick) fates.set(quick.id, { status: 'CLOSED', reason: 'WITHDREW', quick: true });
  // Two long-ago programs started late (after the 20-day clock).
  enrolled
    .filter((x) => age(x) > 200 && fates.get(x.id)?.reason === 'COMPLETED_ALL_GOALS')
    .slice(0, 2)
    .forEach((x) => (fates.get(x.id)!.lateService = true));

  const taken = new Set<string>();
  const take = (
    lo: number,
    hi: number,
    fate: Fate,
    counselor?: string,
    prefer?: (x: SeedReferral) => boolean,
  ) => {
    const pool = enrolled.filter(
      (x) => !taken.has(x.id) && fates.get(x.id)?.status === 'ACTIVE' && age(x) >= lo && age(x) <= hi,
    );
    const x = pool.find((y) => prefer?.(y)) ?? pool[0];
    if (!x) return;
    taken.add(x.id);
    fates.set(x.id, fate);
    if (counselor) counselorOf.set(x.id, counselor);
  };
  const offense = (x: SeedReferral) => x.pathway === 'LE_DIVERSION_626B' || x.pathway === 'PROBATION_654';
  take(84, 120, { status: 'CLOSURE_REVIEW', reason: 'COMPLETED_ALL_GOALS' }, users.counselor, offense);
  take(55, 120, { status: 'CLOSURE_REVIEW', reason: 'COMPLETED_MOST_GOALS' }, users.counselor2);
  take(30, 85, { status: 'ON_HOLD' }, users.counselor2);
  take(30, 85, { status: 'ON_HOLD' }, users.counselor);
  take(55, 90, { status: 'NON_COMPLIANT' }, users.counselor2);
  take(50, 85, { status: 'ACTIVE', silent: true }, users.counselor);
  take(76, 88, { status: 'ACTIVE', targetSoon: true }, users.counselor);
  take(90, 150, { status: 'ACTIVE', targetSoon: true }, users.counselor);
  take(76, 150, { status: 'ACTIVE', targetSoon: true }, users.counselor);
  take(
    8,
    50,
    { status: 'ACTIVE', suicide: true },
    users.counselor,
    (x) => REASON_THEME[x.reason_codes[0] ?? ''] === 'WELLBEING',
  );
  take(10, 60, { status: 'ACTIVE', pendingOverride: true }, users.counselor2, offense);
  return fates;
}
