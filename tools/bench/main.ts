import 'reflect-metadata';
import type { LoginResponse } from '@pathways/contracts';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { loadEnv } from '../../apps/api/src/config/env';
import { resolveDatabase } from '../../apps/api/src/database/database-url';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../apps/api/src/database/seed/seed-demo';
import { readLastRun, type GenerateRun } from '../generate/last-run';
import { API_DIST, InProcessApi } from './capture';
import { load, replayTimes } from './load';
import { ensureFree, listening, sleep, spawnGroup, waitForOk } from './processes';
import { inSequence, isControl, isRead, type Statement } from './replay';
import { chartsCheck, readManifest, SIGN_IN_BUDGET_KB, signInJs } from '../../e2e/support/spa-budget';
import { misspell, percentile, planOf, rowsRead, type RowsRead } from './stats';

const usage =
  () => `usage: npm run bench -- [--quick] [--only ID,...] [--skip-start] [--show-sql] [--explain-all] [--port P]
                              [--start-pg-port P] [--out FILE]

Measures the targets of QUALITY.md "Benchmarks" on the database of DATABASE_URL, or the embedded PostgreSQL under
EMBEDDED_PG_DIR / EMBEDDED_PG_PORT, filled by npm run db:generate -- --referrals N. Prints one table and writes
bench/results/<date>.json (--quick: <date>-quick.json; with --only, its rows replace theirs in that file).

  --quick          fewer requests and shorter runs (a smoke test, not a measure)
  --only ID,...    rows whose id starts with one of these (ids: ${ROW_IDS.join(', ')})
  --skip-start     leave out the npm start row (it builds without the nx cache and starts a fresh database)
  --show-sql       print the SQL captured for each measure (lanes: connections; waits: statements it follows)
  --explain-all    also print the plans of report statements that read more than ${ROWS_READ_LIMIT.toLocaleString('en-US')} rows
  --port P         the API's port (default 3395); the bare server uses P+1, npm start P+2
  --start-pg-port  the fresh embedded PostgreSQL of the npm start row (default 54397)
  --out FILE       write the results there instead`;

/** A query reading more rows than this to return a page gets its plan printed (QUALITY.md). */
const ROWS_READ_LIMIT = 10_000;

interface Options {
  quick: boolean;
  only: string[] | null;
  skipStart: boolean;
  explainAll: boolean;
  showSql: boolean;
  port: number;
  startPgPort: number;
  out: string | null;
}

/** One row of the table and of the JSON file. */
interface Row {
  id: string;
  name: string;
  /** p95 of the API, and of the bare SQL behind it, in milliseconds. */
  apiMs: number | null;
  sqlMs: number | null;
  ratio: number | null;
  target: string;
  /** null: not judged (e.g. a data set smaller than the target's). */
  pass: boolean | null;
  /** The measure in words when it is not a latency (throughput, size, seconds), or details of one. */
  value: string;
  samples?: { api: number; sql: number };
  p50?: { apiMs: number; sqlMs: number };
  /** The most rows one statement of the bare SQL read (EXPLAIN ANALYZE). */
  rowsRead?: number;
  error?: string;
}

type Who = 'sro' | 'supervisor' | 'counselor';

interface Measure {
  id: string;
  name: string;
  who: Who;
  /** The requests of the page, made one after the other. */
  paths: string[];
  /** A page (list, search, case page): plans of statements reading more than ROWS_READ_LIMIT are printed. */
  page: boolean;
  targetMs: number;
  maxRatio: number | null;
  connections: number;
  pages: { full: number; quick: number };
}

interface Facts {
  youthName: { firstName: string; lastName: string; misspelt: string };
  caseId: string;
  timelineSize: number;
}

const LIST = { full: 200, quick: 30 };

