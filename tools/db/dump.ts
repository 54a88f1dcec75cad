import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { libpqEnv, rowCounts, runTool, serverMajor, withClient } from './database';
import { pgClientFor } from './pg-client';

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
  /** Exact row counts per table in the dump's own snapshot. */
  counts: Record<string, number>;
  /** The audit chain's last row in that snapshot (seq and hash). */
  auditHead: { seq: string; hash: string } | null;
  client: string;
  server: string;
}

/**
 * pg_dump in its custom format (`-Fc`: compressed, restorable table by table with pg_restore). The dump reads one
 * REPEATABLE READ snapshot exported by this process, which then counts every table in that same snapshot: the
 * counts describe exactly what the file holds, even while the API keeps writing.
 */
export async function backup(url: string, file: string, log: (line: string) => void): Promise<BackupResult> {
  const server = await serverMajor(url);
  const client = pgClientFor(server.major, log);
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const started = performance.now();
  return withClient(url, async (c) => {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const { rows } = await c.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      runTool(
        client.pgDump,
        ['--format=custom', `--snapshot=${rows[0].id}`, `--file=${path}`],
        libpqEnv(url),
      );
      const seconds = (performance.now() - started) / 1000;
      const counts = await rowCounts(c);
      const head = await c.query<{ seq: string; hash: string }>(
        `SELECT e.seq::text AS seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1`,
      );
      return {
        file: path,
        bytes: statSync(path).size,
        seconds,
        counts,
        auditHead: head.rows[0] ?? null,
        client: client.version,
        server: server.version,
      };
    } finally {
      await c.query('COMMIT');
    }
  });
}

export interface RestoreResult {
  database: string;
  seconds: number;
  counts: Record<string, number>;
  auditHead: { seq: string; hash: string } | null;
  client: string;
}

/**
 * Restores a custom-format dump into `database` on the server of `url`, created afresh (an existing database of
 * that name is dropped first, only when `replace`). One transaction: a restore that fails leaves nothing half
 * done. Objects are owned by the restoring user (--no-owner), so a dump moves between servers and accounts.
 */
export async function restore(
  url: string,
  file: string,
  database: string,
  options: { replace: boolean; log: (line: string) => void },
): Promise<RestoreResult> {
  const server = await serverMajor(url);
  const client = pgClientFor(server.major, options.log);
  const path = resolve(file);
  statSync(path);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const quoted = `"${database.replace(/"/g, '""')}"`;
  await withClient(maintenance.toString(), async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount) {
      if (!options.replace)
        throw new Error(
          `database ${database} exists: pass --replace to drop it and restore the dump in its place`,
        );
      options.log(`dropping database ${database}`);
      await c.query(`DROP DATABASE ${quoted} WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE ${quoted}`);
  });
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(database)}`;
  const started = performance.now();
  runTool(
    client.pgRestore,
    ['--exit-on-error', '--single-transaction', '--no-owner', `--dbname=${database}`, path],
    libpqEnv(target.toString(), database),
  );
  const seconds = (performance.now() - started) / 1000;
  return withClient(target.toString(), async (c) => {
    const head = await c.query<{ seq: string; hash: string }>(
      `SELECT e.seq::text AS seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1`,
    );
    return {
      database,
      seconds,
      counts: await rowCounts(c),
      auditHead: head.rows[0] ?? null,
      client: client.version,
    };
  });
}

/** `12 tables, 3,456 rows` and the tables whose counts differ between two maps. */
export function compareCounts(
  a: Record<string, number>,
  b: Record<string, number>,
): { tables: number; rows: number; differing: string[] } {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return {
    tables: names.length,
    rows: Object.values(a).reduce((s, n) => s + n, 0),
    differing: names.filter((n) => a[n] !== b[n]).map((n) => `${n} ${a[n] ?? '—'} ≠ ${b[n] ?? '—'}`),
  };
}

export function printCounts(counts: Record<string, number>, print: (line: string) => void): void {
  const names = Object.keys(counts).sort();
  const width = Math.max(...names.map((n) => n.length));
  for (const n of names) print(`  ${n.padEnd(width)}  ${counts[n].toLocaleString('en-US').padStart(10)}`);
}
