import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { type Account, ensureLoadAccounts } from '../load/accounts';
import { ApiClient, type Outcome, Recorder, sleep } from '../load/http';
import { startLoad } from '../load/run';
import { Stack } from '../load/stack';
import { type Check, verifyAuditChain, verifyLedger } from '../load/verify';
import { partialWrites, writtenSince } from './consistency';
import { type Attempt, consentPending, enrollAttempt, every, referralAttempt, send, signIn } from './probes';

const usage =
  () => `usage: npm run faults -- [--only db|sigterm] [--users N] [--outage S] [--port P] [--pg-port P]
                          [--pg-dir DIR] [--fresh]

QUALITY.md's fault tests, on loopback, each printing a PASS/FAIL line (exit code 1 when one fails):

  db       PostgreSQL stopped under load: /api/health answers 503, every request is answered 503 within 5 s (none
           hangs, none is a 500), the API recovers by itself when the database is back, and no write is partial
           (every referral, case, contact and enrollment has all its rows; the failed creates and enrollments,
           retried with their Idempotency-Key, are each stored once).
  sigterm  SIGTERM under load: requests in flight finish normally, later ones are refused (503 or connection
           refused, fast), the process exits 0.

  --only X     one scenario
  --users N    virtual users of the background load (default 20)
  --outage S   seconds the database stays down (default 8)
  --port P     the API's port (default 3432); --pg-port P: embedded PostgreSQL's (default 55433)
  --pg-dir DIR its data directory (default .data/res-faults); --fresh: start it empty

It starts embedded PostgreSQL (owned by this process, so it can stop it) and the built API (npm run build first).`;

interface Options {
  only: 'db' | 'sigterm' | null;
  users: number;
  outageS: number;
  port: number;
  pgPort: number;
  pgDir: string;
  fresh: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    only: null,
    users: 20,
    outageS: 8,
    port: 3432,
    pgPort: 55433,
    pgDir: '.data/res-faults',
    fresh: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n\n${usage()}`);
      return v;
    };
    if (a === '--only') {
      const v = value();
      if (v !== 'db' && v !== 'sigterm') throw new Error(`--only db or --only sigterm\n\n${usage()}`);
      o.only = v;
    } else if (a === '--users') o.users = Number(value());
    else if (a === '--outage') o.outageS = Number(value());
    else if (a === '--port') o.port = Number(value());
    else if (a === '--pg-port') o.pgPort = Number(value());
    else if (a === '--pg-dir') o.pgDir = value();
    else if (a === '--fresh') o.fresh = true;
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n\n${usage()}`);
  }
  return o;
}

const t0 = Date.now();
const log = (line: string) => console.log(`[faults ${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}`);
const s = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;
const HANG_MS = 5000;

interface Result {
  name: string;
  checks: Check[];
  figures: string;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const results: Result[] = [];
  const stack = await Stack.start({
    port: o.port,
    pgPort: o.pgPort,
    pgDir: o.pgDir,
    fresh: o.fresh,
    apiEnv: { LOGIN_RATE_LIMIT_PER_IP: String(Math.max(30, o.users * 4)) },
    log,
  });
  let passed = false;
  try {
    const accounts = await ensureLoadAccounts(stack.dbUrl, o.users);
    if (o.only !== 'sigterm') results.push(await databaseOutage(stack, accounts, o));
    if (o.only !== 'db') results.push(await sigterm(stack, accounts));
    passed = results.every((r) => r.checks.every((c) => c.ok));
    for (const r of results) {
      const failed = r.checks.filter((c) => !c.ok);
      console.log(
        failed.length
          ? `FAIL faults/${r.name}: ${failed.map((c) => `${c.name} (${c.detail})`).join('; ')}`
          : `PASS faults/${r.name}: ${r.figures}`,
      );
    }
  } finally {
    log('stopping');
    await stack.stop();
    if (passed) stack.cleanLogs();
    else log(`API logs kept in ${stack.logDir}`);
  }
  // Exit now: stopping the API leaves a 30 s fallback timer of tools/bench/processes.ts running.
  process.exit(passed ? 0 : 1);
}

/** Schools and a reason code for the probes' referrals. */
async function catalogOf(api: ApiClient, token: string): Promise<{ schoolId: string; reasonCode: string }> {
  const schools = await api.call<{ id: string; inCvpdJurisdiction: boolean; active: boolean }[]>(
    'list',
    'GET',
    '/api/schools',
    { token },
  );
  const codes = await api.call<{ code: string; kind: string; excludedFromDiversion: boolean }[]>(
    'list',
    'GET',
    '/api/reason-codes',
    { token },
  );
  const school = schools.body.find((x) => x.active && x.inCvpdJurisdiction);
  const code = codes.body.find((x) => !x.excludedFromDiversion && x.kind === 'OFFENSE');
  if (!school || !code) throw new Error('no school or reason code in the catalog');
  return { schoolId: school.id, reasonCode: code.code };
}

