import type { NoticeType } from '@pathways/contracts';
import { noticeRetainUntil } from '@pathways/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_DOMAIN } from './seed-demo';
import {
  caseRows,
  chooseFates,
  planTimeline,
  type CasePlan,
  type SeedReferral,
  type Users,
} from './seed-demo-case-plan';
import {
  ASSESSMENT_COLUMNS,
  CASE_COLUMNS,
  CASE_EVENT_COLUMNS,
  CONSENT_COLUMNS,
  CONTACT_COLUMNS,
  FOLLOW_UP_COLUMNS,
  GOAL_COLUMNS,
  ITEM_COLUMNS,
  NOTE_COLUMNS,
  NOTICE_COLUMNS,
  REFERRAL_EVENT_COLUMNS,
  REFERRAL_UPDATE,
  SERVICE_COLUMNS,
} from './seed-demo-case-columns';
import { caseWork, outreach, type Work } from './seed-demo-case-work';
import {
  DAY,
  HOUR,
  insertJson,
  iso,
  localDate,
  prng,
  type Row,
  updateJson,
  workingHours,
} from './seed-demo-util';

/**
 * The provider side of the demo, on top of the referrals seed (relative to now): outreach on every assigned
 * referral (the UNABLE_TO_CONTACT ones meet the attempt rule), a case for every ENROLLED referral in every state
 * (most older ones closed with each outcome, sealed when a police diversion succeeded), the case work, follow-ups
 * and the notices to the police. counselor@ and supervisor@ find work due today. Deterministic (seeded PRNG),
 * set-based inserts in one transaction; skipped when cases already exist. Every person in here is invented.
 */
export async function seedDemoCases(ds: DataSource, now: Date = new Date()): Promise<void> {
  await ds.transaction(async (m) => {
    const existing: unknown[] = await m.query('SELECT 1 FROM cases LIMIT 1');
    if (existing.length) return;
    const ctx = await loadContext(m);
    if (!ctx) return;
    const data = generate(ctx, now.getTime());
    const numbers: { n: string }[] = await m.query(
      `SELECT nextval('case_number_seq') AS n FROM generate_series(1, $1)`,
      [data.cases.length],
    );
    data.cases.forEach((c, i) => {
      const year = localDate(Date.parse(c.opened_at as string)).slice(0, 4);
      c.case_number = `C-${year}-${String(numbers[i]?.n).padStart(6, '0')}`;
    });
    await updateJson(m, 'referrals', REFERRAL_UPDATE, data.referralUpdates);
    // Reassigned referrals: the counselor's own steps (reached the family, enrolled, ...) are theirs.
    await m.query(
      `UPDATE referral_events e SET actor_id = x.counselor
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, counselor uuid)
        WHERE e.referral_id = x.id AND e.action IN ('contact-completed', 'enroll', 'decline', 'unable-to-contact')`,
      [JSON.stringify(data.reassigned)],
    );
    await insertJson(m, 'referral_events', REFERRAL_EVENT_COLUMNS, data.referralEvents);
    await insertJson(m, 'cases', CASE_COLUMNS, data.cases);
    // Each case carries its referral's 20-day instant (set at enrollment by the app).
    await m.query(
      `UPDATE cases c SET due_service_start_at = r.due_service_start_at FROM referrals r
        WHERE r.id = c.referral_id AND c.due_service_start_at IS NULL`,
    );
    await insertJson(m, 'case_events', CASE_EVENT_COLUMNS, data.events);
    await insertJson(m, 'contacts', CONTACT_COLUMNS, data.work.contacts);
    await insertJson(m, 'consents', CONSENT_COLUMNS, data.work.consents);
    await insertJson(m, 'assessments', ASSESSMENT_COLUMNS, data.work.assessments);
    await insertJson(m, 'goals', GOAL_COLUMNS, data.work.goals);
    await insertJson(m, 'accountability_items', ITEM_COLUMNS, data.work.items);
    await insertJson(m, 'service_enrollments', SERVICE_COLUMNS, data.work.services);
    await insertJson(m, 'notes', NOTE_COLUMNS, data.work.notes);
    await insertJson(m, 'follow_ups', FOLLOW_UP_COLUMNS, data.work.followUps);
    await insertJson(m, 'notices', NOTICE_COLUMNS, data.notices);
  });
}