function measures(f: Facts): Measure[] {
  const search = `/api/youth/matches?firstName=${encodeURIComponent(f.youthName.firstName)}&lastName=${encodeURIComponent(f.youthName.misspelt)}`;
  const list = { page: true, targetMs: 50, maxRatio: 1.5, connections: 2, pages: LIST };
  return [
    {
      ...list,
      id: 'referrals-sro',
      name: 'referral list: SRO, own, newest first',
      who: 'sro',
      paths: ['/api/referrals?page=1&pageSize=20&sort=receivedAt%3Adesc'],
    },
    {
      ...list,
      id: 'referrals-intake',
      name: 'referral list: supervisor, intake queue, due first',
      who: 'supervisor',
      paths: ['/api/referrals?queue=intake&page=1&pageSize=25&sort=dueServiceStartAt%3Aasc'],
    },
    {
      ...list,
      id: 'referrals-enrolled',
      name: 'referral list: supervisor, ENROLLED, newest first',
      who: 'supervisor',
      paths: ['/api/referrals?page=1&pageSize=20&sort=receivedAt%3Adesc&status=ENROLLED'],
    },
    {
      ...list,
      id: 'cases-counselor',
      name: 'case list: counselor, open, target end first',
      who: 'counselor',
      paths: ['/api/cases?page=1&pageSize=25&sort=targetEndAt%3Aasc&open=true'],
    },
    {
      ...list,
      id: 'cases-supervisor',
      name: 'case list: supervisor, open, target end first',
      who: 'supervisor',
      paths: ['/api/cases?page=1&pageSize=25&sort=targetEndAt%3Aasc&open=true'],
    },
    {
      ...list,
      id: 'youth-search-sro',
      name: `youth search: SRO, "${f.youthName.firstName} ${f.youthName.misspelt}"`,
      who: 'sro',
      paths: [search],
      targetMs: 100,
      maxRatio: null,
    },
    {
      ...list,
      id: 'youth-search-supervisor',
      name: `youth search: supervisor, "${f.youthName.firstName} ${f.youthName.misspelt}"`,
      who: 'supervisor',
      paths: [search],
      targetMs: 100,
      maxRatio: null,
    },
    {
      id: 'case-page',
      name: `case page: counselor, detail + timeline (${f.timelineSize} entries)`,
      who: 'counselor',
      paths: [`/api/cases/${f.caseId}`, `/api/cases/${f.caseId}/timeline`],
      page: true,
      targetMs: 60,
      maxRatio: null,
      connections: 1,
      pages: { full: 100, quick: 15 },
    },
    {
      id: 'outcome-report',
      name: 'outcome report: supervisor, 12 months, all schools',
      who: 'supervisor',
      paths: ['/api/reports/outcomes'],
      page: false,
      targetMs: 500,
      maxRatio: 1.3,
      connections: 1,
      // Counted from the daily rollups (README "Scale"); each sample includes the report's own refresh of the facts.
      pages: { full: 30, quick: 5 },
    },
  ];
}

/** The list whose throughput is compared with a bare server: the SRO's own referrals, the most frequent list. */
const THROUGHPUT_OF = 'referrals-sro';
const LATENCY_IDS = [
  'referrals-sro',
  'referrals-intake',
  'referrals-enrolled',
  'cases-counselor',
  'cases-supervisor',
  'youth-search-sro',
  'youth-search-supervisor',
  'case-page',
  'outcome-report',
];
const ROW_IDS = [...LATENCY_IDS, 'referrals-throughput', 'generate', 'spa-sign-in', 'spa-charts', 'start'];

function parseArgs(argv: string[]): Options {
  const o: Options = {
    quick: false,
    only: null,
    skipStart: false,
    explainAll: false,
    showSql: false,
    port: 3395,
    startPgPort: 54397,
    out: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n\n${usage()}`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--only') o.only = value().split(',').filter(Boolean);
    else if (a === '--skip-start') o.skipStart = true;
    else if (a === '--explain-all') o.explainAll = true;
    else if (a === '--show-sql') o.showSql = true;
    else if (a === '--port') o.port = Number(value());
    else if (a === '--start-pg-port') o.startPgPort = Number(value());
    else if (a === '--out') o.out = value();
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n\n${usage()}`);
  }
  const unknown = (o.only ?? []).filter((x) => !ROW_IDS.some((id) => id.startsWith(x)));
  if (unknown.length) throw new Error(`--only: no row id starts with ${unknown.join(', ')}\n\n${usage()}`);
  return o;
}

