import type { NewLeContact, RiskLevel } from '@pathways/contracts';
import { followUpDueAt } from '@pathways/domain';
import type { CasePlan } from './seed-demo-case-plan';
import type { Work, WorkContext } from './seed-demo-case-work';
import { ACCOUNTABILITY_TEXT, OFFENSE_PATHWAYS } from './seed-demo-case-text';
import { DAY, HOUR, iso, localDate, MIN, type Row } from './seed-demo-util';

/** The YASI risk/needs domains the demo seed and the generator score. */
export const YASI_DOMAINS: readonly string[] = [
  'legal_history',
  'family',
  'school',
  'community_peers',
  'alcohol_drugs',
  'mental_health',
  'aggression',
  'attitudes',
  'skills',
  'employment_free_time',
];

/** The measured part of a case: screenings and assessments, accountability items, follow-ups. */

/** Intake screens (YASI or the program intake, C-SSRS, PHQ-A, GAD-7, CRAFFT) and an exit survey. */
export function assessments(p: CasePlan, c: WorkContext, out: Work, theme: string, base: Row): void {
  const { r, users, now } = c;
  const at = p.assessAt!;
  const add = (
    instrument: string,
    time: number,
    level: RiskLevel,
    total: number | null,
    scores: Record<string, number>,
    extra: Row = {},
  ) =>
    out.assessments.push({
      id: r.uuid(),
      ...base,
      created_at: iso(time),
      instrument,
      timing: 'INTAKE',
      administered_at: iso(time),
      overall_level: level,
      total_score: total,
      domain_scores: scores,
      flags: [],
      override_level: null,
      override_reason: null,
      override_approved_by: null,
      override_approved_at: null,
      version: 1,
      ...extra,
    });
  const offense = OFFENSE_PATHWAYS.has(p.ref.pathway);
  // Risk/needs screen: YASI for police and probation referrals, the program's own intake otherwise.
  if (offense) {
    const names = YASI_DOMAINS;
    const risk = r.next();
    const scores = Object.fromEntries(
      names.map((n) => [n, Math.min(3, Math.floor(r.next() * (1.2 + risk * 3)))]),
    );
    const total = Object.values(scores).reduce((s, v) => s + v, 0);
    const level: RiskLevel =
      total <= 7 ? 'LOW' : total <= 12 ? 'MODERATE' : total <= 17 ? 'MODERATE_HIGH' : 'HIGH';
    const up: Record<string, RiskLevel> = {
      LOW: 'MODERATE',
      MODERATE: 'MODERATE_HIGH',
      MODERATE_HIGH: 'HIGH',
      HIGH: 'HIGH',
    };
    const override = p.pendingOverride
      ? {
          override_level: up[level],
          override_reason:
            'Prescreen underestimates risk: escalating conflict at home and a second school incident reported this month.',
        }
      : r.chance(0.05)
        ? {
            override_level: up[level],
            override_reason: 'Counselor judgment: recent peer group changes not captured by the prescreen.',
            override_approved_by: users.supervisor,
            override_approved_at: iso(Math.min(at + r.between(0.5, 3) * DAY, now - HOUR)),
            version: 2,
          }
        : {};
    add('YASI_PRESCREEN', at, level, total, scores, override);
  } else {
    const scores = {
      school_engagement: r.int(1, 5),
      family_support: r.int(1, 5),
      peer_relationships: r.int(1, 5),
      wellbeing: r.int(1, 5),
    };
    const low = Object.values(scores).filter((v) => v <= 2).length;
    add('PROGRAM_INTAKE', at, low >= 3 ? 'MODERATE_HIGH' : low >= 1 ? 'MODERATE' : 'LOW', null, scores, {
      flags: p.ref.reason_codes.includes('HOUSING_INSTABILITY')
        ? ['HOUSING_INSTABILITY']
        : p.ref.reason_codes.includes('EXPOSURE_TO_VIOLENCE')
          ? ['TRAUMA']
          : [],
    });
  }
  // Universal suicide screen; positive only on the cases chosen to carry a safety flag.
  const cssrs = p.suicide
    ? { wish_to_be_dead: 1, active_ideation: 1, method: 1, intent: 0, plan: 0, behavior_3_months: 0 }
    : { wish_to_be_dead: 0, active_ideation: 0, method: 0, intent: 0, plan: 0, behavior_3_months: 0 };
  add('CSSRS_SCREEN', at + 20 * MIN, p.suicide ? 'MODERATE_HIGH' : 'LOW', p.suicide ? 3 : 0, cssrs, {
    flags: p.suicide ? ['SUICIDE_RISK'] : [],
  });
  if (p.suicide || theme === 'WELLBEING' || r.chance(0.45)) {
    const total = p.suicide ? r.int(15, 19) : Math.floor(Math.pow(r.next(), 1.6) * 22);
    add(
      'PHQ_A',
      at + 35 * MIN,
      total >= 20 ? 'HIGH' : total >= 15 ? 'MODERATE_HIGH' : total >= 10 ? 'MODERATE' : 'LOW',
      total,
      {},
    );
  }
  if (r.chance(0.25)) {
    const total = Math.floor(Math.pow(r.next(), 1.5) * 19);
    add('GAD_7', at + 45 * MIN, total >= 15 ? 'HIGH' : total >= 10 ? 'MODERATE' : 'LOW', total, {});
  }
  if (theme === 'SUBSTANCE') {
    const partB = r.int(0, 5);
    add(
      'CRAFFT',
      at + 50 * MIN,
      partB >= 4 ? 'HIGH' : partB >= 2 ? 'MODERATE' : 'LOW',
      partB,
      { part_a_days_use: r.int(1, 30), part_b_score: partB },
      {
        flags: partB >= 2 ? ['SUBSTANCE_USE'] : [],
      },
    );
  }
  if (p.outcome === 'SUCCESSFUL' && p.requestAt) {
    const exit = p.requestAt - r.between(1, 6) * DAY;
    add(
      'PRE_POST_SURVEY',
      exit,
      'NA',
      null,
      { self_control: r.int(3, 5), school_connectedness: r.int(3, 5), hope: r.int(3, 5) },
      { timing: 'EXIT' },
    );
  }
}