interface Context {
  users: Users;
  referrals: SeedReferral[];
}

async function loadContext(m: EntityManager): Promise<Context | null> {
  const users: { email: string; id: string }[] = await m.query(
    `SELECT email::text AS email, id FROM users WHERE email LIKE $1`,
    [`%@${DEMO_DOMAIN}`],
  );
  const id = (name: string) => users.find((u) => u.email === `${name}@${DEMO_DOMAIN}`)?.id;
  const [sro, sro2, counselor, counselor2, supervisor] = [
    'sro',
    'sro2',
    'counselor',
    'counselor2',
    'supervisor',
  ].map(id);
  if (!sro || !sro2 || !counselor || !counselor2 || !supervisor) return null;
  const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;
  const referrals: SeedReferral[] = await m.query(
    `SELECT r.id, r.reference_number, r.status, r.pathway, r.youth_id, r.referring_user_id, r.referring_org_id,
            r.provider_org_id, ${ms('r.received_at')} AS received, r.assigned_counselor_id,
            ${ms('r.assigned_at')} AS assigned, r.reason_codes, r.victim_involved,
            ARRAY(SELECT jsonb_array_elements_text(r.eligibility -> 'failures')) AS failures,
            r.restitution_estimate::float8 AS restitution_estimate, ${ms('r.returned_to_referrer_at')} AS returned,
            ${ms('r.updated_at')} AS updated, y.date_of_birth::text AS date_of_birth,
            y.primary_language AS youth_language, g.id AS guardian_id, g.name AS guardian_name,
            g.relationship AS guardian_relationship, g.preferred_language AS guardian_language,
            g.interpreter_needed, e.triaged, e.consented, e.enrolled, e.last_event
       FROM referrals r
       JOIN youth y ON y.id = r.youth_id
       LEFT JOIN LATERAL (SELECT * FROM guardians g WHERE g.referral_id = r.id ORDER BY g.created_at, g.id LIMIT 1) g
         ON true
       CROSS JOIN LATERAL (
         SELECT ${ms(`min(at) FILTER (WHERE status_to = 'TRIAGE')`)} AS triaged,
                ${ms(`min(at) FILTER (WHERE status_to = 'OUTREACH')`)} AS outreached,
                ${ms(`min(at) FILTER (WHERE status_to = 'CONSENT_PENDING')`)} AS consented,
                ${ms(`min(at) FILTER (WHERE status_to = 'ENROLLED')`)} AS enrolled,
                ${ms('max(at)')} AS last_event
           FROM referral_events WHERE referral_id = r.id) e
      WHERE r.status <> 'DRAFT' AND r.provider_org_id = (SELECT organization_id FROM users WHERE id = $1)
      ORDER BY r.received_at, r.id`,
    [counselor],
  );
  if (!referrals.length) return null;
  return { users: { sro, sro2, counselor, counselor2, supervisor }, referrals };
}

const AFTER_OUTREACH = new Set(['OUTREACH', 'CONSENT_PENDING', 'ENROLLED', 'DECLINED', 'UNABLE_TO_CONTACT']);

