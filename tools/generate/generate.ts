import { DEFAULT_CLOCKS } from '@pathways/domain';
import { Client } from 'pg';
import { PasswordService } from '../../apps/api/src/auth/password.service';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { rebuildReportFacts } from '../../apps/api/src/reports/report-facts.service';
import {
  DEMO_ACCOUNTS,
  DEMO_DOMAIN,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
} from '../../apps/api/src/database/seed/seed-demo';
import { buildContext, type Ctx, type ReasonCode, type School } from './context';
import {
  ADULT_FEMALE,
  ADULT_MALE,
  ADULT_OTHER_FEMALE,
  ADULT_OTHER_MALE,
  ENGLISH_SURNAMES,
  HISPANIC_SURNAMES,
} from './names';
import { DAY, pick, pickSkewed, Rand } from './sql';
import { auditSql } from './steps-audit';
import {
  accountabilitySql,
  assessmentsSql,
  caseContactsSql,
  caseEventsSql,
  casePlanSql,
  casesSql,
  consentsSql,
  followUpsSql,
  goalsSql,
  noticesSql,
  notesSql,
  outreachContactsSql,
  servicesPlanSql,
  servicesSql,
} from './steps-cases';
import {
  bucketsSql,
  communityEventsSql,
  draftsSql,
  guardiansSql,
  ref0Sql,
  referralEventsSql,
  referralPlanSql,
  referralsSql,
  schoolContactsSql,
  youthPlanSql,
  youthSql,
} from './steps-intake';

export interface GenerateOptions {
  referrals: number;
  seed?: number;
  /** The instant the data set ends at (default: the start of the current hour). */
  now?: Date;
  /** Drop the schema first when the database already holds youth data (as `npm run db:reset` does). */
  reset?: boolean;
  /** NODE_ENV=production: refused (the data set includes demo accounts). */
  production?: boolean;
  log?: (line: string) => void;
  /** Receives every statement before it runs (for debugging the generator). */
  trace?: (step: string, sql: string) => void;
}

export interface StepResult {
  step: string;
  table: string | null;
  rows: number;
  seconds: number;
}

export interface GenerateResult {
  now: Date;
  seed: number;
  steps: StepResult[];
  /** Rows inserted per table. */
  rows: Record<string, number>;
  seconds: number;
}

/** The tables the generator fills; their foreign keys and non-unique indexes are rebuilt after the load. */
export const LOADED_TABLES = [
  'youth',
  'guardians',
  'referrals',
  'referral_events',
  'school_contacts',
  'community_events',
  'cases',
  'case_events',
  'consents',
  'service_enrollments',
  'contacts',
  'notes',
  'assessments',
  'goals',
  'accountability_items',
  'follow_ups',
  'notices',
  'audit_events',
] as const;

/** Tables that must be empty (the generator refuses, or drops the schema with --reset); audit rows are appended. */
const YOUTH_DATA = LOADED_TABLES.filter((x) => x !== 'audit_events');

/**
 * The generator's scratch schema: plans and staging tables (unlogged), dropped at the end of every run (main.ts then
 * keeps the run's record there for `npm run bench`: last-run.ts).
 */
export const SCRATCH = 'pathways_generate';

/** The trigger that keeps cases.last_contact_at as contacts are inserted (migration ListsAtScale). */
const LAST_CONTACT_TRIGGER = 'tr_contacts_last_contact_insert';

interface Step {
  name: string;
  table: string;
  /** `INSERT INTO <table> ...`: run as is, or into a staging table by the second session. */
  sql: string;
  /** Reads the plans the second session builds (g_ref, g_case, g_svc). */
  plans: boolean;
}

interface Job extends Step {
  staging: string;
  state: 'queued' | 'computing' | 'computed' | 'direct' | 'done';
  rows?: number;
}