/** WIC 652.5 constructive assignments: hours, restitution, letters; verified when done. */
export function accountability(
  p: CasePlan,
  c: WorkContext,
  out: Work,
  theme: string,
  base: Row,
  elapsed: number,
): void {
  const { r, now, users } = c;
  const items: [keyof typeof ACCOUNTABILITY_TEXT, number][] = [];
  if (r.chance(0.7)) items.push(['COMMUNITY_SERVICE_HOURS', 2 * r.int(4, 15)]);
  if (p.ref.restitution_estimate)
    items.push(['RESTITUTION_USD', Math.min(1500, Math.round(p.ref.restitution_estimate))]);
  if (p.ref.victim_involved || r.chance(0.35)) items.push(['APOLOGY_LETTER', 1]);
  if (theme === 'SUBSTANCE' && r.chance(0.7)) items.push(['DRUG_EDUCATION_HOURS', r.pick([4, 6, 8])]);
  if (theme === 'PROPERTY' && r.chance(0.25)) items.push(['REPAIR_PROPERTY', 4]);
  if (p.ref.victim_involved && r.chance(0.3)) items.push(['RESTORATIVE_AGREEMENT_ITEM', 1]);
  for (const [type, required] of items) {
    const done =
      p.outcome === 'SUCCESSFUL'
        ? required
        : p.closedAt
          ? Math.floor(required * r.between(0, 0.6))
          : Math.min(required, Math.round(required * Math.min(1, elapsed * r.between(0.6, 1.3))));
    const verified = done >= required && (p.outcome === 'SUCCESSFUL' || r.chance(0.6));
    const verifiedAt = verified ? Math.min((p.requestAt ?? now) - r.between(1, 10) * DAY, now - HOUR) : null;
    out.items.push({
      id: r.uuid(),
      ...base,
      created_at: iso(p.planAt!),
      type,
      description: ACCOUNTABILITY_TEXT[type],
      required_amount: required,
      completed_amount: done,
      due_at: localDate(p.opened + 80 * DAY),
      verified_by: verified ? (r.chance(0.7) ? p.counselor : users.supervisor) : null,
      verified_at: verifiedAt && iso(Math.max(verifiedAt, p.planAt!)),
      updated_at: iso(Math.max(verifiedAt ?? Math.min(p.closedAt ?? now - DAY, now - HOUR), p.planAt!)),
      version: done ? 2 : 1,
    });
  }
}

/** The 6- and 12-month follow-ups of a closed case; a new referral of the youth in the window fills one in. */
export function followUps(p: CasePlan, c: WorkContext, out: Work): void {
  const { r, now } = c;
  if (!p.closedAt) return;
  for (const window of ['M6', 'M12'] as const) {
    const due = followUpDueAt(new Date(p.closedAt), window).getTime();
    const linked = c
      .referralsOf(p.ref.youth_id)
      .find(
        (x) =>
          x.received > p.closedAt! &&
          x.received <= due &&
          x.received < now &&
          OFFENSE_PATHWAYS.has(x.pathway),
      );
    let status: 'PENDING' | 'DONE' | 'UNABLE' = 'PENDING';
    let completed: number | null = null;
    if (linked) {
      status = 'DONE';
      completed = linked.received;
    } else if (due < now - 30 * DAY) {
      status =
        p.reason === 'MOVED' || p.reason === 'UNABLE_TO_LOCATE'
          ? 'UNABLE'
          : r.chance(0.92)
            ? 'DONE'
            : 'PENDING';
    } else if (due < now) status = r.chance(0.5) ? 'DONE' : 'PENDING';
    if (status !== 'PENDING' && completed === null)
      completed = Math.min(due + r.between(-10, 14) * DAY, now - HOUR);
    const newContact: NewLeContact | null =
      status !== 'DONE'
        ? status === 'UNABLE'
          ? 'UNKNOWN'
          : null
        : linked
          ? 'COUNSEL_RELEASE'
          : r.weighted([
              ['NONE', p.outcome === 'UNSUCCESSFUL' ? 70 : 88],
              ['COUNSEL_RELEASE', 5],
              ['CITATION', p.outcome === 'UNSUCCESSFUL' ? 15 : 5],
              ['ARREST', 2],
              ['PROBATION_REFERRAL', 1],
            ] as const);
    out.followUps.push({
      id: r.uuid(),
      case_id: p.id,
      organization_id: p.ref.provider_org_id,
      created_by: c.users.supervisor,
      created_at: iso(p.closedAt),
      youth_id: p.ref.youth_id,
      window,
      due_at: iso(due),
      status,
      completed_at: completed && iso(completed),
      new_le_contact: newContact,
      attendance_rate: status === 'DONE' ? Math.round(r.between(68, 99) * 100) / 100 : null,
      suspensions:
        status === 'DONE'
          ? r.weighted([
              [0, 8],
              [1, 2],
              [2, 1],
            ] as const)
          : null,
      linked_referral_id: linked?.id ?? null,
      updated_at: iso(completed ?? p.closedAt),
      version: status === 'PENDING' ? 1 : 2,
    });
  }
}
