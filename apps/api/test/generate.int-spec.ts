import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CLOSURE_REASONS, PATHWAYS, type ClosureReason } from '@pathways/contracts';
import { outcomeClassOf } from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
// The generator is a workspace script (tools/), not a project with an alias: this test drives it by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { datasetChecksum } from '../../../tools/generate/checksum';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { generateDataset, type GenerateResult } from '../../../tools/generate/generate';
import { createApp } from '../src/app.factory';
import { PasswordService } from '../src/auth/password.service';
import { AppConfig } from '../src/config/app-config';
import { loadEnv } from '../src/config/env';
import { prepareDatabase } from '../src/database/prepare-database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/database/seed/seed-demo';
import { databaseUrl, withAdmin } from './support/test-database';

/**
 * `npm run db:generate` (tools/generate) on a migrated database without the demo seed, at 2,000 referrals: the
 * proportions and the rules of DOMAIN.md hold, the demo accounts sign in, the audit chain verifies, and the same
 * seed gives the same data.
 */
describe('db:generate: synthetic data set', () => {
  const NOW = new Date('2026-03-02T18:00:00Z');
  const N = 2000;
  const databases: string[] = [];
  let base = '';
  let db: Client;
  let result: GenerateResult;
  /** Digests of the first data set, taken before any test signs in (which writes audit rows). */
  let first: Record<string, string>;

  /** A migrated database with catalogs and no demo data, cloned from `base`. */
  const fresh = async (): Promise<string> => {
    const name = `pathways_test_gen_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${base}"`));
    databases.push(name);
    return name;
  };
  const checksumOf = async (name: string): Promise<Record<string, string>> => {
    const c = new Client({ connectionString: databaseUrl(name) });
    await c.connect();
    try {
      return (await datasetChecksum(c)).tables;
    } finally {
      await c.end();
    }
  };
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.query(sql, params)).rows as T[];
  const n = async (sql: string): Promise<number> => Number((await q<{ n: string }>(sql))[0]?.n);

  beforeAll(async () => {
    base = `pathways_test_genbase_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${base}"`));
    databases.push(base);
    await prepareDatabase(databaseUrl(base), {
      seedDemo: false,
      production: false,
      hashPassword: (p) => new PasswordService().hash(p),
    });
    const name = await fresh();
    result = await generateDataset(databaseUrl(name), { referrals: N, seed: 7, now: NOW });
    first = await checksumOf(name);
    db = new Client({ connectionString: databaseUrl(name) });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    for (const name of databases.reverse())
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('writes the tables in the proportions of the benchmark set (~60 % cases, ~6 contacts and ~3 notes a referral)', async () => {
    const count = async (table: string) => n(`SELECT count(*) AS n FROM ${table}`);
    expect(await count('referrals')).toBe(N);
    const cases = await count('cases');
    expect(cases / N).toBeGreaterThan(0.55);
    expect(cases / N).toBeLessThan(0.68);
    expect((await count('contacts')) / N).toBeGreaterThan(5);
    expect((await count('contacts')) / N).toBeLessThan(8);
    expect((await count('notes')) / N).toBeGreaterThan(2.5);
    expect((await count('notes')) / N).toBeLessThan(4);
    const youth = await count('youth');
    expect(youth / N).toBeGreaterThan(0.8);
    expect(youth / N).toBeLessThan(0.95);
    for (const table of [
      'guardians',
      'referral_events',
      'case_events',
      'consents',
      'service_enrollments',
      'assessments',
    ])
      expect(await count(table)).toBeGreaterThan(cases);
    for (const table of [
      'goals',
      'accountability_items',
      'follow_ups',
      'notices',
      'school_contacts',
      'community_events',
    ])
      expect(await count(table)).toBeGreaterThan(0);
    // What the generator reported is what the tables hold.
    for (const [table, rows] of Object.entries(result.rows))
      if (table !== 'audit_events') expect(await count(table)).toBe(rows);
    // A few hundred first names by a few hundred surnames: thousands of distinct names, some common ones repeated.
    expect(await n(`SELECT count(DISTINCT name_norm) AS n FROM youth`)).toBeGreaterThan(youth * 0.6);
    expect(
      await n(`SELECT max(c)::int AS n FROM (SELECT count(*) AS c FROM youth GROUP BY name_norm) x`),
    ).toBeGreaterThan(2);
    expect(
      await n(`SELECT count(*) AS n FROM youth WHERE last_name ~ '[ -]' AND last_name !~ '^(De|Del|Dela) '`),
    ).toBeGreaterThan(0);
  });

  it('opens exactly one case on every ENROLLED referral, and none on any other, with its referral’s 20-day instant', async () => {
    expect(
      await q(
        `SELECT c.case_number FROM cases c JOIN referrals r ON r.id = c.referral_id
          WHERE r.status <> 'ENROLLED' OR r.assigned_counselor_id IS DISTINCT FROM c.primary_counselor_id
             OR r.youth_id <> c.youth_id OR r.pathway <> c.pathway OR c.opened_at < r.received_at
             OR c.due_service_start_at IS DISTINCT FROM r.due_service_start_at`,
      ),
    ).toEqual([]);
    expect(
      await n(`SELECT count(*) AS n FROM referrals r WHERE r.status = 'ENROLLED'
                 AND (SELECT count(*) FROM cases c WHERE c.referral_id = r.id) <> 1`),
    ).toBe(0);
    expect(await q(`SELECT case_number FROM cases WHERE case_number !~ '^C-\\d{4}-\\d{6,}$'`)).toEqual([]);
    expect(
      await q(
        `SELECT reference_number FROM referrals WHERE status <> 'DRAFT' AND reference_number !~ '^R-\\d{4}-\\d{6,}$'`,
      ),
    ).toEqual([]);
  });

  it('keeps what the triggers keep: each case’s last completed contact, and the distinct youth names', async () => {
    expect(
      await q(
        `SELECT c.case_number FROM cases c
          WHERE c.last_contact_at IS DISTINCT FROM
                (SELECT max(k.occurred_at) FROM contacts k WHERE k.case_id = c.id AND k.result = 'COMPLETED')`,
      ),
    ).toEqual([]);
    expect(await n(`SELECT count(*) AS n FROM cases WHERE last_contact_at IS NOT NULL`)).toBeGreaterThan(0);
    // Left enabled for the application after the load.
    expect(
      await q(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'contacts'::regclass AND tgname LIKE 'tr_contacts_last_contact%'
                 AND tgenabled = 'D'`),
    ).toEqual([]);
    expect(
      await n(
        `SELECT count(*) AS n FROM (SELECT name_norm FROM youth EXCEPT SELECT name_norm FROM youth_names) x`,
      ),
    ).toBe(0);
  });

  it('builds the outcome reports’ facts and rollups once, with nothing left queued by the load', async () => {
    const one = async (sql: string) => (await db.query(sql)).rows[0];
    expect(await one(`SELECT rebuild_needed, refreshed_at FROM report_refresh_state`)).toEqual({
      rebuild_needed: false,
      refreshed_at: NOW,
    });
    expect(await one(`SELECT count(*)::int AS n FROM report_dirty`)).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS n FROM report_referral_facts`)).toEqual(
      await one(
        `SELECT count(*)::int AS n FROM referrals WHERE received_at IS NOT NULL AND status <> 'DUPLICATE'`,
      ),
    );
    expect(await one(`SELECT count(*)::int AS n FROM report_case_facts`)).toEqual(
      await one(`SELECT count(*)::int AS n FROM cases`),
    );
    expect(await one(`SELECT sum(n)::int AS n FROM report_referral_days WHERE dim = 'total'`)).toEqual(
      await one(`SELECT count(*)::int AS n FROM report_referral_facts`),
    );
    expect(result.steps.map((s) => s.step)).toContain('report facts');
  });

  it('records program participation consent (guardian and assent, or a self-consent basis) before each case opens', async () => {
    expect(
      await n(`SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (
                 SELECT 1 FROM consents k WHERE k.case_id = c.id AND k.type = 'PROGRAM_PARTICIPATION' AND k.youth_assent
                    AND ((k.guardian_id IS NOT NULL AND k.guardian_name IS NOT NULL) OR k.minor_self_consent_basis IS NOT NULL)
                    AND k.signed_at < c.opened_at)`),
    ).toBe(0);
    // The guardian named on the consent is one of the youth's guardians.
    expect(
      await n(`SELECT count(*) AS n FROM consents k JOIN guardians g ON g.id = k.guardian_id
                WHERE g.youth_id <> k.youth_id OR g.name <> k.guardian_name`),
    ).toBe(0);
  });

  it('derives every closed case’s outcome class from its closure reason, as libs/domain does', async () => {
    const rows = await q<{ closure_reason: ClosureReason; outcome_class: string; n: string }>(
      `SELECT closure_reason, outcome_class, count(*) AS n FROM cases WHERE status = 'CLOSED' GROUP BY 1, 2`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.outcome_class).toBe(outcomeClassOf(r.closure_reason));
    expect(new Set(rows.map((r) => r.closure_reason)).size).toBeGreaterThanOrEqual(
      CLOSURE_REASONS.length - 3,
    );
    // A successful police diversion is reported (WIC 827.95) and sealed; no other case is.
    expect(
      await n(`SELECT count(*) AS n FROM cases c JOIN referrals r ON r.id = c.referral_id
                WHERE (c.outcome_class = 'SUCCESSFUL' AND c.pathway = 'LE_DIVERSION_626B')
                      <> (r.sealed_at IS NOT NULL AND c.completion_notice_sent_at IS NOT NULL
                          AND EXISTS (SELECT 1 FROM notices x WHERE x.case_id = c.id AND x.type = 'COMPLETION_827_95'))`),
    ).toBe(0);
    // Closed cases have their 6- and 12-month follow-ups.
    expect(
      await n(`SELECT count(*) AS n FROM cases c WHERE c.status = 'CLOSED'
                 AND (SELECT count(*) FROM follow_ups f WHERE f.case_id = c.id) <> 2`),
    ).toBe(0);
  });

  it('spreads referrals over all 79 schools, every pathway and two years; old ones decided, recent ones queued', async () => {
    expect(await n(`SELECT count(DISTINCT school_id) AS n FROM referrals`)).toBe(79);
    expect(await n(`SELECT count(*) AS n FROM schools`)).toBe(79);
    expect(await n(`SELECT count(DISTINCT pathway) AS n FROM referrals`)).toBe(PATHWAYS.length);
    const span = await q<{ first: Date; last: Date }>(
      `SELECT min(received_at) AS first, max(received_at) AS last FROM referrals`,
    );
    expect(NOW.getTime() - span[0].first.getTime()).toBeGreaterThan(720 * 86_400_000);
    expect(span[0].last.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(
      await n(`SELECT count(*) AS n FROM referrals WHERE received_at < '${NOW.toISOString()}'::timestamptz - interval '60 days'
                 AND status IN ('SUBMITTED', 'NEEDS_INFO', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING')`),
    ).toBe(0);
    expect(
      await n(`SELECT count(*) AS n FROM referrals
                WHERE status IN ('SUBMITTED', 'NEEDS_INFO', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING', 'DRAFT')`),
    ).toBeGreaterThan(0);
    expect(
      await n(`SELECT count(*) AS n FROM cases WHERE status <> 'CLOSED'
                 AND opened_at < '${NOW.toISOString()}'::timestamptz - interval '6 months'`),
    ).toBe(0);
    expect(
      await n(
        `SELECT count(*) AS n FROM referrals WHERE due_service_start_at <> received_at + interval '20 days'`,
      ),
    ).toBe(0);
    // Every status change is in the history, ending where the referral stands.
    expect(
      await n(`SELECT count(*) AS n FROM referrals r WHERE r.status <> (
                 SELECT e.status_to FROM referral_events e WHERE e.referral_id = r.id AND e.status_from IS DISTINCT FROM e.status_to
                  ORDER BY e.at DESC LIMIT 1)`),
    ).toBe(0);
  });

  it('lets every demo account sign in, and the audit chain of the generated rows verifies', async () => {
    expect(await n(`SELECT count(*) AS n FROM audit_events`)).toBeGreaterThanOrEqual(N / 10 - 20);
    const url = databaseUrl(databases[1]);
    const app: NestFastifyApplication = await createApp(
      new AppConfig(
        loadEnv({
          NODE_ENV: 'test',
          DATABASE_URL: url,
          LOG_LEVEL: 'silent',
          WEB_DIST: '/nonexistent',
          DB_POOL_MAX: '3',
          LOGIN_RATE_LIMIT_PER_IP: '10000',
          LOGIN_RATE_LIMIT_PER_ACCOUNT: '10000',
        }),
        url,
      ),
    );
    await app.getHttpAdapter().getInstance().ready();
    try {
      const tokens: Record<string, string> = {};
      for (const a of DEMO_ACCOUNTS) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: a.email, password: DEMO_PASSWORD },
        });
        expect({ email: a.email, status: res.statusCode }).toEqual({ email: a.email, status: 200 });
        tokens[a.role] = (JSON.parse(res.body) as { token: string }).token;
      }
      const verify = await app.inject({
        method: 'GET',
        url: '/api/audit/verify',
        headers: { authorization: `Bearer ${tokens.AUDITOR}` },
      });
      expect(verify.statusCode).toBe(200);
      expect(JSON.parse(verify.body)).toMatchObject({ ok: true, firstBrokenSeq: null });
      // The demo counselor has a caseload like the generated ones.
      const mine = await n(`SELECT count(*) AS n FROM cases c JOIN users u ON u.id = c.primary_counselor_id
                             WHERE u.email = 'counselor@demo.pathways.local' AND c.status <> 'CLOSED'`);
      expect(mine).toBeGreaterThan(5);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('gives the same data for the same seed and different data for another seed', async () => {
    const again = await fresh();
    await generateDataset(databaseUrl(again), { referrals: N, seed: 7, now: NOW });
    const other = await fresh();
    await generateDataset(databaseUrl(other), { referrals: N, seed: 8, now: NOW });
    expect(await checksumOf(again)).toEqual(first);
    const different = await checksumOf(other);
    for (const table of Object.keys(first))
      expect({ table, digest: different[table] }).not.toEqual({ table, digest: first[table] });
  }, 120_000);

  it('refuses a database that already holds referrals (unless told to reset it)', async () => {
    await expect(
      generateDataset(databaseUrl(databases[1]), { referrals: N, seed: 7, now: NOW }),
    ).rejects.toThrow(/already holds youth data/);
  });
});