const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail });

/**
 * (a) PostgreSQL stopped under load. A background load of `users` users, a health probe every 200 ms, a referral
 * create every 300 ms and an enrollment every 1.5 s (each with an Idempotency-Key) run while the database is
 * stopped for `outageS` seconds and started again.
 */
async function databaseOutage(stack: Stack, accounts: Account[], o: Options): Promise<Result> {
  log(`db: PostgreSQL stopped for ${o.outageS} s under a load of ${accounts.length} users`);
  const recorder = new Recorder();
  const api = new ApiClient(stack.base, recorder, 15_000);
  const tokens = {
    sro: await signIn(api, 'sro'),
    supervisor: await signIn(api, 'supervisor'),
    counselor: await signIn(api, 'counselor'),
  };
  const catalog = await catalogOf(api, tokens.sro);
  const targets = await consentPending(api, tokens, catalog, 6);
  const since = new Date(Date.now() - 1000);
  const startedAt = performance.now();
  recorder.outcomes.length = 0;

  const load = startLoad({
    base: stack.base,
    accounts,
    durationMs: 120_000,
    thinkMs: 300,
    rampMs: 2000,
    recorder,
  });
  const health = every(api, 'health', '/api/health', 200);
  const attempts: Attempt[] = [];
  let writing = true;
  const writes = (async () => {
    while (writing) {
      attempts.push(await send(api, referralAttempt(tokens.sro, catalog.schoolId, catalog.reasonCode)));
      await sleep(300);
    }
  })();
  let enrolling = false;
  const enrollments = (async () => {
    while (!enrolling && writing) await sleep(50);
    for (const target of targets) {
      if (!writing) break;
      attempts.push(await send(api, enrollAttempt(tokens.counselor, target)));
      await sleep(1500);
    }
  })();

  await sleep(4000);
  enrolling = true;
  await sleep(1000);
  const stop0 = performance.now();
  await stack.stopDatabase();
  const stop1 = performance.now();
  log(`db: PostgreSQL stopped (${s(stop1 - stop0)})`);
  await sleep(o.outageS * 1000);
  const start0 = performance.now();
  await stack.startDatabase();
  const start1 = performance.now();
  log(`db: PostgreSQL started again (${s(start1 - start0)})`);
  let healthy = NaN;
  for (const deadline = performance.now() + 60_000; performance.now() < deadline;) {
    const ok = recorder.outcomes.find((x) => x.group === 'health' && x.status === 200 && x.sentAt >= start1);
    if (ok) {
      healthy = ok.endedAt;
      break;
    }
    await sleep(50);
  }
  log(
    Number.isNaN(healthy)
      ? 'db: no recovery within 60 s'
      : `db: healthy again ${s(healthy - start1)} after the start`,
  );
  await sleep(6000);
  writing = false;
  load.stop();
  await Promise.all([writes, enrollments, health.stop()]);
  const run = await load.done;
  const endedAt = performance.now();

  // The failed creates and enrollments, retried with their keys now that the database is back.
  const failed = attempts.filter((a) => a.status !== 201);
  const retried = await Promise.all(failed.map((a) => send(api, { ...a })));
  const stillFailing = retried.filter((a) => a.status !== 201);
  log(
    `db: ${attempts.length} probe writes (${failed.length} failed during the outage), retried: ${retried.length - stillFailing.length} stored`,
  );

  const all = recorder.outcomes.filter((x) => x.sentAt >= startedAt && x.sentAt <= endedAt);
  const outage = all.filter((x) => x.sentAt >= stop1 && x.sentAt < start0);
  const aroundOutage = all.filter(
    (x) => x.sentAt >= stop0 && x.sentAt < (Number.isNaN(healthy) ? endedAt : healthy),
  );
  const after = all.filter((x) => !Number.isNaN(healthy) && x.sentAt > healthy + 1000);
  const not503 = (x: Outcome) => x.status >= 500 && x.status !== 503;
  const healthDown = outage.filter((x) => x.group === 'health');
  const firstHealth503 = all.find((x) => x.group === 'health' && x.status === 503 && x.sentAt >= stop0);
  const slowest = Math.max(0, ...aroundOutage.map((x) => x.ms));
  const outage503 = outage.filter((x) => x.status === 503).length;
  const retryAfter = failed.some((a) => a.retryAfter !== undefined && a.retryAfter !== null);

  const stored = await storedOnce(stack.dbUrl, attempts);
  const partial = await partialWrites(stack.dbUrl, since);
  const written = await writtenSince(stack.dbUrl, since);
  const ledger = await verifyLedger(run.world.ledger, stack.dbUrl, stack.base);
  const checks: Check[] = [
    check(
      'health answers 503 while the database is down',
      healthDown.length > 0 && healthDown.every((x) => x.status === 503),
      `${healthDown.filter((x) => x.status === 503).length}/${healthDown.length} probes 503; first 503 ${firstHealth503 ? s(firstHealth503.endedAt - stop0) : '—'} after the stop began`,
    ),
    check(
      'requests fail fast with 503 (none hangs past 5 s, none is a 500)',
      outage503 > 0 && slowest <= HANG_MS && !aroundOutage.some((x) => x.status === 0 || not503(x)),
      `${outage503}/${outage.length} requests during the outage 503; slowest answer ${s(slowest)}; ${aroundOutage.filter((x) => x.status === 0).length} unanswered; ${aroundOutage.filter(not503).length} other 5xx`,
    ),
    check(
      '503 carries Retry-After',
      retryAfter,
      retryAfter ? 'yes' : 'no Retry-After header on a refused write',
    ),
    check(
      'the API recovers by itself',
      !Number.isNaN(healthy) && healthy - start1 <= 30_000,
      Number.isNaN(healthy)
        ? 'health never 200 again'
        : `health 200 ${s(healthy - start1)} after PostgreSQL was ready`,
    ),
    check(
      'no errors after recovery',
      after.length > 0 && !after.some((x) => x.status === 0 || x.status >= 500),
      `${after.filter((x) => x.status === 0 || x.status >= 500).length} of ${after.length} requests after recovery failed`,
    ),
    check(
      'no 500 at any time',
      !all.some(not503),
      `${all.filter(not503).length} of ${all.length} requests answered 5xx other than 503`,
    ),
    check(
      'no partial writes',
      partial.length === 0,
      `${partial.length} incomplete of ${written.referrals} referrals, ${written.cases} cases, ${written.contacts} contacts written since the start${
        partial.length
          ? `: ${partial
              .slice(0, 3)
              .map((v) => `${v.kind} ${v.id} lacks ${v.missing.join('+')}`)
              .join(', ')}`
          : ''
      }`,
    ),
    check(
      'failed writes retried with their Idempotency-Key are stored exactly once',
      stillFailing.length === 0 && stored.ok,
      `${retried.length - stillFailing.length}/${retried.length} retries stored; ${stored.detail}`,
    ),
    ...ledger,
  ];
  const figures =
    `${all.length} requests (${outage.length} during the ${o.outageS} s outage, ${outage503} of them 503, slowest ${s(slowest)}); ` +
    `health 503 after ${firstHealth503 ? s(firstHealth503.endedAt - stop0) : '—'}; recovered ${s(healthy - start1)} after PostgreSQL was back; ` +
    `${failed.length} failed probe writes retried and stored once; 0 partial of ${written.referrals} referrals, ${written.cases} cases, ${written.contacts} contacts`;
  for (const c of checks) log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  return { name: 'db-outage', checks, figures };
}

