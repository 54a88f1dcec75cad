import {
  CASE_STATUSES,
  NOTE_KINDS,
  NOTICE_TYPES,
  OUTCOME_CLASSES,
  type CaseStatus,
  type ClosureReason,
  type ContactModality,
} from '@pathways/contracts';
import { attemptRuleMet, CASE_ACTIONS, outcomeClassOf } from '@pathways/domain';
import { seedDemoCases } from '../src/database/seed/seed-demo-cases';
import { demo, TestApp } from './support/test-app';

/**
 * The demo data the integration setup seeds into the template database: cases in every state and outcome, their
 * work, follow-ups and notices, consistent with the rules of DOMAIN.md, and live work for the demo accounts.
 */
describe('demo seed: cases and case work', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const q = <T = any>(sql: string, params: unknown[] = []) => t.db.query<T[]>(sql, params);
  const n = async (sql: string, params: unknown[] = []) => (await q<{ n: number }>(sql, params))[0].n;

  beforeAll(async () => {
    t = await TestApp.start();
    for (const name of ['sro', 'counselor', 'counselor2', 'supervisor'])
      ids[name] = (await q<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [demo(name)]))[0].id;
  });
  afterAll(() => t.close());

  it('has cases in every status, closed ones in every outcome class, across pathways', async () => {
    const rows = await q<{ status: CaseStatus; outcome_class: string | null; n: number }>(
      `SELECT status, outcome_class, count(*)::int AS n FROM cases GROUP BY 1, 2`,
    );
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(CASE_STATUSES));
    const outcomes = rows.filter((r) => r.status === 'CLOSED').map((r) => r.outcome_class);
    expect(new Set(outcomes)).toEqual(new Set(OUTCOME_CLASSES));
    const open = rows.filter((r) => r.status !== 'CLOSED');
    const active = open.find((r) => r.status === 'ACTIVE')!.n;
    expect(active).toBeGreaterThan(open.reduce((s, r) => s + r.n, 0) / 2);
    const pathways = await n(`SELECT count(DISTINCT pathway)::int AS n FROM cases`);
    expect(pathways).toBeGreaterThanOrEqual(4);
  });

  it('opens each case on an ENROLLED referral assigned to the case counselor, with a unique case number', async () => {
    const bad = await q(
      `SELECT c.case_number FROM cases c JOIN referrals r ON r.id = c.referral_id
        WHERE r.status <> 'ENROLLED' OR r.assigned_counselor_id IS DISTINCT FROM c.primary_counselor_id
           OR r.youth_id <> c.youth_id OR r.pathway <> c.pathway`,
    );
    expect(bad).toEqual([]);
    expect(await n(`SELECT count(*)::int AS n FROM referrals WHERE status = 'ENROLLED'`)).toBe(
      await n(`SELECT count(*)::int AS n FROM cases`),
    );
    const numbers = await q<{ case_number: string }>(`SELECT case_number FROM cases`);
    expect(new Set(numbers.map((r) => r.case_number)).size).toBe(numbers.length);
    expect(numbers.every((r) => /^C-\d{4}-\d{6}$/.test(r.case_number))).toBe(true);
    const noConsent = await q(
      `SELECT c.id FROM cases c WHERE NOT EXISTS (
         SELECT 1 FROM consents k WHERE k.case_id = c.id AND k.type = 'PROGRAM_PARTICIPATION' AND k.youth_assent
            AND (k.guardian_name IS NOT NULL OR k.minor_self_consent_basis IS NOT NULL) AND k.signed_at <= c.opened_at)`,
    );
    expect(noConsent).toEqual([]);
  });

  it('closes cases completely: closed_at, outcome from the reason, a counselor asked and the supervisor approved', async () => {
    const closed = await q<{
      closed_at: Date | null;
      outcome_class: string | null;
      closure_reason: ClosureReason | null;
      closure_requested_by: string;
      closure_approved_by: string;
      closure_requested_at: Date;
      primary_counselor_id: string;
    }>(`SELECT * FROM cases WHERE status = 'CLOSED'`);
    expect(closed.length).toBeGreaterThan(0);
    for (const c of closed) {
      expect(c.closed_at).not.toBeNull();
      expect(c.closure_reason).not.toBeNull();
      expect(c.outcome_class).toBe(outcomeClassOf(c.closure_reason!));
      expect(c.closure_requested_by).toBe(c.primary_counselor_id);
      expect(c.closure_approved_by).toBe(ids.supervisor);
      expect(c.closure_requested_at.getTime()).toBeLessThan(c.closed_at!.getTime());
    }
    const review = await q(
      `SELECT * FROM cases WHERE status = 'CLOSURE_REVIEW' AND closure_requested_by = $1 AND closure_approved_by IS NULL`,
      [ids.counselor],
    );
    expect(review.length).toBeGreaterThan(0);
  });

  it('records every status change as a case event chain that ends in the current status', async () => {
    const events = await q<{
      case_id: string;
      status: CaseStatus;
      status_from: string | null;
      status_to: string;
      action: string;
    }>(
      `SELECT e.case_id, c.status, e.status_from, e.status_to, e.action FROM case_events e JOIN cases c ON c.id = e.case_id
        ORDER BY e.case_id, e.at, e.id`,
    );
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    expect(byCase.size).toBe(await n(`SELECT count(*)::int AS n FROM cases`));
    const actions = new Set<string>([...CASE_ACTIONS, 'open', 'update']);
    for (const chain of byCase.values()) {
      expect(chain[0]).toMatchObject({ action: 'open', status_from: null, status_to: 'INTAKE' });
      for (let i = 1; i < chain.length; i++) expect(chain[i].status_from).toBe(chain[i - 1].status_to);
      expect(chain[chain.length - 1].status_to).toBe(chain[0].status);
      expect(chain.every((e) => actions.has(e.action))).toBe(true);
    }
  });

  it('starts the service program of every ACTIVE case, almost always within 20 days of the referral', async () => {
    const missing = await n(
      `SELECT count(*)::int AS n FROM cases WHERE status = 'ACTIVE' AND service_program_initiated_at IS NULL`,
    );
    expect(missing).toBe(0);
    const [row] = await q<{ started: number; late: number }>(
      `SELECT count(*)::int AS started,
              count(*) FILTER (WHERE c.service_program_initiated_at > r.received_at + interval '20 days')::int AS late
         FROM cases c JOIN referrals r ON r.id = c.referral_id WHERE c.service_program_initiated_at IS NOT NULL`,
    );
    expect(row.late).toBeGreaterThan(0);
    expect(row.late / row.started).toBeLessThan(0.05);
    // The first ACTIVE service is the one that started the program.
    const mismatched = await q(
      `SELECT c.id FROM cases c WHERE c.service_program_initiated_at IS DISTINCT FROM
         (SELECT min(s.started_at) FROM service_enrollments s WHERE s.case_id = c.id AND s.started_at IS NOT NULL)`,
    );
    expect(mismatched).toEqual([]);
  });

  it('writes notes of every kind; psychotherapy notes only by counselor@ on their own cases; amendments point back', async () => {
    const kinds = await q<{ kind: string }>(`SELECT DISTINCT kind FROM notes`);
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(NOTE_KINDS));
    const authors = await q<{ author_id: string; primary_counselor_id: string }>(
      `SELECT DISTINCT n.author_id, c.primary_counselor_id FROM notes n JOIN cases c ON c.id = n.case_id
        WHERE n.kind = 'PSYCHOTHERAPY'`,
    );
    expect(authors).toEqual([{ author_id: ids.counselor, primary_counselor_id: ids.counselor }]);
    const amendments = await q<{ ok: boolean }>(
      `SELECT (a.case_id = o.case_id AND a.kind = o.kind AND a.created_at > o.created_at) AS ok
         FROM notes a JOIN notes o ON o.id = a.amends_id`,
    );
    expect(amendments.length).toBeGreaterThan(0);
    expect(amendments.every((a) => a.ok)).toBe(true);
  });

  it('creates both follow-ups of every closed case: done, overdue and due soon', async () => {
    expect(await n(`SELECT count(*)::int AS n FROM follow_ups`)).toBe(
      2 * (await n(`SELECT count(*)::int AS n FROM cases WHERE status = 'CLOSED'`)),
    );
    const [row] = await q<{ done: number; overdue: number; soon: number; done_bad: number }>(
      `SELECT count(*) FILTER (WHERE status = 'DONE')::int AS done,
              count(*) FILTER (WHERE status = 'PENDING' AND due_at < now())::int AS overdue,
              count(*) FILTER (WHERE status = 'PENDING' AND due_at BETWEEN now() AND now() + interval '30 days')::int AS soon,
              count(*) FILTER (WHERE status = 'DONE' AND (completed_at IS NULL OR new_le_contact IS NULL))::int AS done_bad
         FROM follow_ups`,
    );
    expect(row).toMatchObject({ done_bad: 0 });
    expect(row.done).toBeGreaterThan(0);
    expect(row.overdue).toBeGreaterThan(0);
    expect(row.soon).toBeGreaterThan(0);
  });

  it('issues notices of every type, and seals successful police diversions (one of them referred by sro@)', async () => {
    const types = await q<{ type: string }>(`SELECT DISTINCT type FROM notices`);
    expect(new Set(types.map((r) => r.type))).toEqual(new Set(NOTICE_TYPES));
    const outcomes = await q<{ outcome: string }>(
      `SELECT DISTINCT facts ->> 'outcome' AS outcome FROM notices WHERE type = 'UNSUCCESSFUL_RETURN'`,
    );
    expect(new Set(outcomes.map((o) => o.outcome))).toEqual(
      new Set(['DECLINED', 'UNABLE_TO_CONTACT', 'CASE_UNSUCCESSFUL']),
    );
    const sealed = await q<{ referring_user_id: string; ok: boolean }>(
      `SELECT r.referring_user_id,
              (r.sealed_at = c.closed_at AND r.completed_at = c.closed_at AND c.completion_notice_sent_at = c.closed_at
               AND c.outcome_class = 'SUCCESSFUL' AND c.pathway = 'LE_DIVERSION_626B'
               AND EXISTS (SELECT 1 FROM notices n WHERE n.referral_id = r.id AND n.type = 'COMPLETION_827_95')
               AND EXISTS (SELECT 1 FROM referral_events e WHERE e.referral_id = r.id AND e.action = 'seal')) AS ok
         FROM referrals r JOIN cases c ON c.referral_id = r.id WHERE r.sealed_at IS NOT NULL`,
    );
    expect(sealed.length).toBeGreaterThanOrEqual(3);
    expect(sealed.every((s) => s.ok)).toBe(true);
    expect(sealed.some((s) => s.referring_user_id === ids.sro)).toBe(true);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM cases WHERE status = 'CLOSED' AND outcome_class = 'SUCCESSFUL'
            AND pathway = 'LE_DIVERSION_626B' AND completion_notice_sent_at IS NULL`,
      ),
    ).toBe(0);
    const returns = await q<{ acknowledged: boolean }>(
      `SELECT r.return_acknowledged_at IS NOT NULL AS acknowledged FROM cases c JOIN referrals r ON r.id = c.referral_id
        WHERE c.outcome_class = 'UNSUCCESSFUL' AND c.pathway = 'LE_DIVERSION_626B' AND r.returned_to_referrer_at = c.closed_at`,
    );
    expect(returns.some((r) => r.acknowledged)).toBe(true);
    expect(returns.some((r) => !r.acknowledged)).toBe(true);
    const retention = await n(
      `SELECT count(*)::int AS n FROM notices WHERE retain_until < sent_at + interval '30 days' OR sent_at > now()`,
    );
    expect(retention).toBe(0);
  });

  it('meets the attempt rule on every UNABLE_TO_CONTACT referral, and reached the family before consent', async () => {
    const attempts = await q<{ id: string; occurred_at: Date; modality: ContactModality }>(
      `SELECT r.id, k.occurred_at, k.modality FROM referrals r
         LEFT JOIN contacts k ON k.referral_id = r.id AND k.contact_type = 'OUTREACH_ATTEMPT'
        WHERE r.status = 'UNABLE_TO_CONTACT'`,
    );
    const byReferral = new Map<string, { occurredAt: Date; modality: ContactModality }[]>();
    for (const a of attempts)
      byReferral.set(a.id, [
        ...(byReferral.get(a.id) ?? []),
        ...(a.occurred_at ? [{ occurredAt: a.occurred_at, modality: a.modality }] : []),
      ]);
    expect(byReferral.size).toBeGreaterThan(0);
    for (const [id, list] of byReferral) expect({ id, met: attemptRuleMet(list) }).toEqual({ id, met: true });
    const unreached = await n(
      `SELECT count(*)::int AS n FROM referrals r WHERE r.status IN ('CONSENT_PENDING', 'ENROLLED', 'DECLINED')
          AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.referral_id = r.id AND k.result = 'COMPLETED')`,
    );
    expect(unreached).toBe(0);
    const unassigned = await n(
      `SELECT count(*)::int AS n FROM referrals WHERE status IN ('OUTREACH', 'CONSENT_PENDING', 'ENROLLED', 'DECLINED',
         'UNABLE_TO_CONTACT') AND (assigned_counselor_id IS NULL OR assigned_at IS NULL)`,
    );
    expect(unassigned).toBe(0);
  });

  it('gives counselor@ and supervisor@ work due today', async () => {
    const me = ids.counselor;
    // First contact due: assigned recently, no contact yet.
    expect(
      await n(
        `SELECT count(*)::int AS n FROM referrals r WHERE r.status = 'OUTREACH' AND r.assigned_counselor_id = $1
            AND r.assigned_at > now() - interval '3 days' AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.referral_id = r.id)`,
        [me],
      ),
    ).toBeGreaterThanOrEqual(2);
    // An open case without a completed contact for over 30 days; open cases near their target end.
    expect(
      await n(
        `SELECT count(*)::int AS n FROM cases c WHERE c.primary_counselor_id = $1 AND c.status = 'ACTIVE'
            AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.case_id = c.id AND k.result = 'COMPLETED'
                              AND k.occurred_at > now() - interval '30 days')`,
        [me],
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM cases WHERE primary_counselor_id = $1 AND status = 'ACTIVE'
            AND target_end_at BETWEEN now() AND now() + interval '14 days'`,
        [me],
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM follow_ups f JOIN cases c ON c.id = f.case_id
          WHERE c.primary_counselor_id = $1 AND f.status = 'PENDING' AND f.due_at < now() + interval '14 days'`,
        [me],
      ),
    ).toBeGreaterThanOrEqual(1);
    // A suicide-risk flag on an open case (SAFETY task) of counselor@.
    expect(
      await n(
        `SELECT count(*)::int AS n FROM assessments a JOIN cases c ON c.id = a.case_id
          WHERE 'SUICIDE_RISK' = ANY(a.flags) AND c.status <> 'CLOSED' AND c.primary_counselor_id = $1`,
        [me],
      ),
    ).toBeGreaterThanOrEqual(1);
    // The supervisor's queue: unassigned SUBMITTED and TRIAGE referrals, an override to approve.
    const queue = await q<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM referrals WHERE status IN ('SUBMITTED', 'TRIAGE')
          AND assigned_counselor_id IS NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(queue.map((r) => r.status)).toEqual(['SUBMITTED', 'TRIAGE']);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM assessments a JOIN cases c ON c.id = a.case_id
          WHERE a.override_level IS NOT NULL AND a.override_approved_by IS NULL AND c.status <> 'CLOSED'`,
      ),
    ).toBe(1);
  });

  it('puts nothing in the future and is not seeded twice', async () => {
    const future = await n(
      `SELECT ((SELECT count(*) FROM cases WHERE greatest(opened_at, intake_completed_at, service_program_initiated_at,
                 closure_requested_at, closed_at) > now())
            + (SELECT count(*) FROM case_events WHERE at > now())
            + (SELECT count(*) FROM contacts WHERE occurred_at > now())
            + (SELECT count(*) FROM notes WHERE created_at > now())
            + (SELECT count(*) FROM assessments WHERE administered_at > now())
            + (SELECT count(*) FROM service_enrollments WHERE greatest(referred_at, started_at, ended_at) > now())
            + (SELECT count(*) FROM follow_ups WHERE completed_at > now()))::int AS n`,
    );
    expect(future).toBe(0);
    const before = await n(`SELECT count(*)::int AS n FROM contacts`);
    await seedDemoCases(t.db);
    expect(await n(`SELECT count(*)::int AS n FROM contacts`)).toBe(before);
  });
});
