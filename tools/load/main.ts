import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { type Account, demoAccounts, ensureLoadAccounts, roleMix } from './accounts';
import type { Group, GroupSummary, Recorder } from './http';
import { runLoad } from './run';
import { Stack } from './stack';
import { type Check, verifyAuditChain, verifyLedger } from './verify';

const usage =
  () => `usage: npm run load -- [--users N] [--duration S] [--url URL] [--database-url URL] [--think MS]
                        [--p95 MS] [--port P] [--pg-port P] [--pg-dir DIR] [--fresh]

A bounded load on loopback (QUALITY.md "Reliability"): N virtual users (40 % SROs filing referrals, 20 % provider
supervisors acknowledging and assigning them, 40 % counselors reaching the youth, enrolling them and recording
sessions; all of them reading lists and case pages) for S seconds, each pausing about --think ms between requests.
It stops by itself, prints requests, p95 per endpoint group and errors, checks that every record it created is
stored and the audit chain verifies, and prints one PASS/FAIL line (exit code 1 on FAIL).

  --users N          virtual users (default 200)
  --duration S       seconds of load (default 120), after every user has signed in (4 at a time: each sign-in
                     verifies an argon2id hash, tens of ms of CPU); users start over the first min(10 s, S/4)
  --url URL          an API already running (default: start one, see below)
  --database-url URL that API's database, to create one account per user and verify in SQL; without it, the
                     users share the demo accounts (one sign-in each) and the records are checked through the API
  --think MS         mean pause between a user's requests (default 2000)
  --p95 MS           the bound for every group's p95 but sign-in (default 500; see below)
  --p95-sign-in MS   the bound for sign-in's p95 (default 2000: argon2id is slow on purpose)
  --port P           port of the API it starts (default 3431)
  --pg-port P        port of the embedded PostgreSQL it starts (default 55432)
  --pg-dir DIR       its data directory (default .data/res-load; kept between runs)
  --fresh            start from an empty data directory
  --samples FILE     also write every request (start s, group, route, status, ms) to FILE as CSV

Without --url it starts embedded PostgreSQL and the built API (npm run build first) with
LOGIN_RATE_LIMIT_PER_IP raised to 2 × N: every user signs in once, but all of them from 127.0.0.1.

The p95 bound: QUALITY.md's targets (lists ≤ 50 ms, search ≤ 100 ms, case page ≤ 60 ms) are for one request at a
time on an idle machine with a million referrals; here 200 users share 2 cores with PostgreSQL and the load itself,
so every group, writes included, is held to p95 ≤ 500 ms: a page a person waits for under half a second. Sign-in
verifies an argon2id hash (deliberately costly) and happens once per session: p95 ≤ 2 s.`;