/** Every probe referral is stored once (by its unique narrative), every probe enrollment opened one case. */
async function storedOnce(dbUrl: string, attempts: Attempt[]): Promise<{ ok: boolean; detail: string }> {
  const client = new Client({ connectionString: dbUrl, application_name: 'pathways-faults' });
  await client.connect();
  try {
    const referrals = attempts.filter((a) => a.kind === 'referral');
    const { rows: r } = await client.query<{ narrative: string; n: number }>(
      `SELECT narrative, count(*)::int AS n FROM referrals WHERE narrative = ANY($1) GROUP BY narrative`,
      [referrals.map((a) => String(a.body.narrative))],
    );
    const enrolls = attempts.filter((a) => a.kind === 'enroll');
    const { rows: c } = await client.query<{ referral_id: string; n: number }>(
      `SELECT referral_id, count(*)::int AS n FROM cases WHERE referral_id = ANY($1::uuid[]) GROUP BY referral_id`,
      [enrolls.map((a) => a.referralId)],
    );
    const once = (rows: { n: number }[], expected: number) =>
      rows.length === expected && rows.every((x) => x.n === 1);
    const ok = once(r, referrals.length) && once(c, enrolls.length);
    return {
      ok,
      detail: `${r.length}/${referrals.length} probe referrals and ${c.length}/${enrolls.length} probe enrollments stored${ok ? ' once each' : ' (duplicates or missing)'}`,
    };
  } finally {
    await client.end();
  }
}

