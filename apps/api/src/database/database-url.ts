import type { Env } from '../config/env';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under EMBEDDED_PG_DIR, started now. */
export async function resolveDatabase(
  env: Env,
  log: (m: string) => void,
): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: null };
  log(`starting embedded PostgreSQL in ${env.EMBEDDED_PG_DIR} on port ${env.EMBEDDED_PG_PORT}`);
  const embedded = await startEmbeddedPostgres({
    dir: env.EMBEDDED_PG_DIR,
    port: env.EMBEDDED_PG_PORT,
    database: 'pathways',
    onLog: log,
  });
  return { url: embedded.url, embedded };
}
