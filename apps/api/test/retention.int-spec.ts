import { Client } from 'pg';
import { RetentionService } from '../src/retention/retention.service';
import { demo, type Session, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
const ADULT = '2000-01-01';

interface Fixture {
  caseId: string | null;
  referralId: string;
  youthId: string;
}

describe('retention: schedule, dry run, job', () => {
  let t: TestApp;
  let admin: Session;
  let provider: string;
  let counselorId: string;
  const f: Record<'old' | 'young' | 'recent' | 'declined', Fixture> = {} as never;

  /** A referral of the provider whose youth has no other referral, without a case yet. */
  async function loneReferral(statuses: string[]): Promise<{ id: string; youthId: string; pathway: string }> {
    const [row] = await t.db.query(
      `SELECT r.id, r.youth_id AS "youthId", r.pathway FROM referrals r
       WHERE r.provider_org_id = $1 AND r.status = ANY($2::text[])
         AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.referral_id = r.id)
         AND (SELECT count(*) FROM referrals r2 WHERE r2.youth_id = r.youth_id) = 1
         AND r.id <> ALL($3::uuid[])
       ORDER BY r.reference_number LIMIT 1`,
      [provider, statuses, Object.values(f).map((x) => x.referralId)],
    );
    if (!row) throw new Error(`no lone referral in ${statuses.join(',')}`);
    return row;
  }

  /** A case closed `yearsAgo`, with a note, a goal and a closure summary naming the youth. */
  async function closedCase(yearsAgo: number, dateOfBirth: string): Promise<Fixture> {
    const r = await loneReferral(['TRIAGE', 'OUTREACH', 'CONSENT_PENDING', 'SUBMITTED']);
    const closed = new Date(t.clock.now().getTime() - yearsAgo * YEAR_MS);
    const opened = new Date(closed.getTime() - 100 * DAY_MS);
    await t.db.query(`UPDATE referrals SET status = 'ENROLLED' WHERE id = $1`, [r.id]);
    await t.db.query(`UPDATE youth SET date_of_birth = $2 WHERE id = $1`, [r.youthId, dateOfBirth]);
    const [c] = await t.db.query(
      `INSERT INTO cases (case_number, referral_id, youth_id, provider_org_id, primary_counselor_id, pathway, status,
                          opened_at, target_end_at, max_end_at, closure_reason, closure_summary, closed_at,
                          outcome_class, organization_id, created_by)
       VALUES ('C-RET-' || substr(md5($1::text), 1, 8), $1::uuid, $2, $3, $4, $5, 'CLOSED', $6, $7, $8,
               'COMPLETED_ALL_GOALS', 'Maria finished every goal', $8, 'SUCCESSFUL', $3, $4)
       RETURNING id`,
      [
        r.id,
        r.youthId,
        provider,
        counselorId,
        r.pathway,
        opened,
        new Date(opened.getTime() + 90 * DAY_MS),
        closed,
      ],
    );
    await t.db.query(
      `INSERT INTO notes (case_id, kind, body, author_id, organization_id) VALUES ($1, 'CLINICAL', 'Maria talked about home', $2, $3)`,
      [c.id, counselorId, provider],
    );
    await t.db.query(
      `INSERT INTO goals (case_id, organization_id, created_by, domain, description)
       VALUES ($1, $2, $3, 'ACADEMICS', 'Maria attends every class')`,
      [c.id, provider, counselorId],
    );
    return { caseId: c.id, referralId: r.id, youthId: r.youthId };
  }

  const call = (method: string, url: string) => t.call(method, url, { as: admin });
  const youthName = async (id: string) =>
    (
      await t.db.query('SELECT first_name, last_name, date_of_birth::text AS dob FROM youth WHERE id = $1', [
        id,
      ])
    )[0];
  const counts = (report: { items: { kind: string; count: number }[] }) =>
    Object.fromEntries(report.items.map((i) => [i.kind, i.count]));

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.login(demo('admin'));
    provider = admin.user.organization.id;
    counselorId = (await t.db.query(`SELECT id FROM users WHERE email = $1`, [demo('counselor')]))[0].id;
    f.old = await closedCase(8, ADULT);
    f.young = await closedCase(
      8,
      new Date(t.clock.now().getTime() - 15 * YEAR_MS).toISOString().slice(0, 10),
    );
    f.recent = await closedCase(2, ADULT);
    const declined = await loneReferral(['DECLINED', 'INELIGIBLE', 'UNABLE_TO_CONTACT']);
    const endedAt = new Date(t.clock.now().getTime() - 4 * YEAR_MS);
    await t.db.query(`UPDATE referral_events SET at = $2 WHERE referral_id = $1`, [declined.id, endedAt]);
    await t.db.query(`UPDATE referrals SET updated_at = $2 WHERE id = $1`, [declined.id, endedAt]);
    await t.db.query(`UPDATE youth SET date_of_birth = $2 WHERE id = $1`, [declined.youthId, ADULT]);
    f.declined = { caseId: null, referralId: declined.id, youthId: declined.youthId };

    // Ended sessions 40 days old, of a provider user and of a police user; expired idempotency keys of both.
    const counselor = await t.login(demo('counselor'));
    const sro = await t.login(demo('sro'));
    const longAgo = new Date(t.clock.now().getTime() - 40 * DAY_MS);
    for (const s of [counselor, sro]) {
      await t.db.query(
        `UPDATE sessions SET created_at = $2, last_seen_at = $2, expires_at = $2::timestamptz + interval '12 hours'
         WHERE user_id = $1`,
        [s.user.id, longAgo],
      );
      await t.db.query(
        `INSERT INTO idempotency_keys (key, user_id, route, request_hash, created_at, expires_at)
         VALUES ('k-' || $1::text, $1::uuid, 'POST /api/referrals', 'h', $2, $2::timestamptz + interval '1 day')`,
        [s.user.id, longAgo],
      );
    }
  });
  afterAll(() => t.close());

  it('shows the schedule (defaults) and no runs yet', async () => {
    const res = await call('GET', '/api/admin/retention');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      schedule: { closedCaseMonths: 84, endedReferralMonths: 36, sessionDays: 30, idempotencyKeyHours: 0 },
      runs: [],
    });
  });

  let dry: { items: { kind: string; count: number; cutoff: string }[]; youthDeidentified: number };

  it('reports in a dry run what a run would do, changing nothing', async () => {
    const auditBefore = (await t.auditRows()).length;
    const res = await call('GET', '/api/admin/retention/dry-run');
    expect(res.status).toBe(200);
    dry = res.body;
    expect(res.body.dryRun).toBe(true);
    expect(counts(res.body)).toMatchObject({
      CLOSED_CASES: 1,
      ENDED_REFERRALS: 1,
      SESSIONS: 1,
      IDEMPOTENCY_KEYS: 1,
    });
    expect(res.body.youthDeidentified).toBe(2);
    expect((await youthName(f.old.youthId)).first_name).not.toBe('[removed]');
    expect(await t.db.query('SELECT 1 FROM notes WHERE case_id = $1', [f.old.caseId])).toHaveLength(1);
    expect((await t.auditRows()).length).toBe(auditBefore);
  });

  it('refuses to run while another instance holds the job’s lock (409), and dry runs still answer', async () => {
    const other = new Client({ connectionString: (t.db.options as { url?: string }).url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(7346110002)');
      const res = await call('POST', '/api/admin/retention/run');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('RETENTION_RUNNING');
      expect((await call('GET', '/api/admin/retention/dry-run')).status).toBe(200);
      await other.query('ROLLBACK');
    } finally {
      await other.end();
    }
  });

  it('does exactly what the dry run said: the run’s report equals it', async () => {
    const res = await call('POST', '/api/admin/retention/run');
    expect(res.status).toBe(200);
    expect(res.body.dryRun).toBe(false);
    expect(res.body.items).toEqual(dry.items);
    expect(res.body.youthDeidentified).toBe(dry.youthDeidentified);
  });

  it('removed the identity of the youth past retention, and kept the others', async () => {
    expect(await youthName(f.old.youthId)).toEqual({
      first_name: '[removed]',
      last_name: '[removed]',
      dob: '2000-07-01',
    });
    expect((await youthName(f.declined.youthId)).first_name).toBe('[removed]');
    expect((await youthName(f.young.youthId)).first_name).not.toBe('[removed]');
    expect((await youthName(f.recent.youthId)).first_name).not.toBe('[removed]');
    expect(await t.db.query('SELECT 1 FROM notes WHERE case_id = $1', [f.old.caseId])).toHaveLength(0);
    expect(await t.db.query('SELECT 1 FROM notes WHERE case_id = $1', [f.young.caseId])).toHaveLength(1);
    const [c] = await t.db.query(
      'SELECT closure_summary, outcome_class, closed_at FROM cases WHERE id = $1',
      [f.old.caseId],
    );
    expect(c).toMatchObject({ closure_summary: null, outcome_class: 'SUCCESSFUL' });
    expect(c.closed_at).not.toBeNull();
    const [goal] = await t.db.query('SELECT description FROM goals WHERE case_id = $1', [f.old.caseId]);
    expect(goal.description).toBe('[removed]');
    const [ref] = await t.db.query(
      'SELECT narrative, reference_number, status FROM referrals WHERE id = $1',
      [f.old.referralId],
    );
    expect(ref).toMatchObject({ narrative: null, status: 'ENROLLED' });
    expect(ref.reference_number).toMatch(/^R-/);
    const guardians = await t.db.query('SELECT name, phone, email FROM guardians WHERE youth_id = $1', [
      f.declined.youthId,
    ]);
    expect(guardians.length).toBeGreaterThan(0);
    for (const g of guardians) expect(g).toEqual({ name: '[removed]', phone: '[removed]', email: null });
  });

  it('purged the provider’s ended sessions and expired keys, not the police department’s', async () => {
    const left = await t.db.query(
      `SELECT u.email FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.created_at < $1`,
      [new Date(t.clock.now().getTime() - 39 * DAY_MS)],
    );
    expect(left.map((r: { email: string }) => r.email)).toEqual([demo('sro')]);
    const keys = await t.db.query(
      `SELECT u.email FROM idempotency_keys k JOIN users u ON u.id = k.user_id WHERE k.key LIKE 'k-%'`,
    );
    expect(keys.map((r: { email: string }) => r.email)).toEqual([demo('sro')]);
  });

  it('audited each de-identified record with its youth, and the run itself, without names', async () => {
    const [caseRow] = await t.auditRows(`entity_type = 'case' AND entity_id = $1`, [f.old.caseId]);
    expect(caseRow).toMatchObject({
      action: 'UPDATE',
      actor_id: admin.user.id,
      youth_id: f.old.youthId,
      changed_fields: ['deidentified'],
    });
    const [youthRow] = await t.auditRows(`entity_type = 'youth' AND entity_id = $1`, [f.declined.youthId]);
    expect(youthRow.organization_id).toBe(provider);
    const [run] = await t.auditRows(`entity_type = 'retention_run'`);
    expect(run.changed_fields).toEqual(['CLOSED_CASES', 'ENDED_REFERRALS', 'SESSIONS', 'IDEMPOTENCY_KEYS']);
    expect(JSON.stringify(await t.auditRows())).not.toMatch(/Maria/);
    const auditor = await t.login(demo('auditor'));
    expect((await t.call('GET', '/api/audit/verify', { as: auditor })).body.ok).toBe(true);
  });

  it('is idempotent: a second dry run and a second run find nothing', async () => {
    t.clock.advanceMinutes(1);
    const again = await call('GET', '/api/admin/retention/dry-run');
    expect(Object.values(counts(again.body))).toEqual([0, 0, 0, 0]);
    const run = await call('POST', '/api/admin/retention/run');
    expect(Object.values(counts(run.body))).toEqual([0, 0, 0, 0]);
    const overview = await call('GET', '/api/admin/retention');
    expect(overview.body.runs).toHaveLength(2);
    expect(overview.body.runs[1]).toMatchObject({
      trigger: 'MANUAL',
      actorId: admin.user.id,
      youthDeidentified: 2,
    });
  });

  it('follows the schedule the administrator sets', async () => {
    const org = (await call('GET', '/api/admin/organization')).body;
    await t.call('PATCH', '/api/admin/organization', {
      as: admin,
      body: { version: org.version, retention: { ...org.retention, closedCaseMonths: 120 } },
    });
    const res = await call('GET', '/api/admin/retention/dry-run');
    const cutoff = new Date(res.body.items[0].cutoff).getTime();
    expect(Math.round((t.clock.now().getTime() - cutoff) / YEAR_MS)).toBe(10);
  });

  it('runs for every organization on schedule, with no actor in the audit rows', async () => {
    const reports = await t.app.get(RetentionService).runAll();
    expect(reports.length).toBeGreaterThanOrEqual(2);
    const police = reports.find((r) => r.organizationId !== provider);
    expect(police && counts(police)).toMatchObject({ SESSIONS: 1, IDEMPOTENCY_KEYS: 1 });
    const runs = await t.auditRows(`entity_type = 'retention_run' AND actor_id IS NULL`);
    expect(runs.length).toBe(reports.length);
  });

  it('keeps retention to ADMIN: every other role gets 403', async () => {
    for (const who of ['sro', 'sergeant', 'counselor', 'supervisor', 'auditor']) {
      const s = await t.login(demo(who));
      expect((await t.call('GET', '/api/admin/retention/dry-run', { as: s })).status).toBe(403);
      expect((await t.call('POST', '/api/admin/retention/run', { as: s })).status).toBe(403);
    }
  });
});
