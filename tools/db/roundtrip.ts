import 'reflect-metadata';
import { join } from 'node:path';
import { ensureLoadAccounts } from '../load/accounts';
import { sleep } from '../load/http';
import { startLoad } from '../load/run';
import { Stack, startApiProcess } from '../load/stack';
import { verifyAuditChain } from '../load/verify';
import { backup, compareCounts, restore } from './dump';

const usage = `usage: npm run test:backup -- [--port P] [--pg-port P] [--pg-dir DIR]

The backup round trip, with a PASS/FAIL line (exit code 1 on FAIL): a fresh embedded database with the demo data
and the built API (npm run build first); a short load writing to it (users filing, triaging, enrolling); a dump
with npm run db:backup's code taken while that load runs; a restore with npm run db:restore's code into a second
database of the same server; then every table's row count in the restored copy equals the dump's snapshot, the
audit chain's last row is the same, and GET /api/audit/verify passes on an API started against the copy.

  --port P     the API's port (default 3433; the copy's API uses P+1)
  --pg-port P  embedded PostgreSQL's port (default 55435)
  --pg-dir DIR its data directory (default .data/res-backup; emptied first)`;

const t0 = Date.now();
const log = (line: string) => console.log(`[backup ${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}`);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  if (args.includes('--help') || args.includes('-h')) return console.log(usage);
  const port = Number(opt('--port', '3433'));
  const pgDir = opt('--pg-dir', '.data/res-backup');
  const stack = await Stack.start({
    port,
    pgPort: Number(opt('--pg-port', '55435')),
    pgDir,
    fresh: true,
    apiEnv: { LOGIN_RATE_LIMIT_PER_IP: '100' },
    log,
  });
  let passed = false;
  let copyApi: Awaited<ReturnType<typeof startApiProcess>> | null = null;
  try {
    const accounts = await ensureLoadAccounts(stack.dbUrl, 10);
    const load = startLoad({ base: stack.base, accounts, durationMs: 12_000, thinkMs: 300, rampMs: 1000 });
    await sleep(4000);
    const file = join(pgDir, '..', 'res-backup.dump');
    log(`pg_dump while ${accounts.length} users write`);
    const dumped = await backup(stack.dbUrl, file, log);
    const during = load.recorder.outcomes.filter((o) => o.status >= 200 && o.status < 300).length;
    const run = await load.done;
    const writes = run.recorder.outcomes.filter(
      (o) => /^(POST|PATCH)/.test(o.route) && o.status < 300,
    ).length;
    log(
      `dump: ${dumped.client}, ${(dumped.bytes / 1024).toFixed(0)} KB in ${dumped.seconds.toFixed(1)} s ` +
        `(${during} requests answered before it; ${writes} writes in the load)`,
    );

    const restored = await restore(stack.dbUrl, file, 'pathways_restored', { replace: true, log });
    log(`restore: ${restored.seconds.toFixed(1)} s`);
    const diff = compareCounts(dumped.counts, restored.counts);
    const sameHead =
      dumped.auditHead !== null &&
      restored.auditHead?.seq === dumped.auditHead.seq &&
      restored.auditHead.hash === dumped.auditHead.hash;

    const copyUrl = new URL(stack.dbUrl);
    copyUrl.pathname = '/pathways_restored';
    copyApi = await startApiProcess({
      port: port + 1,
      dbUrl: copyUrl.toString(),
      env: { SEED_DEMO: 'false' },
      logFile: join(stack.logDir, 'api-copy.log'),
      log,
    });
    const audit = await verifyAuditChain(`http://127.0.0.1:${port + 1}`);

    const reasons: string[] = [];
    if (diff.differing.length) reasons.push(`row counts differ: ${diff.differing.join(', ')}`);
    if (!sameHead) reasons.push('the audit chain head differs');
    if (!audit.ok) reasons.push(`the restored audit chain does not verify (${audit.detail})`);
    if (!writes) reasons.push('the load wrote nothing');
    passed = reasons.length === 0;
    log(`audit chain on the copy: ${audit.detail}`);
    const head =
      `backup: ${diff.tables} tables, ${diff.rows.toLocaleString('en-US')} rows, counts identical after ` +
      `pg_dump -Fc (${(dumped.bytes / 1024).toFixed(0)} KB, taken under load) and pg_restore ` +
      `(${dumped.client.replace(/^pg_dump \(PostgreSQL\) /, 'client ')}); audit head #${dumped.auditHead?.seq ?? '—'} ` +
      `kept; GET /api/audit/verify on the copy: ${audit.detail}`;
    console.log(passed ? `PASS ${head}` : `FAIL backup: ${reasons.join('; ')}`);
  } finally {
    if (copyApi) await copyApi.stop();
    await stack.stop();
    if (passed) stack.cleanLogs();
    else log(`API logs kept in ${stack.logDir}`);
  }
  // Exit now: stopping the API leaves a 30 s fallback timer of tools/bench/processes.ts running.
  process.exit(passed ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.log(`FAIL backup: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
});
