import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

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
  const db = await startEmbeddedPostgres({ ...options, settings: BULK_LOAD_FLAGS });
  return { url: db.url, stop: () => db.stop() };
}