interface Options {
  users: number;
  durationS: number;
  url: string | null;
  databaseUrl: string | null;
  thinkMs: number;
  p95Ms: number;
  p95SignInMs: number;
  port: number;
  pgPort: number;
  pgDir: string;
  fresh: boolean;
  samples: string | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    users: 200,
    durationS: 120,
    url: null,
    databaseUrl: null,
    thinkMs: 2000,
    p95Ms: 500,
    p95SignInMs: 2000,
    port: 3431,
    pgPort: 55432,
    pgDir: '.data/res-load',
    fresh: false,
    samples: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n\n${usage()}`);
      return v;
    };
    const num = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${a} needs a positive number`);
      return n;
    };
    if (a === '--users') o.users = Math.round(num());
    else if (a === '--duration') o.durationS = num();
    else if (a === '--url') o.url = value().replace(/\/$/, '');
    else if (a === '--database-url') o.databaseUrl = value();
    else if (a === '--think') o.thinkMs = num();
    else if (a === '--p95') o.p95Ms = num();
    else if (a === '--p95-sign-in') o.p95SignInMs = num();
    else if (a === '--port') o.port = num();
    else if (a === '--pg-port') o.pgPort = num();
    else if (a === '--pg-dir') o.pgDir = value();
    else if (a === '--fresh') o.fresh = true;
    else if (a === '--samples') o.samples = value();
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n\n${usage()}`);
  }
  return o;
}

const t0 = Date.now();
const log = (line: string) => console.log(`[load ${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}`);
const ms = (x: number) => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const int = (x: number) => x.toLocaleString('en-US');

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const mix = roleMix(o.users);
  log(
    `${o.users} users (${mix.SRO} officers, ${mix.PROVIDER_SUPERVISOR} supervisors, ${mix.COUNSELOR} counselors), ` +
      `${o.durationS} s, pause ~${o.thinkMs} ms, p95 bound ${o.p95Ms} ms (sign-in ${o.p95SignInMs} ms)`,
  );
  const bound = (g: Group): number => (g === 'sign-in' ? o.p95SignInMs : o.p95Ms);
  let stack: Stack | null = null;
  let passed = false;
  try {
    if (!o.url)
      stack = await Stack.start({
        port: o.port,
        pgPort: o.pgPort,
        pgDir: o.pgDir,
        fresh: o.fresh,
        apiEnv: { LOGIN_RATE_LIMIT_PER_IP: String(Math.max(30, o.users * 2)) },
        log,
      });
    const base = o.url ?? stack!.base;
    const dbUrl = o.databaseUrl ?? stack?.dbUrl ?? null;
    const accounts: Account[] = dbUrl ? await ensureLoadAccounts(dbUrl, o.users) : demoAccounts(o.users);
    log(
      dbUrl
        ? `${accounts.length} load accounts, one sign-in each`
        : 'no database URL: users share the demo accounts of their role (one sign-in per account)',
    );

    const run = await runLoad({
      base,
      accounts,
      durationMs: o.durationS * 1000,
      thinkMs: o.thinkMs,
      rampMs: Math.min(10_000, (o.durationS * 1000) / 4),
      onProgress: (s, r) => log(progressLine(s, r)),
    });
    if (o.samples) writeSamples(o.samples, run.recorder);
    const summary = run.recorder.summary();
    const total = run.recorder.outcomes.length;
    log(`${int(total)} requests in ${run.seconds.toFixed(1)} s (${(total / run.seconds).toFixed(0)}/s)`);
    printTable(summary, bound);
    printErrors(run.recorder, run.world.ledger.conflicts);

    const ledger = run.world.ledger;
    log(
      `created ${int(ledger.created.referrals.size)} referrals, ${int(ledger.created.cases.size)} cases, ` +
        `${int(ledger.created.contacts.size)} contacts; ${int(ledger.conflicts)} expected 409s (a race another user won)`,
    );
    const checks: Check[] = [...(await verifyLedger(ledger, dbUrl, base)), await verifyAuditChain(base)];
    for (const c of checks) log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);

    const reasons = judge(summary, run.recorder, ledger.conflicts, bound, run.stuck);
    reasons.push(...checks.filter((c) => !c.ok).map((c) => c.name));
    passed = reasons.length === 0;
    const p95s = summary.map((g) => `${g.group} ${ms(g.p95)}`).join(', ');
    const head = `load: ${o.users} users × ${o.durationS} s, ${int(total)} requests, p95 ms ${p95s}`;
    console.log(passed ? `PASS ${head}` : `FAIL ${head}: ${reasons.join('; ')}`);
  } finally {
    if (stack) {
      log('stopping the API and PostgreSQL');
      await stack.stop();
      log('stopped');
      if (passed) stack.cleanLogs();
      else log(`API logs kept in ${stack.logDir}`);
    }
  }
  // Exit now: stopping the API leaves a 30 s fallback timer of tools/bench/processes.ts running.
  process.exit(passed ? 0 : 1);
}

function writeSamples(file: string, recorder: Recorder): void {
  const first = recorder.outcomes[0]?.sentAt ?? 0;
  const lines = recorder.outcomes.map(
    (x) => `${((x.sentAt - first) / 1000).toFixed(3)},${x.group},${x.route},${x.status},${x.ms.toFixed(1)}`,
  );
  writeFileSync(file, `start_s,group,route,status,ms\n${lines.join('\n')}\n`);
  log(`samples: ${file}`);
}

function progressLine(seconds: number, r: Recorder): string {
  const n = r.outcomes.length;
  const bad = r.outcomes.filter((o) => o.status === 0 || o.status >= 500).length;
  return `${seconds.toFixed(0)} s: ${int(n)} requests, ${bad} 5xx or unanswered`;
}

/** What fails the run: any 5xx or unanswered request, an unexpected 4xx, a p95 over the bound, an empty group. */
export function judge(
  summary: GroupSummary[],
  recorder: Recorder,
  conflicts: number,
  bound: (g: Group) => number,
  stuck: number,
): string[] {
  const reasons: string[] = [];
  const all = recorder.outcomes;
  const s5xx = all.filter((x) => x.status >= 500).length;
  const failed = all.filter((x) => x.status === 0).length;
  const c4xx = all.filter((x) => x.status >= 400 && x.status < 500).length;
  if (s5xx) reasons.push(`${s5xx} responses 5xx`);
  if (failed) reasons.push(`${failed} requests unanswered`);
  if (c4xx > conflicts) reasons.push(`${c4xx - conflicts} unexpected 4xx`);
  if (stuck) reasons.push(`${stuck} users still busy 60 s after the end`);
  for (const g of summary) {
    if (!g.requests) reasons.push(`no ${g.group} request ran`);
    else if (g.p95 > bound(g.group)) reasons.push(`${g.group} p95 ${ms(g.p95)} ms > ${bound(g.group)} ms`);
  }
  return reasons;
}

function printTable(summary: GroupSummary[], bound: (g: Group) => number): void {
  const head = [
    'group',
    'requests',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    '2xx',
    '4xx',
    '5xx',
    'no answer',
    '',
  ];
  const rows = summary.map((g) => [
    g.group,
    int(g.requests),
    ms(g.p50),
    ms(g.p95),
    ms(g.p99),
    ms(g.max),
    int(g.ok),
    int(g.client4xx),
    int(g.server5xx),
    int(g.failed),
    g.requests && g.p95 <= bound(g.group) ? `≤ ${bound(g.group)}` : `> ${bound(g.group)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

function printErrors(recorder: Recorder, conflicts: number): void {
  const counts = new Map<string, number>();
  for (const o of recorder.outcomes)
    if (o.status === 0 || o.status >= 400) {
      const k = `${o.status === 0 ? (o.error ?? 'no answer') : o.status} ${o.route}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  if (!counts.size) return log('errors: none');
  log(`errors and refusals (409s include the ${conflicts} expected races):`);
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${n} × ${k}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.log(`FAIL load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
});
