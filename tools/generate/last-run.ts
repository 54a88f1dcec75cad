import type { ClientBase } from 'pg';
import { SCRATCH } from './generate';

/**
 * The record of the last `npm run db:generate` on a database, which `npm run bench` reports (QUALITY.md: 1M
 * referrals in ≤ 5 minutes) without generating again. One row in the generator's scratch schema: it stays with the
 * data it describes, outside the application's `public` schema, and the next run drops it with the scratch schema
 * first, so a run that fails leaves no record.
 */
export const LAST_RUN_TABLE = `${SCRATCH}.last_run`;

export interface GenerateRun {
  referrals: number;
  seed: number;
  /** The instant the data set ends at (`--now`). */
  dataUntil: Date;
  /** Wall-clock seconds of the generation (migrations, load, indexes, foreign keys, commit). */
  seconds: number;
  finishedAt: Date;
}

export async function recordRun(client: ClientBase, run: Omit<GenerateRun, 'finishedAt'>): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCRATCH};
    DROP TABLE IF EXISTS ${LAST_RUN_TABLE};
    CREATE TABLE ${LAST_RUN_TABLE} (referrals integer NOT NULL, seed integer NOT NULL,
      data_until timestamptz NOT NULL, seconds numeric NOT NULL, finished_at timestamptz NOT NULL DEFAULT now())`);
  await client.query(
    `INSERT INTO ${LAST_RUN_TABLE} (referrals, seed, data_until, seconds) VALUES ($1, $2, $3, $4)`,
    [run.referrals, run.seed, run.dataUntil, run.seconds],
  );
}

/** The last run's record, or null (generated before runs were recorded, or not generated). */
export async function readLastRun(client: ClientBase): Promise<GenerateRun | null> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [
    LAST_RUN_TABLE,
  ]);
  if (!exists.rows[0]?.t) return null;
  const res = await client.query<{
    referrals: number;
    seed: number;
    data_until: Date;
    seconds: string;
    finished_at: Date;
  }>(`SELECT referrals, seed, data_until, seconds, finished_at FROM ${LAST_RUN_TABLE} LIMIT 1`);
  const row = res.rows[0];
  return row
    ? {
        referrals: row.referrals,
        seed: row.seed,
        dataUntil: row.data_until,
        seconds: Number(row.seconds),
        finishedAt: row.finished_at,
      }
    : null;
}
