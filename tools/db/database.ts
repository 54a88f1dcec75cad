import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { loadEnv } from '../../apps/api/src/config/env';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

export interface Target {
  /** The database's URL (DATABASE_URL, or the embedded server's `pathways`). */
  url: string;
  /** Stops the embedded server when this process started it. */
  close(): Promise<void>;
}

/**
 * The database `npm start` uses: DATABASE_URL, or the embedded PostgreSQL of EMBEDDED_PG_DIR / EMBEDDED_PG_PORT —
 * used as it is when it is running (an `npm start` in another terminal), started for the command otherwise.
 */
export async function openTarget(log: (line: string) => void): Promise<Target> {
  const env = loadEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, close: () => Promise.resolve() };
  const url = `postgres://postgres:pathways-local@127.0.0.1:${env.EMBEDDED_PG_PORT}/pathways`;
  if (await answers(url)) return { url, close: () => Promise.resolve() };
  log(`starting embedded PostgreSQL in ${env.EMBEDDED_PG_DIR} on port ${env.EMBEDDED_PG_PORT}`);
  const db = await startEmbeddedPostgres({
    dir: env.EMBEDDED_PG_DIR,
    port: env.EMBEDDED_PG_PORT,
    database: 'pathways',
  });
  return { url: db.url, close: () => db.stop() };
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'pathways-db-tools' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function serverMajor(url: string): Promise<{ major: number; version: string }> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ num: string; version: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`,
    );
    return { major: Math.floor(Number(rows[0]?.num) / 10000), version: rows[0]?.version ?? '?' };
  });
}

/**
 * The connection of `url` as libpq's environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), so the password
 * never appears on a command line (ps shows those).
 */
export function libpqEnv(url: string, database?: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGDATABASE: database ?? decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs a client program; throws with its output when it fails. */
export function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): string {
  const res = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (res.status !== 0)
    throw new Error(
      `${command} failed (${res.status ?? res.signal}):\n${`${res.stdout ?? ''}${res.stderr ?? ''}`.slice(-3000)}`,
    );
  return `${res.stdout ?? ''}${res.stderr ?? ''}`;
}

/** Exact row counts of every table of the public schema, by name. */
export async function rowCounts(c: Client): Promise<Record<string, number>> {
  const { rows: tables } = await c.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM public."${name.replace(/"/g, '""')}"`,
    );
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