function generate(ctx: Context, now: number) {
  const r = prng(20_260_301);
  const wh = workingHours(r);
  const { users } = ctx;
  const cap = now - HOUR;
  const byYouth = new Map<string, SeedReferral[]>();
  for (const x of ctx.referrals) byYouth.set(x.youth_id, [...(byYouth.get(x.youth_id) ?? []), x]);

  // Counselors: the referrals seed's assignment, every referral at OUTREACH or later has one.
  const counselorOf = new Map<string, string>();
  for (const x of ctx.referrals)
    if (AFTER_OUTREACH.has(x.status))
      counselorOf.set(x.id, x.assigned_counselor_id ?? (r.chance(0.55) ? users.counselor : users.counselor2));

  const fates = chooseFates(ctx, r, now, counselorOf);
  const plans: CasePlan[] = [];
  for (const x of ctx.referrals) {
    const fate = fates.get(x.id);
    if (!fate) continue;
    const plan = planTimeline(r.uuid(), x, counselorOf.get(x.id) ?? users.counselor, fate, r, wh, now);
    plans.push(plan);
  }
  plans.sort((a, b) => a.opened - b.opened);
  // counselor@ keeps psychotherapy notes on some cases; a few notes are amended.
  plans.forEach((p, i) => {
    p.psychotherapy = p.counselor === users.counselor && p.serviceAt !== null && (i % 20 === 0 || p.suicide);
    p.amend = i % 23 === 4;
  });

  const work: Work = {
    contacts: [],
    consents: [],
    assessments: [],
    goals: [],
    items: [],
    services: [],
    notes: [],
    followUps: [],
  };
  const cases: Row[] = [];
  const events: Row[] = [];
  const wc = { users, r, wh, now, referralsOf: (y: string) => byYouth.get(y) ?? [] };
  for (const p of plans) {
    const { row, events: ev } = caseRows(p, '', users, r);
    cases.push(row);
    events.push(...ev);
    caseWork(p, wc, work);
  }
  const attempts = new Map<string, number>();
  for (const x of ctx.referrals)
    if (AFTER_OUTREACH.has(x.status))
      attempts.set(x.id, outreach(x, counselorOf.get(x.id)!, r, wh, now, users, work));

  // Notices and what they change on the referral, with the facts the services write (codes and dates only).
  const notices: Row[] = [];
  const referralEvents: Row[] = [];
  const referralEvent = (x: SeedReferral, at: number, actor: string, action: string, org: string) =>
    referralEvents.push({
      id: r.uuid(),
      referral_id: x.id,
      at: iso(at),
      actor_id: actor,
      status_from: x.status,
      status_to: x.status,
      action,
      organization_id: org,
    });
  const updates = new Map<string, Row>();
  const update = (x: SeedReferral, at: number, values: Row) => {
    const row = updates.get(x.id) ?? {
      id: x.id,
      assigned_counselor_id: counselorOf.get(x.id) ?? x.assigned_counselor_id,
      assigned_at: x.assigned && iso(x.assigned),
      returned_to_referrer_at: x.returned && iso(x.returned),
      return_acknowledged_at: null,
      sealed_at: null,
      completed_at: null,
      updated_at: iso(x.updated),
    };
    Object.assign(row, values);
    if (at > Date.parse(row.updated_at as string)) row.updated_at = iso(at);
    updates.set(x.id, row);
  };
  const notice = (
    type: NoticeType,
    x: SeedReferral,
    at: number,
    by: string | null,
    facts: Row,
    caseId: string | null = null,
  ) => {
    const sent = Math.min(at, cap);
    notices.push({
      id: r.uuid(),
      type,
      referral_id: x.id,
      case_id: caseId,
      to_org_id: x.referring_org_id,
      to_user_id: x.referring_user_id,
      sent_at: iso(sent),
      retain_until: noticeRetainUntil(new Date(sent)).toISOString(),
      facts,
      organization_id: x.provider_org_id,
      created_by: by,
      created_at: iso(sent),
    });
  };
  // A decision returned to the officer, who has read most of the older ones (DECISION_RETURNED task otherwise).
  const returnTo = (x: SeedReferral, returned: number, unread = false) => {
    const read =
      unread || now - returned < 4 * DAY || !r.chance(0.88)
        ? null
        : Math.min(returned + r.between(0.1, 4) * DAY, cap);
    update(x, returned, {
      returned_to_referrer_at: iso(returned),
      return_acknowledged_at: read && iso(read),
    });
    if (read) referralEvent(x, read, x.referring_user_id, 'acknowledge-return', x.referring_org_id);
  };
  const returnFacts = (x: SeedReferral, decided: number): Row => ({
    informational: x.pathway === 'LE_DIVERSION_626B' ? 'false' : 'true',
    pathway: x.pathway,
    receivedAt: iso(x.received),
    decidedAt: iso(decided),
  });

  const planOf = new Map(plans.map((p) => [p.ref.id, p]));
  for (const x of ctx.referrals) {
    if (counselorOf.has(x.id) && counselorOf.get(x.id) !== x.assigned_counselor_id) update(x, x.updated, {});
    // Every referral at outreach or later records when its counselor was assigned (older demo databases lack it).
    if (counselorOf.has(x.id) && !x.assigned)
      update(x, x.updated, { assigned_at: iso(x.outreached ?? x.triaged ?? x.received) });
    if (x.triaged)
      notice('REFERRAL_ACK', x, x.triaged, users.supervisor, {
        receivedAt: iso(x.received),
        acknowledgedAt: iso(x.triaged),
        dueServiceStartAt: iso(x.received + 20 * DAY),
      });
    const returned = x.returned ?? x.last_event;
    if (x.status === 'INELIGIBLE') {
      notice('INELIGIBLE_RETURN', x, returned, users.supervisor, {
        ...returnFacts(x, returned),
        failures: x.failures.join(','),
      });
      returnTo(x, returned);
    } else if (x.status === 'DECLINED' || x.status === 'UNABLE_TO_CONTACT') {
      notice('UNSUCCESSFUL_RETURN', x, returned, counselorOf.get(x.id) ?? null, {
        ...returnFacts(x, returned),
        outcome: x.status,
        ...(x.status === 'UNABLE_TO_CONTACT' ? { attempts: String(attempts.get(x.id) ?? 0) } : {}),
      });
      returnTo(x, returned);
    }
    // WIC 652.5: no service program within 20 days of the referral: the scheduler writes to the officer.
    const p = planOf.get(x.id);
    const stop = p
      ? (p.serviceAt ?? p.closedAt ?? now)
      : ['SUBMITTED', 'NEEDS_INFO', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING'].includes(x.status)
        ? now
        : x.last_event;
    const due = x.received + 20 * DAY;
    if (stop > due && due + HOUR < now)
      notice('NO_PROGRAM_20_DAY', x, due + r.int(5, 55) * 60_000, null, {
        receivedAt: iso(x.received),
        dueServiceStartAt: iso(due),
      });
  }
  const unsuccessful = plans.filter(
    (p) => p.outcome === 'UNSUCCESSFUL' && p.ref.pathway === 'LE_DIVERSION_626B',
  );
  const newest = unsuccessful.reduce<CasePlan | null>(
    (a, p) => (!a || p.closedAt! > a.closedAt! ? p : a),
    null,
  );
  for (const p of plans) {
    const x = p.ref;
    notice(
      'ENROLLED',
      x,
      p.opened,
      p.counselor,
      { receivedAt: iso(x.received), enrolledAt: iso(p.opened) },
      p.id,
    );
    if (!p.closedAt) continue;
    const closedAt = iso(p.closedAt);
    if (p.outcome === 'SUCCESSFUL' && x.pathway === 'LE_DIVERSION_626B') {
      // WIC 827.95: completion reported to the agency; the police-side record is sealed at the notice.
      const facts = { completedAt: localDate(p.closedAt), closureReason: p.reason };
      notice('COMPLETION_827_95', x, p.closedAt, users.supervisor, facts, p.id);
      const row = cases.find((c) => c.id === p.id)!;
      row.completion_notice_sent_at = closedAt;
      update(x, p.closedAt, { sealed_at: closedAt, completed_at: closedAt });
      referralEvent(x, p.closedAt, users.supervisor, 'seal', x.provider_org_id);
    } else if (p.outcome === 'SUCCESSFUL') update(x, p.closedAt, { completed_at: closedAt });
    else if (p.outcome === 'UNSUCCESSFUL' && x.pathway === 'LE_DIVERSION_626B') {
      notice(
        'UNSUCCESSFUL_RETURN',
        x,
        p.closedAt,
        users.supervisor,
        { outcome: 'CASE_UNSUCCESSFUL', closedAt: localDate(p.closedAt) },
        p.id,
      );
      returnTo(x, p.closedAt, p === newest);
    }
  }
  const assignedBefore = new Map(ctx.referrals.map((x) => [x.id, x.assigned_counselor_id]));
  const reassigned = [...counselorOf]
    .filter(([id, counselor]) => assignedBefore.get(id) !== counselor)
    .map(([id, counselor]) => ({ id, counselor }));
  return { cases, events, work, notices, referralEvents, reassigned, referralUpdates: [...updates.values()] };
}
