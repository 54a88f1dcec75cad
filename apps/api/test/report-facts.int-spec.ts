import { ReportFactsService, type RefreshResult } from '../src/reports/report-facts.service';
import { assessmentBody, closeCase, contactBody } from './support/case-workspace-fixtures';
import {
  at,
  enrolled,
  flow,
  ok,
  post,
  submitted,
  withFailingInsert,
  type Flow,
} from './support/referral-flow';
import { type Loose, TestApp } from './support/test-app';

/**
 * The outcome reports count from facts and rollups that the refresher keeps in step with the source tables (migration
 * ReportFacts). What must hold: after any write and at any instant, refreshing incrementally gives exactly what a
 * rebuild from scratch gives; every source table queues the youth a write touches; a failed refresh changes nothing.
 */
const DERIVED: { table: string; order: string; nonZero?: string }[] = [
  { table: 'report_referral_facts', order: 'referral_id' },
  { table: 'report_case_facts', order: 'case_id' },
  { table: 'report_service_months', order: 'case_id, service_type, month' },
  { table: 'report_referral_days', order: 'day, referring_org_id, provider_org_id, dim, key', nonZero: 'n' },
  { table: 'report_closure_days', order: 'day, referring_org_id, provider_org_id, dim, key', nonZero: 'n' },
  {
    table: 'report_referral_school_months',
    order: 'month, referring_org_id, provider_org_id, school_id, level, pathway, dim, key',
    nonZero: 'n',
  },
  {
    table: 'report_closure_school_months',
    order: 'month, referring_org_id, provider_org_id, school_id, level, pathway, dim, key',
    nonZero: 'n',
  },
  {
    table: 'report_service_month_totals',
    order: 'month, referring_org_id, provider_org_id, service_type, prev_month',
    nonZero: 'pairs',
  },
  {
    table: 'report_service_case_months',
    order: 'month, referring_org_id, provider_org_id, prev_case_month',
    nonZero: 'cases',
  },
];

const DAY = 86_400_000;
/** Each step is compared with a full rebuild: slower than one request, far from the suite's 30 s per test. */
const LONG = 240_000;

