import 'reflect-metadata';
import { openTarget } from './database';
import { backup, printCounts } from './dump';

const usage = `usage: npm run db:backup -- FILE

Writes the database (DATABASE_URL, or the embedded PostgreSQL of EMBEDDED_PG_DIR / EMBEDDED_PG_PORT) to FILE with
pg_dump's custom format, from one consistent snapshot (the API may keep running), and prints each table's row
count in that snapshot. Restore it with npm run db:restore -- FILE.

The client must be the server's major version or newer (PostgreSQL 18 for the embedded server): PG_BINDIR, a
pg_dump on PATH or under /usr/lib/postgresql/N/bin, or else one built once from Debian's postgresql-18 source
package and cached in ~/.cache/pathways (tools/db/pg-client.ts).`;

const log = (line: string) => console.log(`[db:backup] ${line}`);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return console.log(usage);
  if (args.length !== 1 || args[0].startsWith('-')) throw new Error(usage);
  const target = await openTarget(log);
  try {
    const result = await backup(target.url, args[0], log);
    const rows = Object.values(result.counts).reduce((s, n) => s + n, 0);
    log(`${result.client.replace(/^.*\) /, 'client ')} of PostgreSQL ${result.server}: ${result.file}`);
    log(
      `${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${result.seconds.toFixed(1)} s; ` +
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