const SESSION = `SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB';
  SET max_parallel_maintenance_workers = 2; SET jit = off; SET statement_timeout = 0; SET lock_timeout = 0;
  SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET search_path = ${SCRATCH}, public`;

/**
 * Fills the database at `url` with a synthetic data set of `referrals` referrals: migrations and catalogs (as the
 * application prepares them), the demo organizations and accounts, staff accounts sized to the caseload, then
 * youth, referrals, cases and their work, notices and a sample of the audit trail. Set-based SQL; deterministic for
 * a given seed and `now`.
 *
 * Every write to the application's tables, and every change to their constraints and indexes, happens in one
 * transaction of the main session, so a failure leaves them as they were (only the migrations, catalogs and staff
 * accounts, written first, remain). Meanwhile a second session computes rows into unlogged staging tables of a
 * scratch schema, which the main session copies in as each is ready, so both CPU cores work; the scratch schema is
 * dropped at the end (and at the start of the next run, should a run be killed).
 */
export async function generateDataset(url: string, options: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 1;
  const rand = new Rand(seed);
  const n = options.referrals;
  if (!Number.isSafeInteger(n) || n < 100 || n > 20_000_000)
    throw new Error('--referrals must be an integer from 100 to 20,000,000');
  if (options.production)
    throw new Error('db:generate is refused with NODE_ENV=production (it creates demo accounts)');
  const nowDate = options.now ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const now = Math.floor(nowDate.getTime() / 1000);
  const steps: StepResult[] = [];
  const rows: Record<string, number> = {};
  const line = (step: string, count: number | null, seconds: number, note = '') =>
    log(
      `${step.padEnd(36)} ${count === null ? ''.padStart(11) : count.toLocaleString('en-US').padStart(11)} ${seconds.toFixed(1).padStart(6)} s${note}`,
    );
  const failed = (step: string) => (error: unknown) => {
    throw new Error(`${step}: ${error instanceof Error ? error.message : String(error)}`);
  };

  const first = new Client({ connectionString: url });
  await first.connect();
  try {
    await refuseOrReset(first, options.reset ?? false, log);
  } finally {
    await first.end();
  }
  let t = Date.now();
  const passwords = new PasswordService();
  await prepareDatabase(url, {
    seedDemo: false,
    production: false,
    hashPassword: (p) => passwords.hash(p),
    log: (m) => log(`  ${m}`),
  });
  const passwordHash = await passwords.hash(DEMO_PASSWORD);
  line('migrations, catalogs, business days', null, (Date.now() - t) / 1000);
  steps.push({ step: 'prepare', table: null, rows: 0, seconds: (Date.now() - t) / 1000 });

  const main = new Client({ connectionString: url });
  const helper = new Client({ connectionString: url });
  await main.connect();
  await helper.connect();
  let inTransaction = false;
  try {
    await main.query(`${SESSION}; DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE; CREATE SCHEMA ${SCRATCH}`);
    await helper.query(`${SESSION}; SET max_parallel_workers_per_gather = 0`);
    const run = async (client: Client, step: string, table: string | null, sql: string, note = '') => {
      const s = Date.now();
      options.trace?.(step, sql);
      const res = await client.query(sql).catch(failed(step));
      const created = /^\s*CREATE UNLOGGED TABLE (\w+)/.exec(sql)?.[1];
      const count = created
        ? Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${created}`)).rows[0]?.n ?? 0)
        : (res.rowCount ?? 0);
      const seconds = (Date.now() - s) / 1000;
      steps.push({ step, table, rows: count, seconds });
      line(step, count, seconds, note);
      return count;
    };

    t = Date.now();
    const people = await staff(main, rand, n, now, passwordHash);
    line(
      `accounts: ${people.counselors.length} counselors, ${people.supervisors.length} supervisors, ${people.sros.length} SROs`,
      people.created,
      (Date.now() - t) / 1000,
    );
    const ctx = buildContext({
      r: rand,
      n,
      now,
      police: people.police,
      provider: people.provider,
      schools: await schools(main),
      codes: await reasonCodes(main),
      resources: (
        await main.query<{ id: string }>('SELECT id FROM public.resources WHERE active ORDER BY key')
      ).rows.map((x) => x.id),
      counselors: people.counselors,
      supervisors: people.supervisors,
      sros: people.sros,
    });

    // Plans (scratch tables both sessions read).
    await run(main, 'plan: arrivals per hour', null, bucketsSql(ctx));
    const cut = await main.query<{ cut: string | null }>(
      `SELECT min(lo) AS cut FROM g_bucket WHERE t0 >= ${ctx.cap - 12 * DAY}`,
    );
    ctx.draftCut = Number(cut.rows[0]?.cut ?? n);
    await run(main, 'plan: referral numbers', null, ref0Sql(ctx));
    await run(main, 'plan: youth', null, youthPlanSql(ctx));
    await main.query('ANALYZE g_youth (k); ANALYZE g_ref0 (i, key)');
    await main.query('SET max_parallel_workers_per_gather = 0');

    // Every table's rows, in the order the second session computes them; the main session computes the first two
    // itself (they need only the first plans) and takes others from the end of the queue when it would wait.
    const plan: Step[] = [
      { name: 'youth', table: 'youth', sql: youthSql(ctx), plans: false },
      { name: 'guardians', table: 'guardians', sql: guardiansSql(ctx), plans: false },
      { name: 'referrals', table: 'referrals', sql: referralsSql(ctx), plans: true },
      { name: 'referrals: drafts', table: 'referrals', sql: draftsSql(ctx), plans: false },
      { name: 'cases', table: 'cases', sql: casesSql(ctx), plans: true },
      { name: 'referral events', table: 'referral_events', sql: referralEventsSql(ctx), plans: true },
      { name: 'case events', table: 'case_events', sql: caseEventsSql(ctx), plans: true },
      { name: 'contacts: case work', table: 'contacts', sql: caseContactsSql(ctx), plans: true },
      { name: 'notes', table: 'notes', sql: notesSql(ctx), plans: true },
      { name: 'assessments', table: 'assessments', sql: assessmentsSql(ctx), plans: true },
      { name: 'notices', table: 'notices', sql: noticesSql(ctx), plans: true },
      { name: 'consents', table: 'consents', sql: consentsSql(ctx), plans: true },
      { name: 'contacts: outreach', table: 'contacts', sql: outreachContactsSql(ctx), plans: true },
      { name: 'goals', table: 'goals', sql: goalsSql(ctx), plans: true },
      { name: 'service enrollments', table: 'service_enrollments', sql: servicesSql(ctx), plans: true },
      { name: 'follow-ups', table: 'follow_ups', sql: followUpsSql(ctx), plans: true },
      {
        name: 'accountability items',
        table: 'accountability_items',
        sql: accountabilitySql(ctx),
        plans: true,
      },
      {
        name: 'school contacts',
        table: 'school_contacts',
        sql: schoolContactsSql(ctx, Math.round(n / 2)),
        plans: false,
      },
      {
        name: 'community events',
        table: 'community_events',
        sql: communityEventsSql(ctx, Math.max(30, Math.round(n / 250))),
        plans: false,
      },
    ];
    const jobs: Job[] = plan.map((s, k) => ({ ...s, staging: `s_${k}_${s.table}`, state: 'queued' }));
    // Staging tables are created now: once the main transaction holds its locks, LIKE could not read the tables.
    for (const j of jobs.slice(2))
      await main.query(`CREATE UNLOGGED TABLE ${j.staging} (LIKE public.${j.table} INCLUDING DEFAULTS)`);

    // The second session: the rest of the plan, then the queue from its front, into staging tables.
    let wake: () => void = () => undefined;
    let changed = new Promise<void>((r) => (wake = r));
    const signal = () => {
      wake();
      changed = new Promise<void>((r) => (wake = r));
    };
    let plansReady = false;
    let helperError: unknown = null;
    const helperWork = (async () => {
      await run(helper, 'plan: referrals', null, referralPlanSql(ctx));
      await helper.query('ANALYZE g_ref (i, key, status)');
      await run(helper, 'plan: cases', null, casePlanSql(ctx));
      await run(helper, 'plan: services', null, servicesPlanSql(ctx));
      await helper.query('ANALYZE g_case (i); ANALYZE g_svc (i)');
      plansReady = true;
      signal();
      for (;;) {
        const job = jobs.slice(2).find((j) => j.state === 'queued');
        if (!job) break;
        job.state = 'computing';
        const sql = job.sql.replace(
          new RegExp(`^\\s*INSERT INTO ${job.table} `),
          `INSERT INTO ${job.staging} `,
        );
        job.rows = await run(helper, job.name, null, sql, '  (second session)');
        job.state = 'computed';
        signal();
      }
    })().catch((error: unknown) => {
      helperError = error;
      signal();
    });

    await main.query('BEGIN');
    inTransaction = true;
    // Per-row foreign-key checks and secondary index updates would dominate the load: the foreign keys of the
    // loaded tables and their non-unique indexes are dropped here and recreated from these same definitions before
    // the commit (the foreign keys validated again over every row). Inside the transaction, a failure restores them.
    t = Date.now();
    const foreignKeys = await loadedForeignKeys(main);
    for (const fk of foreignKeys)
      await main.query(`ALTER TABLE public.${fk.table} DROP CONSTRAINT "${fk.name}"`);
    const indexes = await secondaryIndexes(main);
    for (const ix of indexes) await main.query(`DROP INDEX public."${ix.name}"`);
    // cases.last_contact_at is kept by a statement trigger on contacts: one UPDATE of every case per contacts
    // statement, which with the cases indexes rebuilt cost 100 s. Off for the load; set once below, after the last
    // contacts and before the cases indexes are rebuilt.
    await main.query(`ALTER TABLE public.contacts DISABLE TRIGGER ${LAST_CONTACT_TRIGGER}`);
    // The report facts' queue triggers would queue a youth per loaded row: off for the load, and every fact is worked
    // out once, set-based, after the commit (below).
    const reportQueueTriggers = await reportDirtyTriggers(main);
    for (const q of reportQueueTriggers) await main.query(`ALTER TABLE ${q.table} DISABLE TRIGGER ${q.name}`);
    // With wal_level=minimal (the embedded server as the generator starts it), a table truncated in this transaction
    // is written without WAL and synced at commit. They are empty: refuseOrReset made sure.
    const walMinimal =
      (await main.query<{ w: string }>(`SELECT current_setting('wal_level') AS w`)).rows[0]?.w === 'minimal';
    if (walMinimal)
      await main.query(
        `TRUNCATE ${LOADED_TABLES.filter((x) => x !== 'audit_events')
          .map((x) => `public.${x}`)
          .join(', ')}`,
      );
    line(
      `drop ${foreignKeys.length} foreign keys, ${indexes.length} indexes${walMinimal ? ', truncate (no WAL)' : ''}`,
      null,
      (Date.now() - t) / 1000,
    );

    // As soon as a table holds all its rows, its indexes are rebuilt, and each foreign key is validated once both
    // its tables are complete, while the second session is still computing the later tables.
    const pending = new Map<string, number>();
    for (const s of plan) pending.set(s.table, (pending.get(s.table) ?? 0) + 1);
    // cases completes only once its last_contact_at is set, after the contacts (below).
    pending.set('cases', (pending.get('cases') ?? 0) + 1);
    const complete = (table: string) => !LOADED_TABLES.includes(table as never) || pending.get(table) === 0;
    const validated = new Set<string>();
    const post = { indexes: 0, analyze: 0, foreignKeys: 0 };
    const slow = async (what: string, sql: string) => {
      const s = Date.now();
      await main.query(sql);
      if (Date.now() - s > 10_000) log(`    ${what} ${((Date.now() - s) / 1000).toFixed(1)} s`);
      return (Date.now() - s) / 1000;
    };
    // Statistics are taken here too, inside the transaction: ANALYZE counts the transaction's own rows as live,
    // the foreign-key checks below are then planned on real numbers, and reading the rows now sets no hint bits
    // (with data checksums, the first hint bit on a page after a checkpoint writes the whole page to the WAL).
    const finish = async (table: string) => {
      pending.set(table, (pending.get(table) ?? 1) - 1);
      if (pending.get(table) !== 0) return;
      for (const ix of indexes.filter((x) => x.table === table))
        post.indexes += await slow(ix.name, ix.definition);
      post.analyze += await slow(`analyze ${table}`, `ANALYZE public.${table}`);
      for (const fk of foreignKeys)
        if (!validated.has(fk.name) && complete(fk.table) && complete(fk.references)) {
          post.foreignKeys += await slow(
            fk.name,
            `ALTER TABLE public.${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`,
          );
          validated.add(fk.name);
        }
      if (table === 'contacts') await lastContacts();
    };
    let lastContactsSet = false;
    const lastContacts = async () => {
      if (lastContactsSet) return;
      lastContactsSet = true;
      const s = Date.now();
      const updated = await main.query(
        `UPDATE public.cases c SET last_contact_at = k.at
           FROM (SELECT case_id, max(occurred_at) AS at FROM public.contacts
                  WHERE case_id IS NOT NULL AND result = 'COMPLETED' GROUP BY case_id) k
          WHERE k.case_id = c.id`,
      );
      line('cases: last contact', updated.rowCount ?? 0, (Date.now() - s) / 1000);
      await main.query(`ALTER TABLE public.contacts ENABLE TRIGGER ${LAST_CONTACT_TRIGGER}`);
      await finish('cases');
    };
    const direct = async (job: Job) => {
      job.state = 'direct';
      const count = await run(main, job.name, job.table, job.sql);
      rows[job.table] = (rows[job.table] ?? 0) + count;
      job.state = 'done';
      await finish(job.table);
    };
    for (const job of jobs.slice(0, 2)) await direct(job);
    while (jobs.some((j) => j.state !== 'done')) {
      if (helperError) throw asError(helperError);
      const ready = jobs.find((j) => j.state === 'computed');
      if (ready) {
        // Column by column: a generated column (school_contacts.race_group) takes no value.
        const columns = await insertableColumns(main, ready.table);
        const count = await run(
          main,
          `  copy ${ready.name}`,
          ready.table,
          `INSERT INTO public.${ready.table} (${columns}) SELECT ${columns} FROM ${ready.staging}`,
        );
        rows[ready.table] = (rows[ready.table] ?? 0) + count;
        ready.state = 'done';
        await main.query(`DROP TABLE ${ready.staging}`);
        await finish(ready.table);
        continue;
      }
      const last = [...jobs].reverse().find((j) => j.state === 'queued' && (plansReady || !j.plans));
      if (last) await direct(last);
      else await changed;
    }
    await helperWork;
    if (helperError) throw asError(helperError);
    rows.audit_events = await run(
      main,
      'audit events (hash chain)',
      'audit_events',
      auditSql(ctx, Math.max(100, Math.round(n / 10))),
    );
    await main.query(`SELECT setval('public.referral_number_seq', greatest(1, (SELECT max(i) FROM g_ref0)));
      SELECT setval('public.case_number_seq', greatest(1, (SELECT max(cno) FROM g_case)))`);

    pending.set('audit_events', 1);
    await finish('audit_events');
    await lastContacts(); // (already done unless no contacts were generated)
    line(`recreate ${indexes.length} indexes (as tables completed)`, null, post.indexes);
    line(`analyze (as tables completed)`, null, post.analyze);
    line(`recreate and validate ${validated.size} foreign keys`, null, post.foreignKeys);
    steps.push({ step: 'indexes', table: null, rows: indexes.length, seconds: post.indexes });
    steps.push({ step: 'analyze', table: null, rows: 0, seconds: post.analyze });
    steps.push({ step: 'foreign keys', table: null, rows: validated.size, seconds: post.foreignKeys });
    if (JSON.stringify(await secondaryIndexes(main)) !== JSON.stringify(indexes))
      throw new Error('the rebuilt indexes differ from their definitions: rolled back');
    if (JSON.stringify(await loadedForeignKeys(main)) !== JSON.stringify(foreignKeys))
      throw new Error('the rebuilt foreign keys differ from their definitions: rolled back');

    for (const q of reportQueueTriggers) await main.query(`ALTER TABLE ${q.table} ENABLE TRIGGER ${q.name}`);
    await main.query('ANALYZE public.users');
    t = Date.now();
    await main.query('COMMIT');
    inTransaction = false;
    line('commit', null, (Date.now() - t) / 1000);

    // The outcome reports' facts and rollups, worked out as the API's refresher would (every provider of the
    // generated data runs on the default clocks).
    t = Date.now();
    await main.query(`BEGIN ISOLATION LEVEL REPEATABLE READ; SET LOCAL work_mem = '1GB'`);
    inTransaction = true;
    const youthWithFacts = await rebuildReportFacts(
      async (sql, params) => (await main.query<Record<string, unknown>>(sql, params)).rows,
      nowDate,
      { byProvider: [], defaults: DEFAULT_CLOCKS },
    );
    await main.query('COMMIT');
    inTransaction = false;
    for (const table of ['report_referral_facts', 'report_case_facts', 'report_service_months'])
      await main.query(`ANALYZE public.${table}`);
    line('report facts and rollups', youthWithFacts, (Date.now() - t) / 1000, '  (youth)');
    steps.push({ step: 'report facts', table: null, rows: youthWithFacts, seconds: (Date.now() - t) / 1000 });
  } catch (error) {
    if (inTransaction) await main.query('ROLLBACK').catch(() => undefined);
    await main
      .query('SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = $1', [
        (helper as unknown as { processID: number }).processID,
      ])
      .catch(() => undefined);
    throw error;
  } finally {
    await helper.end().catch(() => undefined);
    await main.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`).catch(() => undefined);
    await main.end();
  }
  const seconds = (Date.now() - started) / 1000;
  line(
    'total',
    Object.values(rows).reduce((s, x) => s + x, 0),
    seconds,
  );
  return { now: nowDate, seed, steps, rows, seconds };
}

/** The row triggers that queue youth for the report facts (migration ReportFacts: `report_mark_dirty()`). */
async function reportDirtyTriggers(client: Client): Promise<{ table: string; name: string }[]> {
  const res = await client.query<{ table: string; name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS table, quote_ident(t.tgname) AS name
       FROM pg_trigger t
       JOIN pg_proc p ON p.oid = t.tgfoid
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE p.proname = 'report_mark_dirty' AND NOT t.tgisinternal
      ORDER BY 1`,
  );
  return res.rows;
}

/** The columns of a public table an INSERT may name (not generated), quoted and comma-separated. */
async function insertableColumns(client: Client, table: string): Promise<string> {
  const res = await client.query<{ cols: string }>(
    `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS cols
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'`,
    [table],
  );
  return res.rows[0]?.cols ?? '*';
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

async function refuseOrReset(client: Client, reset: boolean, log: (line: string) => void): Promise<void> {
  const existing = await client.query<{ t: string }>(
    `SELECT t FROM unnest($1::text[]) t WHERE to_regclass('public.' || t) IS NOT NULL`,
    [YOUTH_DATA],
  );
  const holding: string[] = [];
  for (const { t } of existing.rows) {
    const found = await client.query(`SELECT 1 FROM public.${t} LIMIT 1`);
    if (found.rowCount) holding.push(t);
  }
  if (!holding.length) return;
  if (!reset)
    throw new Error(
      `the database already holds youth data (${holding.join(', ')}); run with --reset to drop the schema and generate from scratch`,
    );
  // audit_events refuses DELETE and TRUNCATE (append-only, hash-chained): the honest way to start over is a fresh
  // schema, as `npm run db:reset` does; the migrations then recreate everything, the audit chain included.
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  log('--reset: schema dropped (audit trail included), migrating from scratch');
}

async function schools(client: Client): Promise<School[]> {
  const res = await client.query<{
    id: string;
    name: string;
    level: string;
    zip: string | null;
    in_cvpd: boolean;
  }>(
    `SELECT id, name, level, zip, in_cvpd_jurisdiction AS in_cvpd FROM public.schools WHERE active ORDER BY name`,
  );
  return res.rows.map((s) => ({ id: s.id, name: s.name, level: s.level, zip: s.zip, inCvpd: s.in_cvpd }));
}

async function reasonCodes(client: Client): Promise<ReasonCode[]> {
  const res = await client.query<{ code: string; kind: string; excluded: boolean }>(
    `SELECT code, kind, excluded_from_diversion AS excluded FROM public.reason_codes WHERE active ORDER BY code`,
  );
  return res.rows;
}

interface Staff {
  police: string;
  provider: string;
  counselors: string[];
  supervisors: string[];
  sros: string[];
  created: number;
}

/**
 * The demo organizations and accounts (as seed-demo.ts makes them, without its small referral and case seed), and
 * staff accounts for the caseload: a counselor for about 40 open cases, a supervisor for 12 counselors, SROs for
 * the schools. All share the demo password and domain (refused in production like the demo accounts); the demo
 * counselors, supervisor and SROs come first in their pools, so they have caseloads too.
 */
async function staff(client: Client, r: Rand, n: number, now: number, passwordHash: string): Promise<Staff> {
  const orgs: Record<string, string> = {};
  for (const [key, org] of Object.entries(DEMO_ORGANIZATIONS)) {
    const res = await client.query<{ id: string }>(
      `INSERT INTO organizations (name, kind) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [org.name, org.kind],
    );
    orgs[key] = res.rows[0]?.id ?? '';
  }
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    const res = await client.query(
      `INSERT INTO users (organization_id, email, display_name, role, password_hash)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING`,
      [orgs[a.org], a.email, a.displayName, a.role, passwordHash],
    );
    created += res.rowCount ?? 0;
  }
  // Open cases are about 7 % of the referrals of two years (cases run ~3 months).
  const counselors = Math.max(2, Math.round((n * 0.07) / 40));
  const supervisors = Math.max(1, Math.round(counselors / 12));
  const sros = Math.min(50, Math.max(2, Math.round(n / 20_000)));
  const pools: { role: string; prefix: string; org: string; demo: string[]; size: number }[] = [
    {
      role: 'COUNSELOR',
      prefix: 'counselor',
      org: orgs.provider ?? '',
      demo: ['counselor', 'counselor2'],
      size: counselors,
    },
    {
      role: 'PROVIDER_SUPERVISOR',
      prefix: 'supervisor',
      org: orgs.provider ?? '',
      demo: ['supervisor'],
      size: supervisors,
    },
    { role: 'SRO', prefix: 'sro', org: orgs.police ?? '', demo: ['sro', 'sro2'], size: sros },
  ];
  const ids: Record<string, string[]> = {};
  for (const p of pools) {
    const k = 'g.n';
    const u = (name: string) => r.u(k, `user.${p.prefix}.${name}`);
    const female = `${u('female')} < 0.6`;
    const given = `CASE WHEN ${u('hispanic')} < 0.55 THEN
        CASE WHEN ${female} THEN ${pick(ADULT_FEMALE, u('given'))} ELSE ${pick(ADULT_MALE, u('given'))} END
      ELSE CASE WHEN ${female} THEN ${pick(ADULT_OTHER_FEMALE, u('given'))} ELSE ${pick(ADULT_OTHER_MALE, u('given'))} END END`;
    const family = `CASE WHEN ${u('hispanic')} < 0.55 THEN ${pickSkewed(HISPANIC_SURNAMES, u('family'), 1.3)}
      ELSE ${pickSkewed(ENGLISH_SURNAMES, u('family'), 1.3)} END`;
    const email = (x: string) => `${p.prefix}-' || lpad(${x}::text, 4, '0') || '@${DEMO_DOMAIN}`;
    const res = await client.query(
      `INSERT INTO users (id, organization_id, email, display_name, role, locale, password_hash, last_login_at,
                          created_at, updated_at)
       SELECT ${r.uid(k, `user.${p.prefix}`)}, $1, '${email(k)}', ${given} || ' ' || ${family}, $2,
              CASE WHEN ${u('locale')} < 0.2 THEN 'es' ELSE 'en' END, $3,
              to_timestamp(${now} - ${u('login')} * ${3 * DAY}), to_timestamp(${now - 760 * DAY}),
              to_timestamp(${now - 760 * DAY})
         FROM generate_series(${p.demo.length + 1}, ${p.size}) g(n)
       ON CONFLICT (email) DO NOTHING`,
      [p.org, p.role, passwordHash],
    );
    created += res.rowCount ?? 0;
    const emails = [
      ...p.demo.map((d) => `${d}@${DEMO_DOMAIN}`),
      ...Array.from(
        { length: Math.max(0, p.size - p.demo.length) },
        (_, i) => `${p.prefix}-${String(i + p.demo.length + 1).padStart(4, '0')}@${DEMO_DOMAIN}`,
      ),
    ];
    const found = await client.query<{ id: string }>(
      `SELECT u.id FROM unnest($1::text[]) WITH ORDINALITY e(email, o) JOIN users u ON u.email = e.email::citext
        ORDER BY e.o`,
      [emails],
    );
    if (found.rowCount !== emails.length) throw new Error(`missing ${p.role} accounts`);
    ids[p.role] = found.rows.map((x) => x.id);
  }
  return {
    police: orgs.police ?? '',
    provider: orgs.provider ?? '',
    counselors: ids.COUNSELOR ?? [],
    supervisors: ids.PROVIDER_SUPERVISOR ?? [],
    sros: ids.SRO ?? [],
    created,
  };
}

export interface ConstraintDefinition {
  table: string;
  name: string;
  definition: string;
  validated: boolean;
  /** The referenced table. */
  references: string;
}

/** The foreign keys of the loaded tables, as the catalog defines them. */
async function loadedForeignKeys(client: Client): Promise<ConstraintDefinition[]> {
  const res = await client.query<ConstraintDefinition>(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition,
            c.convalidated AS validated, c.confrelid::regclass::text AS references
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND t.relname = ANY($1)
      ORDER BY 1, 2`,
    [LOADED_TABLES],
  );
  return res.rows;
}

export interface IndexDefinition {
  table: string;
  name: string;
  definition: string;
}

/** The non-unique indexes of the loaded tables, as pg_indexes defines them (the migrations' definitions). */
async function secondaryIndexes(client: Client): Promise<IndexDefinition[]> {
  const res = await client.query<IndexDefinition>(
    `SELECT tablename AS table, indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = ANY($1) AND indexdef NOT LIKE 'CREATE UNIQUE INDEX %'
      ORDER BY tablename, indexname`,
    [LOADED_TABLES],
  );
  return res.rows;
}

export type { Ctx };