describe('report facts: kept in step with every write', () => {
  let t: TestApp;
  let f: Flow;
  let facts: ReportFactsService;
  let first: RefreshResult;

  /** Every derived row, in key order (rollup rows whose counts came to zero left out: a rebuild has none). */
  const snapshot = async (): Promise<Record<string, Loose[]>> => {
    const out: Record<string, Loose[]> = {};
    for (const d of DERIVED)
      out[d.table] = await t.db.query(
        `SELECT * FROM ${d.table} ${d.nonZero ? `WHERE ${d.nonZero} <> 0` : ''} ORDER BY ${d.order}`,
      );
    return out;
  };
  /** The derived rows as a rebuild from the source tables makes them at `now`. */
  const rebuilt = async (now: Date) => {
    await t.db.query(`UPDATE report_refresh_state SET rebuild_needed = true`);
    const r = await facts.refresh(now);
    expect(r.rebuilt).toBe(true);
    return snapshot();
  };
  /** Refreshes incrementally, then checks the result against a rebuild at the same instant. */
  const inStep = async (what: string) => {
    const now = t.clock.now();
    const r = await facts.refresh(now);
    expect({ what, rebuilt: r.rebuilt }).toEqual({ what, rebuilt: false });
    const incremental = await snapshot();
    const full = await rebuilt(now);
    // Row counts first (a short message), then every row.
    const counts = (x: Record<string, Loose[]>) =>
      Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v.length]));
    expect({ what, counts: counts(incremental) }).toEqual({ what, counts: counts(full) });
    for (const d of DERIVED)
      expect({ what, table: d.table, rows: incremental[d.table] }).toEqual({
        what,
        table: d.table,
        rows: full[d.table],
      });
    return r;
  };
  /** Moves the clock on and signs everyone in again (sessions end after 30 idle minutes). */
  const later = (ms: number) => at(f, new Date(t.clock.now().getTime() + ms).toISOString());
  const queued = async (): Promise<string[]> =>
    (await t.db.query(`SELECT DISTINCT youth_id FROM report_dirty ORDER BY youth_id`)).map(
      (r: Loose) => r.youth_id,
    );

  beforeAll(async () => {
    t = await TestApp.start();
    facts = t.app.get(ReportFactsService);
    f = await flow(t);
    first = await facts.refresh();
  });
  afterAll(() => t.close());

  it(
    'builds every fact on the first refresh after the migration, from the seeded data',
    async () => {
      expect(first.rebuilt).toBe(true);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM referrals WHERE received_at IS NOT NULL AND status <> 'DUPLICATE'`,
      );
      const [{ m }] = await t.db.query(`SELECT count(*)::int AS m FROM report_referral_facts`);
      expect(n).toBeGreaterThan(0);
      expect(m).toBe(n);
      const [{ cases }] = await t.db.query(`SELECT count(*)::int AS cases FROM cases`);
      const [{ caseFacts }] = await t.db.query(`SELECT count(*)::int AS "caseFacts" FROM report_case_facts`);
      expect(caseFacts).toBe(cases);
      expect(await queued()).toEqual([]);
    },
    LONG,
  );

  it(
    'equals a rebuild after each step of a referral and its case: intake, enrollment, work, sessions, closure, a new referral',
    async () => {
      const r = await submitted(f);
      await inStep('submitted');
      const acked = await post(f, r.id, 'acknowledge', f.as.supervisor, { version: r.version });
      await inStep('acknowledged');
      await post(f, r.id, 'assign', f.as.supervisor, {
        version: acked.version,
        counselorId: f.as.counselor.user.id,
      });
      await inStep('assigned');

      const { caseId } = await enrolled(f);
      await inStep('enrolled');
      await later(2 * DAY);
      ok(
        await t.call('POST', `/api/cases/${caseId}/assessments`, {
          as: f.as.counselor,
          body: assessmentBody(t),
        }),
        201,
        'assessment',
      );
      ok(
        await t.call('POST', `/api/cases/${caseId}/goals`, {
          as: f.as.counselor,
          body: {
            domain: 'SCHOOL_ATTENDANCE_ENGAGEMENT',
            description: 'Attend every class',
            dueAt: '2027-01-15',
          },
        }),
        201,
        'goal',
      );
      const service = ok(
        await t.call('POST', `/api/cases/${caseId}/services`, {
          as: f.as.counselor,
          body: {
            serviceType: 'INDIVIDUAL_COUNSELING',
            status: 'ACTIVE',
            startedAt: t.clock.now().toISOString(),
          },
        }),
        201,
        'service',
      );
      await inStep('assessed, planned, service started');
      for (const days of [0, 7, 40]) {
        await later(days * DAY);
        ok(
          await t.call('POST', `/api/cases/${caseId}/contacts`, {
            as: f.as.counselor,
            body: contactBody(t, { serviceEnrollmentId: service.id }),
          }),
          201,
          'session',
        );
        await inStep(`session after ${days} more days`);
      }
      await closeCase(t, caseId, f.as.counselor, f.as.supervisor);
      await inStep('closed');

      // The same youth referred again: a new law-enforcement contact within the closed case's recidivism windows.
      // (Inserted directly: the closed LE_DIVERSION_626B case sealed the youth's record from the officer.)
      await later(DAY);
      await t.db.query(
        `INSERT INTO referrals (reference_number, youth_id, referring_org_id, referring_user_id, provider_org_id,
                              school_id, pathway, reason_codes, priority, status, received_at, due_service_start_at,
                              organization_id, created_by)
       SELECT 'FACTS-AGAIN-1', youth_id, referring_org_id, referring_user_id, provider_org_id, school_id, pathway,
              reason_codes, priority, 'SUBMITTED', $2, $2::timestamptz + interval '20 days', organization_id, created_by
         FROM referrals WHERE id = (SELECT referral_id FROM cases WHERE id = $1)`,
        [caseId, t.clock.now()],
      );
      await inStep('referred again');
    },
    LONG,
  );

  it(
    'equals a rebuild as time passes (clocks fall due, recidivism windows elapse) and when the clock is moved back',
    async () => {
      const start = t.clock.now().getTime();
      for (const days of [1, 3, 15, 40, 200, 400]) {
        t.clock.advance(start + days * DAY - t.clock.now().getTime());
        await inStep(`${days} days on`);
      }
      t.clock.advance(start + 2 * DAY - t.clock.now().getTime());
      const back = await inStep('moved back to 2 days on');
      expect(back.youth).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    'queues the youth of a row written in any source table',
    async () => {
      await facts.refresh();
      const [c] = await t.db.query(
        `SELECT c.id, c.youth_id, c.referral_id FROM cases c
        WHERE EXISTS (SELECT 1 FROM contacts k WHERE k.case_id = c.id)
          AND EXISTS (SELECT 1 FROM service_enrollments s WHERE s.case_id = c.id)
          AND EXISTS (SELECT 1 FROM follow_ups u WHERE u.case_id = c.id)
        LIMIT 1`,
      );
      const touches: [string, string][] = [
        ['referrals', `UPDATE referrals SET updated_at = updated_at WHERE id = '${c.referral_id}'`],
        ['youth', `UPDATE youth SET updated_at = updated_at WHERE id = '${c.youth_id}'`],
        ['referral_events', `UPDATE referral_events SET note = note WHERE referral_id = '${c.referral_id}'`],
        ['contacts', `UPDATE contacts SET duration_min = duration_min WHERE case_id = '${c.id}'`],
        ['consents', `UPDATE consents SET updated_at = updated_at WHERE youth_id = '${c.youth_id}'`],
        [
          'notices',
          `UPDATE notices SET sent_at = sent_at WHERE case_id = '${c.id}' OR referral_id = '${c.referral_id}'`,
        ],
        ['cases', `UPDATE cases SET updated_at = updated_at WHERE id = '${c.id}'`],
        [
          'service_enrollments',
          `UPDATE service_enrollments SET updated_at = updated_at WHERE case_id = '${c.id}'`,
        ],
        [
          'assessments',
          `INSERT INTO assessments (case_id, organization_id, created_by, instrument, timing, administered_at, overall_level)
         SELECT id, organization_id, primary_counselor_id, 'YASI_PRESCREEN', 'INTAKE', now(), 'LOW' FROM cases WHERE id = '${c.id}'`,
        ],
        [
          'goals',
          `INSERT INTO goals (case_id, organization_id, created_by, domain, description, status)
         SELECT id, organization_id, primary_counselor_id, 'ACADEMICS', 'Queued', 'NOT_STARTED' FROM cases WHERE id = '${c.id}'`,
        ],
        ['follow_ups', `UPDATE follow_ups SET updated_at = updated_at WHERE case_id = '${c.id}'`],
      ];
      for (const [table, sql] of touches) {
        await t.db.query(`DELETE FROM report_dirty`);
        await t.db.query(sql);
        expect({ table, queued: await queued() }).toEqual({ table, queued: [c.youth_id] });
      }
      await t.db.query(`DELETE FROM report_dirty`);
      await inStep('after the direct writes');
    },
    LONG,
  );

  it(
    "queues every youth a provider's clock settings, a school's level or a reason code's kind change",
    async () => {
      const [{ provider_org_id: providerId }] = await t.db.query(
        `SELECT provider_org_id FROM referrals WHERE received_at IS NOT NULL LIMIT 1`,
      );
      const youthOf = async (where: string, param: string) =>
        (
          await t.db.query(
            `SELECT DISTINCT youth_id FROM referrals WHERE ${where} AND youth_id IS NOT NULL ORDER BY youth_id`,
            [param],
          )
        ).map((r: Loose) => r.youth_id);
      await t.db.query(`DELETE FROM report_dirty`);
      await t.db.query(`UPDATE organizations SET settings = settings || '{"reports": {}}' WHERE id = $1`, [
        providerId,
      ]);
      expect(await queued()).toEqual([]);
      await t.db.query(`UPDATE organizations SET settings = $2 WHERE id = $1`, [
        providerId,
        JSON.stringify({ clocks: { triageBusinessDays: 3 } }),
      ]);
      expect(await queued()).toEqual(await youthOf('provider_org_id = $1', providerId));
      await inStep('provider clocks changed');
      await t.db.query(`UPDATE organizations SET settings = '{}' WHERE id = $1`, [providerId]);
      await inStep('provider clocks back to the defaults');

      const [{ school_id: schoolId }] = await t.db.query(
        `SELECT school_id FROM referrals WHERE school_id IS NOT NULL AND received_at IS NOT NULL LIMIT 1`,
      );
      const [{ level }] = await t.db.query(`SELECT level FROM schools WHERE id = $1`, [schoolId]);
      await t.db.query(`DELETE FROM report_dirty`);
      await t.db.query(`UPDATE schools SET level = $2 WHERE id = $1`, [
        schoolId,
        level === 'K12' ? 'K8' : 'K12',
      ]);
      expect(await queued()).toEqual(await youthOf('school_id = $1', schoolId));
      await inStep('school level changed');
      await t.db.query(`UPDATE schools SET level = $2 WHERE id = $1`, [schoolId, level]);
      await inStep('school level back');

      const [{ code }] = await t.db.query(
        `SELECT reason_codes[1] AS code FROM referrals WHERE received_at IS NOT NULL LIMIT 1`,
      );
      const [{ kind }] = await t.db.query(`SELECT kind FROM reason_codes WHERE code = $1`, [code]);
      await t.db.query(`DELETE FROM report_dirty`);
      await t.db.query(`UPDATE reason_codes SET kind = $2 WHERE code = $1`, [
        code,
        kind === 'CONCERN' ? 'STATUS' : 'CONCERN',
      ]);
      expect(await queued()).toEqual(await youthOf('reason_codes[1] = $1', code));
      await inStep('reason kind changed');
      await t.db.query(`UPDATE reason_codes SET kind = $2 WHERE code = $1`, [code, kind]);
      await inStep('reason kind back');
    },
    LONG,
  );

  it(
    'changes nothing when a refresh fails: the queue keeps the youth and the facts stay as they were',
    async () => {
      f = await flow(t); // signed in again: an earlier test moved the clock past the sessions' end
      await facts.refresh();
      const before = await snapshot();
      const r = await submitted(f);
      const waiting = await queued();
      expect(waiting).toContain(r.youthId);
      await withFailingInsert(t, 'report_referral_facts', () => expect(facts.refresh()).rejects.toThrow());
      expect(await queued()).toEqual(waiting);
      expect(await snapshot()).toEqual(before);
      await inStep('after the failed refresh');
    },
    LONG,
  );

  it(
    'counts a filtered period that cuts months (monthly rows plus the edge days from the facts): the pathways partition the whole',
    async () => {
      f = await flow(t);
      const period = 'from=2025-03-15&to=2026-02-10';
      const report = async (q: string) =>
        ok(await t.call('GET', `/api/reports/outcomes?${q}`, { as: f.as.supervisor }), 200, q);
      const counts = (r: Loose) => ({
        total: r.volume.total,
        byPeriod: Object.fromEntries(r.volume.byPeriod.map((c: Loose) => [c.key, c.count])),
        funnel: r.funnel.map((s: Loose) => s.count),
        sla: r.sla.map((c: Loose) => [c.met, c.missed, c.pending]),
        closures: r.completion.byOutcome.map((c: Loose) => c.count),
        dosageSessions: r.dosage.total?.sessions ?? null,
      });
      const all = counts(await report(period));
      expect(all.total).toBeGreaterThan(0);
      const pathways = (
        await t.db.query(
          `SELECT DISTINCT pathway FROM report_referral_facts WHERE pathway <> 'UNKNOWN' ORDER BY 1`,
        )
      ).map((r: Loose) => r.pathway as string);
      const parts: ReturnType<typeof counts>[] = [];
      for (const pathway of pathways) parts.push(counts(await report(`${period}&pathway=${pathway}`)));
      const sum = (pick: (c: ReturnType<typeof counts>) => number[]) =>
        parts.reduce((acc: number[], c) => pick(c).map((x, i) => (acc[i] ?? 0) + x), []);
      expect(parts.reduce((n, c) => n + c.total, 0)).toBe(all.total);
      expect(sum((c) => c.funnel)).toEqual(all.funnel);
      expect(sum((c) => c.sla.flat())).toEqual(all.sla.flat());
      expect(sum((c) => c.closures)).toEqual(all.closures);
      for (const key of Object.keys(all.byPeriod))
        expect({ key, n: parts.reduce((n, c) => n + (c.byPeriod[key] ?? 0), 0) }).toEqual({
          key,
          n: all.byPeriod[key],
        });
      // The cut months (March 2025 from the 15th, February 2026 to the 10th) count only their days in the period.
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM report_referral_facts
        WHERE provider_org_id = (SELECT organization_id FROM users WHERE id = $1) AND day BETWEEN '2025-03-15' AND '2025-03-31'`,
        [f.as.supervisor.user.id],
      );
      expect(all.byPeriod['2025-03'] ?? 0).toBe(n);
    },
    LONG,
  );
});
