import { Injectable } from '@nestjs/common';
import { DEFAULT_CLOCKS, type ClockSettings } from '@pathways/domain';
import { DataSource, type QueryRunner } from 'typeorm';
import { Clock } from '../common/clock';
import { Params } from '../common/sql-params';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';
import {
  caseFactsSql,
  FACT_TABLES,
  insertFactsSql,
  referralFactsSql,
  retractFactsSql,
  serviceMonthsSql,
  staleYouthSql,
  type FactClocks,
  type FactTable,
  type YouthSet,
} from './report-facts.sql';

/** One key for the session advisory lock: one refresher at a time moves the rollups. */
const REFRESH_LOCK = 7_270_001;
/** Youth taken from the queue per transaction. */
const BATCH = 5_000;

export interface RefreshResult {
  /** A full rebuild ran (asked for by a migration or the bulk generator). */
  rebuilt: boolean;
  /** Youth whose facts were worked out again (queued by a write, or whose state changed with time). */
  youth: number;
  ms: number;
}

/** Each fact table (with its rollups) and the SQL of its facts. */
const TABLES: { spec: FactTable; facts: (p: Params, q: FactsQuery) => string }[] = [
  { spec: FACT_TABLES.referrals, facts: referralFactsSql },
  { spec: FACT_TABLES.cases, facts: caseFactsSql },
  { spec: FACT_TABLES.services, facts: serviceMonthsSql },
];

interface FactsQuery {
  youth: YouthSet;
  now: Date;
  clocks: FactClocks;
}

/**
 * Keeps the report facts and rollups (migration ReportFacts) in step with the source tables. Writes queue their
 * youth in `report_dirty` (row triggers); `refresh(now)` works out those youth's facts again, and those whose state
 * changed with time (a clock fell due, a recidivism window elapsed), and moves the rollups by the difference. Each
 * batch is one REPEATABLE READ transaction: the queue rows it takes and the source rows it reads are one snapshot, so
 * a write committed meanwhile stays queued for the next refresh. A session advisory lock, taken before the snapshot,
 * lets one refresher run at a time. Reports call it before they read; a scheduler keeps the queue short.
 */
@Injectable()
export class ReportFactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: OrganizationSettingsService,
  ) {}

  async refresh(now: Date = this.clock.now()): Promise<RefreshResult> {
    const started = performance.now();
    const result: RefreshResult = { rebuilt: false, youth: 0, ms: 0 };
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.query('SELECT pg_advisory_lock($1)', [REFRESH_LOCK]);
      try {
        let first = true;
        for (;;) {
          const batch = await this.batch(qr, now, first);
          first = false;
          result.rebuilt ||= batch.rebuilt;
          result.youth += batch.youth;
          if (!batch.more) break;
        }
      } finally {
        await qr.query('SELECT pg_advisory_unlock($1)', [REFRESH_LOCK]);
      }
    } finally {
      await qr.release();
    }
    result.ms = Math.round(performance.now() - started);
    return result;
  }

  private async batch(
    qr: QueryRunner,
    now: Date,
    withStale: boolean,
  ): Promise<{ rebuilt: boolean; youth: number; more: boolean }> {
    await qr.startTransaction('REPEATABLE READ');
    try {
      await qr.query(`SET LOCAL work_mem = '64MB'`);
      await qr.query(`SET LOCAL statement_timeout = 0`);
      const [state] = (await qr.query(`SELECT rebuild_needed FROM report_refresh_state WHERE id = 1`)) as {
        rebuild_needed: boolean;
      }[];
      const clocks = await this.clocks(qr);
      let out: { rebuilt: boolean; youth: number; more: boolean };
      if (state?.rebuild_needed) {
        const youth = await rebuildReportFacts(
          async (sql, params) => (await qr.query(sql, params)) as unknown[],
          now,
          clocks,
        );
        out = { rebuilt: true, youth, more: false };
      } else {
        // (A SELECT over the DELETE: TypeORM answers a bare DELETE with [rows, count].)
        const queued = (await qr.query(
          `WITH taken AS (
             DELETE FROM report_dirty WHERE seq IN (SELECT seq FROM report_dirty ORDER BY seq LIMIT $1)
             RETURNING youth_id
           )
           SELECT youth_id FROM taken`,
          [BATCH],
        )) as { youth_id: string }[];
        const stale: { youth_id: string }[] = withStale
          ? await runRows(qr, (p) => staleYouthSql(p, now))
          : [];
        const ids = [...new Set([...queued, ...stale].map((r) => r.youth_id))];
        if (ids.length) {
          for (const { spec, facts } of TABLES) {
            await run(qr, (p) => retractFactsSql(p, spec, { ids }));
            await run(qr, (p) => insertFactsSql(spec, facts(p, { youth: { ids }, now, clocks })));
          }
        }
        out = { rebuilt: false, youth: ids.length, more: queued.length === BATCH };
      }
      await qr.query(
        `UPDATE report_refresh_state SET refreshed_at = $1, rebuild_needed = false WHERE id = 1`,
        [now],
      );
      await qr.commitTransaction();
      return out;
    } catch (error) {
      await qr.rollbackTransaction();
      throw error;
    }
  }

  private async clocks(qr: QueryRunner): Promise<FactClocks> {
    const byProvider = await this.settings.providerClocks(qr.manager);
    return {
      byProvider: byProvider.map((s) => ({ orgId: s.orgId, clocks: wholeClocks(s.clocks) })),
      defaults: DEFAULT_CLOCKS,
    };
  }
}

/**
 * Works out every fact and rollup again from the source tables, inside the caller's transaction (REPEATABLE READ,
 * holding the refresh lock, or the bulk generator's own): empties the queue (only the rows this snapshot sees) and
 * the derived tables, then inserts every fact. Returns the number of youth with a referral fact.
 */
export async function rebuildReportFacts(
  query: (sql: string, params?: unknown[]) => Promise<unknown[]>,
  now: Date,
  clocks: FactClocks,
): Promise<number> {
  await query(`DELETE FROM report_dirty`);
  await query(
    `TRUNCATE ${TABLES.flatMap(({ spec }) => [spec.table, ...spec.rollups.map((r) => r.rollup)]).join(', ')}`,
  );
  for (const { spec, facts } of TABLES) {
    const p = new Params();
    await query(insertFactsSql(spec, facts(p, { youth: 'ALL', now, clocks })), p.values);
  }
  await query(`UPDATE report_refresh_state SET refreshed_at = $1, rebuild_needed = false WHERE id = 1`, [
    now,
  ]);
  const [row] = (await query(`SELECT count(DISTINCT youth_id)::int AS n FROM report_referral_facts`)) as {
    n: number;
  }[];
  return row?.n ?? 0;
}

/** Clock settings travel as integer parameters whatever the settings row holds. */
export function wholeClocks(c: Readonly<ClockSettings>): ClockSettings {
  const out = { ...c };
  for (const key of Object.keys(out) as (keyof ClockSettings)[]) {
    const value = Math.trunc(Number(out[key]));
    out[key] = Number.isFinite(value) && value >= 0 ? value : DEFAULT_CLOCKS[key];
  }
  return out;
}

async function run(qr: QueryRunner, sql: (p: Params) => string): Promise<void> {
  await runRows(qr, sql);
}

async function runRows<T>(qr: QueryRunner, sql: (p: Params) => string): Promise<T[]> {
  const p = new Params();
  const text = sql(p);
  return (await qr.query(text, p.values)) as T[];
}
