import 'reflect-metadata';
import { openTarget } from './database';
import { printCounts, restore } from './dump';

const usage = `usage: npm run db:restore -- FILE [--database NAME] [--replace]

Restores a dump of npm run db:backup into the database (DATABASE_URL, or the embedded PostgreSQL of EMBEDDED_PG_DIR /
EMBEDDED_PG_PORT) in one transaction, and prints each table's row count.

  --database NAME  restore into this database of the same server instead (created; e.g. to inspect a backup)
  --replace        the database exists: drop it (disconnecting its sessions: stop the API first) and restore the
                   dump in its place. Without it an existing database is never touched.`;

const log = (line: string) => console.log(`[db:restore] ${line}`);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return console.log(usage);
  let file: string | null = null;
  let database: string | null = null;
  let replace = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--replace') replace = true;
    else if (a === '--database') database = args[++i] ?? null;
    else if (!a.startsWith('-') && !file) file = a;
    else throw new Error(`unknown argument ${a}\n\n${usage}`);
  }
  if (!file || (database !== null && !database)) throw new Error(usage);
  const target = await openTarget(log);
  try {
    const name = database ?? decodeURIComponent(new URL(target.url).pathname.replace(/^\//, ''));
    const result = await restore(target.url, file, name, { replace, log });
    const rows = Object.values(result.counts).reduce((s, n) => s + n, 0);
    log(
      `${result.client.replace(/^.*\) /, 'client ')}: restored into ${result.database} in ${result.seconds.toFixed(1)} s; ` +
        `${Object.keys(result.counts).length} tables, ${rows.toLocaleString('en-US')} rows` +
        (result.auditHead ? `; audit chain head #${result.auditHead.seq}` : ''),
    );
    printCounts(result.counts, console.log);
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