const log = (line: string) => console.log(`[bench] ${line}`);
const ms = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x)
    ? '—'
    : x < 10
      ? x.toFixed(2)
      : x < 100
        ? x.toFixed(1)
        : x.toFixed(0);
const int = (x: number) => Math.round(x).toLocaleString('en-US');

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const wanted = (id: string) => !opts.only || opts.only.some((x) => id.startsWith(x));
  const startedAt = new Date();
  const work = mkdtempSync(join(tmpdir(), 'pathways-bench-'));
  const rows: Row[] = [];
  const plans: string[] = [];
  let failed = false;
  const fail = (row: Row, error: unknown) => {
    failed = true;
    row.error = error instanceof Error ? error.message : String(error);
    row.pass = false;
    log(`${row.name}: ERROR ${row.error}`);
  };

  const base = `http://127.0.0.1:${opts.port}`;
  const latencyWanted = LATENCY_IDS.some(wanted);
  const throughputWanted = wanted('referrals-throughput');
  const spaWanted = wanted('spa-sign-in') || wanted('spa-charts');
  const needApi = latencyWanted || throughputWanted || spaWanted;

  log(`logs in ${work}`);
  if (needApi) {
    await ensureFree(opts.port, 'API');
    if (throughputWanted) await ensureFree(opts.port + 1, 'bare server');
    log('building the API and the SPA if they changed (nx run-many -t build -p api web)');
    const build = spawnSync(
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    if (build.status !== 0)
      throw new Error(`the build failed:\n${(build.stdout + build.stderr).slice(-3000)}`);
  }

  const env = loadEnv();
  let meta: Record<string, unknown> = { startedAt: startedAt.toISOString(), quick: opts.quick };
  // Only the rows on the data open the database (the npm start row starts its own).
  if (needApi || wanted('generate')) {
    const { url, embedded } = await resolveDatabase(env, log);
    const pool = new Pool({ connectionString: url, max: 10, application_name: 'pathways-bench' });
    let api: ReturnType<typeof spawnGroup> | null = null;
    try {
      const count = async (sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
      const referrals = await count('SELECT count(*) AS n FROM referrals');
      if (!referrals)
        throw new Error('the database holds no referrals: run npm run db:generate -- --referrals N first');
      const client = await pool.connect();
      const generated = await readLastRun(client).finally(() => client.release());
      log(
        `database: ${int(referrals)} referrals${generated ? `, generated with --referrals ${int(generated.referrals)}` : ''}`,
      );
      meta = {
        ...meta,
        referrals,
        cases: await count('SELECT count(*) AS n FROM cases'),
        generated,
        node: process.version,
        cpus: cpus().length,
        commit: git(['rev-parse', '--short', 'HEAD']),
        dirty: git(['status', '--porcelain']) !== '',
      };

      if (needApi) {
        log(`starting the API on ${base}`);
        api = spawnGroup(process.execPath, [join(API_DIST, 'main.js')], {
          env: {
            ...process.env,
            PORT: String(opts.port),
            HOST: '127.0.0.1',
            DATABASE_URL: url,
            SEED_DEMO: 'false',
          },
          log: join(work, 'api.log'),
        });
        await waitForOk(`${base}/api/health`, api, 180_000);
      }

      if (latencyWanted || throughputWanted) {
        const tokens: Partial<Record<Who, string>> = {};
        const tokenOf = async (who: Who) => (tokens[who] ??= await signIn(base, who));
        const facts = await pickFacts(pool);
        const all = measures(facts);
        if (all.map((m) => m.id).join() !== LATENCY_IDS.join())
          throw new Error('LATENCY_IDS differ from measures()');
        const selected = all.filter((m) => wanted(m.id) || (throughputWanted && m.id === THROUGHPUT_OF));
        // The SQL of each measured request, captured once from the built API running in this process.
        log('capturing the SQL of each request (the built API in process, through Fastify inject)');
        const captured = new Map<string, Statement[]>();
        const inProcess = await InProcessApi.start(url);
        try {
          for (const m of selected) {
            const token = await tokenOf(m.who);
            let statements: Statement[] = [];
            const excluded: string[] = [];
            for (const path of m.paths) {
              const request = await inProcess.statementsOf(path, token);
              statements = inSequence(statements, request.statements);
              excluded.push(...request.excluded);
            }
            captured.set(m.id, statements);
            if (opts.showSql) printStatements(m.name, statements, excluded);
          }
        } finally {
          await inProcess.close();
        }

        for (const m of selected.filter((x) => wanted(x.id))) {
          const row = newRow(
            m.id,
            m.name,
            `≤ ${m.targetMs} ms${m.maxRatio ? `; ≤ ${m.maxRatio} × SQL` : ''}`,
          );
          rows.push(row);
          try {
            await measureLatency(m, row, {
              base,
              pool,
              token: await tokenOf(m.who),
              statements: captured.get(m.id) ?? [],
              opts,
              plans,
            });
          } catch (error) {
            fail(row, error);
          }
        }

        if (throughputWanted) {
          const m = all.find((x) => x.id === THROUGHPUT_OF);
          const row = newRow(
            'referrals-throughput',
            'referral list throughput, 50 connections (SRO list)',
            '≥ 60 % of bare node:http + pg',
          );
          rows.push(row);
          try {
            if (!m) throw new Error(`no measure ${THROUGHPUT_OF}`);
            await measureThroughput(m, row, {
              base,
              url,
              token: await tokenOf(m.who),
              statements: captured.get(m.id) ?? [],
              opts,
              work,
            });
          } catch (error) {
            fail(row, error);
          }
        }
      }

      if (wanted('generate')) {
        const row = generationRow(generated, referrals);
        rows.push(row);
        log(`${row.name}: ${row.value}`);
      }

      if (spaWanted) {
        const spa = newRow(
          'spa-sign-in',
          'SPA: JavaScript before the sign-in screen is usable',
          '≤ 250 KB gzipped',
        );
        try {
          rows.push(...(await spaRows(base, resolve(env.WEB_DIST), wanted)));
        } catch (error) {
          rows.push(spa);
          fail(spa, error);
        }
      }
    } finally {
      if (api) {
        log('stopping the API');
        await api.stop();
      }
      await pool.end();
      if (embedded) {
        log('stopping the embedded PostgreSQL');
        await embedded.stop();
      }
    }
  }

  if (wanted('start') && !opts.skipStart) {
    const row = newRow(
      'start',
      'npm start on a fresh machine (build, initdb, migrate, seed)',
      'serving in ≤ 60 s',
    );
    rows.push(row);
    try {
      const seconds = await measureStart(opts, work);
      row.value = `${seconds.toFixed(1)} s to GET /api/health 200`;
      row.pass = seconds <= 60;
      log(`${row.name}: ${row.value}`);
    } catch (error) {
      fail(row, error);
    }
  }

  printTable(rows);
  for (const p of plans) console.log(p);
  const file = writeResults(rows, meta, opts, startedAt);
  log(`results: ${file}`);
  if (failed) {
    log(`some measures failed; logs kept in ${work}`);
    process.exitCode = 1;
  } else rmSync(work, { recursive: true, force: true });
}

/** A row before its measure. */
function newRow(id: string, name: string, target: string): Row {
  return { id, name, apiMs: null, sqlMs: null, ratio: null, target, pass: null, value: '' };
}

/** The generator's record of the data (tools/generate/last-run.ts): judged only for a run of 1M or more. */
function generationRow(generated: GenerateRun | null, referrals: number): Row {
  const row = newRow('generate', 'data generation, 1M referrals', '≤ 300 s for 1M');
  if (!generated) {
    row.value = 'no record (generated before runs were recorded): run npm run db:generate again';
    return row;
  }
  const perMillion = (generated.seconds * 1_000_000) / generated.referrals;
  const scale = (1_000_000 / generated.referrals).toFixed(0);
  row.value =
    generated.referrals >= 1_000_000
      ? `${generated.seconds.toFixed(0)} s for ${int(generated.referrals)} referrals`
      : `${generated.seconds.toFixed(1)} s for ${int(generated.referrals)} referrals (× ${scale} ≈ ${perMillion.toFixed(0)} s per 1M, linear: not judged)`;
  row.pass = generated.referrals >= 1_000_000 ? perMillion <= 300 : null;
  if (generated.referrals !== referrals) row.value += `; the database now holds ${int(referrals)} referrals`;
  return row;
}

/** The SPA rows: its JavaScript before the sign-in screen (judged on the app's address), and where charts load. */
async function spaRows(base: string, dist: string, wanted: (id: string) => boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const manifest = readManifest(dist);
  const signIn = await signInJs(base, dist, manifest);
  const kb = (x: { gzipBytes: number }) => x.gzipBytes / 1024;
  for (const v of signIn)
    log(
      `SPA, ${v.how}: ${kb(v).toFixed(1)} KB gzipped: ${v.files.map((f) => f.file.replace(/^assets\//, '')).join(' ')}`,
    );
  if (wanted('spa-sign-in')) {
    const row = newRow(
      'spa-sign-in',
      'SPA: JavaScript before the sign-in screen is usable',
      '≤ 250 KB gzipped',
    );
    const first = signIn[0];
    row.pass = first ? kb(first) <= SIGN_IN_BUDGET_KB : false;
    row.value = signIn
      .map((v) => `${kb(v).toFixed(1)} KB gzipped in ${v.files.length} files (${v.how})`)
      .join('; ');
    rows.push(row);
  }
  if (wanted('spa-charts')) {
    const row = newRow(
      'spa-charts',
      'SPA: charts (recharts) only on report routes',
      'charts load only on report routes',
    );
    const charts = chartsCheck(dist, manifest, signIn);
    const routes = charts.routes.map((r) => r.replace(/^src\/app\/routes\/|\.tsx$/g, '')).join(', ');
    row.pass = charts.chartFiles.length > 0 && charts.offending.length === 0;
    row.value = charts.chartFiles.length
      ? `recharts in ${charts.chartFiles.join(', ')}; loaded by ${routes || 'no route'}${charts.offending.length ? `; also by ${charts.offending.join(', ')}` : ''}`
      : 'no chunk contains recharts (source maps missing?)';
    rows.push(row);
  }
  return rows;
}

function git(args: string[]): string | null {
  const res = spawnSync('git', args, { encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : null;
}

async function signIn(base: string, who: Who): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${who}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as Partial<LoginResponse>;
  if (res.status !== 200 || !body.token)
    throw new Error(`sign-in as ${who}@${DEMO_DOMAIN}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  return body.token;
}

/**
 * Inputs of the measures, from the data: the most common youth name (its surname misspelt by swapping two middle
 * letters), and the demo counselor's case with the median timeline (status changes, contacts and notes).
 */
async function pickFacts(pool: Pool): Promise<Facts> {
  const name = await pool.query<{ first_name: string; last_name: string }>(
    `SELECT first_name, last_name FROM youth GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1`,
  );
  const youth = name.rows[0];
  if (!youth) throw new Error('no youth in the database');
  const c = await pool.query<{ id: string; n: number }>(
    `WITH c AS (
       SELECT c.id, (SELECT count(*) FROM case_events e WHERE e.case_id = c.id)
                  + (SELECT count(*) FROM contacts k WHERE k.case_id = c.id OR k.referral_id = c.referral_id)
                  + (SELECT count(*) FROM notes n WHERE n.case_id = c.id) AS n
       FROM cases c JOIN users u ON u.id = c.primary_counselor_id WHERE u.email = $1)
     SELECT id, n::int AS n FROM c ORDER BY n, id OFFSET (SELECT count(*) / 2 FROM c) LIMIT 1`,
    [`counselor@${DEMO_DOMAIN}`],
  );
  const found = c.rows[0];
  if (!found) throw new Error(`counselor@${DEMO_DOMAIN} has no case`);
  return {
    youthName: {
      firstName: youth.first_name,
      lastName: youth.last_name,
      misspelt: misspell(youth.last_name),
    },
    caseId: found.id,
    timelineSize: found.n,
  };
}

interface LatencyContext {
  base: string;
  pool: Pool;
  token: string;
  statements: Statement[];
  opts: Options;
  plans: string[];
}

/** API p95 (autocannon, after warm-up) and the bare SQL p95 (the captured statements through pg), then EXPLAIN. */
async function measureLatency(m: Measure, row: Row, c: LatencyContext): Promise<void> {
  const pages = c.opts.quick ? m.pages.quick : m.pages.full;
  const warm = Math.max(1, Math.round(pages / 10));
  const maxSeconds = c.opts.quick ? 20 : 90;
  const headers = { cookie: `sid=${c.token}` };
  const kind = m.paths.length > 1 ? `pages of ${m.paths.length} requests` : 'requests';
  log(`${m.name}: warm-up, then ${pages} ${kind} on ${m.connections} connection(s)`);
  await load({ base: c.base, paths: m.paths, headers, connections: m.connections, pages: warm });
  const api = await load({
    base: c.base,
    paths: m.paths,
    headers,
    connections: m.connections,
    pages,
    maxSeconds,
  });
  // A failing API (e.g. its 30 s statement timeout) fails the row, after the bare SQL and its plan are measured.
  const apiFailure =
    api.non2xx || api.errors
      ? `the API answered ${api.non2xx} non-2xx responses (${api.statuses}) and ${api.errors} errors or timeouts`
      : null;
  await replayTimes(c.pool, c.statements, { runs: warm, concurrency: m.connections });
  const sql = await replayTimes(c.pool, c.statements, {
    runs: pages,
    concurrency: m.connections,
    maxSeconds,
  });
  row.sqlMs = percentile(sql, 95);
  row.samples = { api: api.pages.length, sql: sql.length };
  row.p50 = { apiMs: apiFailure ? NaN : percentile(api.pages, 50), sqlMs: percentile(sql, 50) };
  if (!apiFailure) {
    row.apiMs = percentile(api.pages, 95);
    row.ratio = row.apiMs / row.sqlMs;
    row.pass = row.apiMs <= m.targetMs && (m.maxRatio === null || row.ratio <= m.maxRatio);
  }

  const explained = await explain(
    c.pool,
    c.statements,
    (read) => read > ROWS_READ_LIMIT && (m.page || c.opts.explainAll),
  );
  row.rowsRead = Math.max(0, ...explained.map((e) => e.read.total));
  const reads = c.statements.filter((s) => isRead(s.text)).length;
  row.value = `p50 ${ms(row.p50.apiMs)} / ${ms(row.p50.sqlMs)} ms; n ${api.pages.length}/${sql.length}; ${c.statements.length} statements (${reads} reads); max rows read ${int(row.rowsRead)}`;
  log(`${m.name}: API p95 ${ms(row.apiMs)} ms, SQL p95 ${ms(row.sqlMs)} ms (${row.value})`);
  for (const e of explained.filter((x) => x.plan)) {
    c.plans.push(
      [
        '',
        `── ${m.name}: statement ${e.index + 1} of ${c.statements.length} read ${int(e.read.total)} rows (${e.read.byTable
          .map((t) => `${t.table} ${int(t.rows)}`)
          .join(', ')})`,
        e.text.replace(/\s+/g, ' ').trim(),
        ...(e.values?.length ? [`parameters: ${JSON.stringify(e.values)}`] : []),
        e.plan ?? '',
      ].join('\n'),
    );
  }
  if (apiFailure) throw new Error(apiFailure);
}

interface Explained {
  index: number;
  text: string;
  values?: unknown[];
  read: RowsRead;
  plan?: string;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every read of the captured SQL, each lane on its own connection with its transaction
 * control and settings run as captured (a SET LOCAL changes plans) and its writes left out. The TEXT plan is taken
 * for the statements `wantPlan` picks by the rows they read.
 */
async function explain(
  pool: Pool,
  statements: readonly Statement[],
  wantPlan: (rowsRead: number) => boolean,
): Promise<Explained[]> {
  const out: Explained[] = [];
  for (const lane of [...new Set(statements.map((s) => s.lane))]) {
    const client = await pool.connect();
    let broken = false;
    try {
      for (const [index, s] of statements.entries()) {
        if (s.lane !== lane) continue;
        if (isControl(s.text)) {
          await client.query({ text: s.text, values: s.values });
          continue;
        }
        if (!isRead(s.text)) continue;
        const json = await client.query<{ 'QUERY PLAN': unknown }>({
          text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.text}`,
          values: s.values,
        });
        const read = rowsRead(planOf(json.rows[0]?.['QUERY PLAN']));
        let plan: string | undefined;
        if (wantPlan(read.total)) {
          const text = await client.query<{ 'QUERY PLAN': string }>({
            text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`,
            values: s.values,
          });
          plan = text.rows.map((r) => r['QUERY PLAN']).join('\n');
        }
        out.push({ index, text: s.text, values: s.values, read, plan });
      }
    } catch (error) {
      broken = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(broken);
    }
  }
  return out;
}

/** Requests per second of the API and of a bare node:http + pg server running the same SQL, 50 connections each. */
async function measureThroughput(
  m: Measure,
  row: Row,
  c: { base: string; url: string; token: string; statements: Statement[]; opts: Options; work: string },
): Promise<void> {
  const duration = c.opts.quick ? 3 : 10;
  const path = m.paths[0] ?? '';
  const rate = async (base: string, headers: Record<string, string>) => {
    await load({ base, paths: [path], headers, connections: 50, duration: c.opts.quick ? 1 : 3 });
    const res = await load({ base, paths: [path], headers, connections: 50, duration });
    if (res.non2xx || res.errors)
      throw new Error(`${base}: ${res.non2xx} non-2xx responses, ${res.errors} errors`);
    return { rps: res.requests2xx / res.seconds, p95: percentile(res.pages, 95) };
  };
  log(`${row.name}: the API, ${duration} s`);
  const apiRate = await rate(c.base, { cookie: `sid=${c.token}` });
  const port = c.opts.port + 1;
  const config = join(c.work, 'bare-server.json');
  // The API's pool size (DB_POOL_MAX, 20 by default) for the bare server too.
  const poolMax = loadEnv().DB_POOL_MAX;
  writeFileSync(config, JSON.stringify({ port, url: c.url, poolMax, statements: c.statements }));
  const bare = spawnGroup(
    process.execPath,
    ['-r', './tools/ts-node.cjs', 'tools/bench/bare-server.ts', config],
    { env: process.env, log: join(c.work, 'bare-server.log') },
  );
  let bareRate: { rps: number; p95: number };
  try {
    await waitForOk(`http://127.0.0.1:${port}/`, bare, 60_000);
    log(`${row.name}: the bare node:http + pg server, ${duration} s`);
    bareRate = await rate(`http://127.0.0.1:${port}`, {});
  } finally {
    await bare.stop();
  }
  row.ratio = apiRate.rps / bareRate.rps;
  row.pass = row.ratio >= 0.6;
  row.value = `API ${int(apiRate.rps)} req/s (p95 ${ms(apiRate.p95)} ms), bare ${int(bareRate.rps)} req/s (p95 ${ms(bareRate.p95)} ms)`;
  log(`${row.name}: ${row.value}`);
}

/**
 * `npm start` as on a machine that has run npm install and nothing else: no nx cache (NX_SKIP_NX_CACHE), a new
 * embedded database directory (initdb, migrations, seeds). Timed from the spawn to GET /api/health answering 200;
 * then SIGTERM to its process group, and the directory is removed.
 */
async function measureStart(opts: Options, work: string): Promise<number> {
  const port = opts.port + 2;
  await ensureFree(port, 'npm start');
  await ensureFree(opts.startPgPort, 'npm start PostgreSQL');
  const dir = resolve(`.data/pg-bench-start-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(resolve('.data'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_DIR: dir,
    EMBEDDED_PG_PORT: String(opts.startPgPort),
    NX_SKIP_NX_CACHE: 'true',
  };
  delete env.DATABASE_URL;
  delete env.SEED_DEMO;
  log(
    `npm start with a fresh database in ${dir} (port ${port}, PostgreSQL ${opts.startPgPort}), no nx cache`,
  );
  const t0 = performance.now();
  const child = spawnGroup('npm', ['start'], { env, log: join(work, 'npm-start.log') });
  try {
    await waitForOk(`http://127.0.0.1:${port}/api/health`, child, 300_000);
    return (performance.now() - t0) / 1000;
  } finally {
    await child.stop();
    for (let i = 0; i < 100 && (await listening(opts.startPgPort)); i++) await sleep(200);
    if (await listening(opts.startPgPort))
      log(`warning: something still listens on ${opts.startPgPort} after npm start stopped`);
    rmSync(dir, { recursive: true, force: true });
  }
}

function printStatements(name: string, statements: readonly Statement[], excluded: string[]): void {
  const short = (text: string) => {
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length > 160 ? `${t.slice(0, 160)}…` : t;
  };
  console.log(`\n── ${name}: ${statements.length} statements`);
  for (const text of excluded) console.log(`     left out (the guard's): ${short(text)}`);
  for (const [i, s] of statements.entries()) {
    const waits = s.after.length ? `after ${s.after.map((j) => j + 1).join(',')}` : 'first';
    console.log(`${String(i + 1).padStart(3)}. lane ${s.lane}, ${waits}: ${short(s.text)}`);
    if (s.values?.length) console.log(`     parameters: ${JSON.stringify(s.values).slice(0, 200)}`);
  }
}

function printTable(rows: Row[]): void {
  const cells = rows.map((r) => [
    r.name,
    ms(r.apiMs),
    ms(r.sqlMs),
    r.ratio === null ? '—' : r.ratio.toFixed(2),
    r.target,
    r.error ? 'ERROR' : r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL',
    r.error ?? r.value,
  ]);
  const head = ['measure', 'API p95 ms', 'SQL p95 ms', 'ratio', 'target', 'pass', 'measured'];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const right = new Set([1, 2, 3]);
  const line = (c: string[]) =>
    c
      .map((x, i) =>
        i === c.length - 1 ? x : right.has(i) ? x.padStart(width[i] ?? 0) : x.padEnd(width[i] ?? 0),
      )
      .join('  ');
  console.log('');
  console.log(line(head));
  console.log(line(width.map((w, i) => '-'.repeat(i === head.length - 1 ? (head[i]?.length ?? 0) : w))));
  for (const c of cells) console.log(line(c));
}

function writeResults(rows: Row[], meta: Record<string, unknown>, opts: Options, startedAt: Date): string {
  const date = startedAt.toLocaleDateString('en-CA');
  const file = resolve(opts.out ?? join('bench/results', `${date}${opts.quick ? '-quick' : ''}.json`));
  let all: Row[] = rows;
  // A partial run (--only) replaces its rows in the day's file and keeps the others.
  if (opts.only && existsSync(file)) {
    const before = (JSON.parse(readFileSync(file, 'utf8')) as { rows?: Row[] }).rows ?? [];
    const ids = new Set(rows.map((r) => r.id));
    all = [...before.filter((r) => !ids.has(r.id)), ...rows].sort(
      (a, b) => ROW_IDS.indexOf(a.id) - ROW_IDS.indexOf(b.id),
    );
  }
  const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
  const out = {
    rows: all.map((r) => ({
      ...r,
      apiMs: round(r.apiMs),
      sqlMs: round(r.sqlMs),
      ratio: round(r.ratio),
      ...(r.p50 ? { p50: { apiMs: round(r.p50.apiMs), sqlMs: round(r.p50.sqlMs) } } : {}),
    })),
    meta,
  };
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(out, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return file;
}

main().then(
  // Nothing else to wait for (a library's timer or socket must not keep the process up).
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