/**
 * (b) SIGTERM under load: a load of `accounts` users with short pauses, three supervisors reading the outcome
 * report back to back (the slowest page), and a health probe, while the API process is sent SIGTERM.
 */
async function sigterm(stack: Stack, accounts: Account[]): Promise<Result> {
  log(`sigterm: SIGTERM to the API under a load of ${accounts.length} users`);
  const recorder = new Recorder();
  const api = new ApiClient(stack.base, recorder, 15_000);
  const supervisor = await signIn(api, 'supervisor');
  const since = new Date(Date.now() - 1000);
  recorder.outcomes.length = 0;
  const load = startLoad({
    base: stack.base,
    accounts,
    durationMs: 60_000,
    thinkMs: 100,
    rampMs: 1000,
    recorder,
  });
  const probes = [
    ...[1, 2, 3].map(() => every(api, 'page', '/api/reports/outcomes', 0, supervisor)),
    every(api, 'health', '/api/health', 100),
  ];
  await sleep(5000);
  const child = stack.api;
  if (!child) throw new Error('the API is not running');
  const signalled = performance.now();
  process.kill(child.pid, 'SIGTERM');
  const code = await Promise.race([child.exited, sleep(30_000).then(() => 'still running after 30 s')]);
  const exited = performance.now();
  log(`sigterm: the API exited (${code}) ${s(exited - signalled)} after SIGTERM`);
  await sleep(2000);
  load.stop();
  await Promise.all(probes.map((p) => p.stop()));
  const run = await load.done;

  const all = recorder.outcomes;
  const inFlight = all.filter((x) => x.sentAt < signalled && x.endedAt > signalled);
  // Sent well before the signal: surely being handled when it came, so they must complete normally.
  const surelyInFlight = inFlight.filter((x) => x.sentAt < signalled - 100);
  const normal = (x: Outcome) => x.status > 0 && x.status !== 503 && x.status < 500;
  const later = all.filter((x) => x.sentAt > signalled + 100);
  const refused = (x: Outcome) =>
    x.status === 503 ||
    (x.status === 0 && /ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|EPIPE/.test(x.error ?? ''));
  const afterSignal = all.filter((x) => x.endedAt > signalled);
  const slowest = Math.max(0, ...afterSignal.map((x) => x.ms));
  const refusedFast = later.filter((x) => x.endedAt - x.sentAt <= HANG_MS).length;

  log('sigterm: starting the API again to check the data');
  await stack.startApi();
  const partial = await partialWrites(stack.dbUrl, since);
  const written = await writtenSince(stack.dbUrl, since);
  const ledger = await verifyLedger(run.world.ledger, stack.dbUrl, stack.base);
  const audit = await verifyAuditChain(stack.base);
  const checks: Check[] = [
    check('the process exits 0', code === '0', `exit ${code} ${s(exited - signalled)} after SIGTERM`),
    check(
      'requests in flight at SIGTERM finish normally',
      surelyInFlight.length > 0 &&
        surelyInFlight.every(normal) &&
        inFlight.every((x) => normal(x) || x.status === 503),
      `${inFlight.length} in flight: ${inFlight.filter(normal).length} completed normally, ${inFlight.filter((x) => x.status === 503).length} refused 503 (sent < 100 ms before the signal), ${inFlight.filter((x) => x.status === 0).length} cut`,
    ),
    check(
      'new requests are refused, fast',
      later.length > 0 && later.every(refused) && refusedFast === later.length,
      `${later.length} sent after SIGTERM: ${later.filter((x) => x.status === 503).length} 503, ${later.filter((x) => x.status === 0).length} connection refused or closed, ${later.filter((x) => !refused(x)).length} other; slowest answer after the signal ${s(slowest)}`,
    ),
    check(
      'no partial writes',
      partial.length === 0,
      `${partial.length} incomplete of ${written.referrals} referrals, ${written.cases} cases, ${written.contacts} contacts`,
    ),
    ...ledger,
    audit,
  ];
  const figures =
    `exit 0 ${s(exited - signalled)} after SIGTERM; ${inFlight.length} requests in flight, ${inFlight.filter(normal).length} completed normally; ` +
    `${later.length} later requests refused (${later.filter((x) => x.status === 503).length} × 503, ${later.filter((x) => x.status === 0).length} × connection refused); ` +
    `0 partial of ${written.referrals} referrals, ${written.cases} cases, ${written.contacts} contacts; ${audit.detail}`;
  for (const c of checks) log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  return { name: 'sigterm', checks, figures };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.log(`FAIL faults: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
});
