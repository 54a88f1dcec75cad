import { Injectable } from '@nestjs/common';
import {
  COMMUNITY_EVENT_TYPES,
  PATHWAYS,
  RECIDIVISM_WINDOWS,
  SCHOOL_LEVELS,
  type PublicDashboard,
  type PublicDashboardQuery,
} from '@pathways/contracts';
import {
  calendarDateIn,
  effectiveReports,
  MIN_SUPPRESSION_THRESHOLD,
  PROGRAM_TIME_ZONE,
  Suppressor,
} from '@pathways/domain';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { Params } from '../common/sql-params';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';
import { cellsOf } from './outcome-report-assembly';
import { publicDashboardSql, type PublicDashboardResult } from './outcome-report.sql';
import { ReportFactsService } from './report-facts.service';
import { periodKeys, yearPeriod } from './report-period';

/** A serialized response with its strong validator. */
export interface CachedJson {
  body: string;
  etag: string;
}

/** How long one year's dashboard is served from memory (and may be cached by browsers and proxies). */
export const PUBLIC_DASHBOARD_MAX_AGE_SECONDS = 300;

/**
 * GET /api/public/dashboard: the program's aggregates for one calendar year (program time zone), for anyone.
 * Every organization's referrals (not duplicates) by month, school level and pathway; the diversion rate against
 * every agency's citations and custody; completion and recidivism of the cases closed that year; the SROs'
 * community events (events and participants, not youth, so not suppressed). Always suppressed, at 11 or the highest
 * threshold any organization configured. Counts only: no names, ids or narratives. Each year is computed at most
 * once per five minutes per instance.
 */
@Injectable()
export class PublicDashboardService {
  private readonly cache = new Map<number, { at: number; value: CachedJson }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: OrganizationSettingsService,
    private readonly facts: ReportFactsService,
  ) {}

  async dashboard(q: PublicDashboardQuery): Promise<CachedJson> {
    const now = this.clock.now();
    const year = q.year ?? Number(calendarDateIn(now, PROGRAM_TIME_ZONE).slice(0, 4));
    const hit = this.cache.get(year);
    const age = hit ? now.getTime() - hit.at : Infinity;
    if (hit && age >= 0 && age < PUBLIC_DASHBOARD_MAX_AGE_SECONDS * 1000) return hit.value;
    await this.facts.refresh(now);
    const body = JSON.stringify(
      await this.dataSource.transaction('REPEATABLE READ', async (m) => {
        await m.query('SET TRANSACTION READ ONLY');
        return this.build(m, year, now);
      }),
    );
    const value = { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
    this.cache.set(year, { at: now.getTime(), value });
    return value;
  }

  private async build(m: EntityManager, year: number, now: Date): Promise<PublicDashboard> {
    const period = yearPeriod(year, now);
    const s = new Suppressor(await this.threshold(m), true);
    const p = new Params();
    const [row] = await m.query<PublicDashboardResult[]>(
      publicDashboardSql(p, {
        days: { from: period.from, to: period.to },
        window: { from: period.start, to: period.end },
        year,
      }),
      p.values,
    );
    const groups = (dim: string) => (row?.groups ?? []).filter((g) => g.dim === dim);
    const total = groups('total')[0]?.n ?? 0;
    const closures = row?.closures;
    const successful = closures?.successful ?? 0;
    const eventTotal = row?.events.find((e) => e.type === null);
    return {
      year,
      years: await this.years(m),
      asOf: now.toISOString(),
      suppressionThreshold: s.threshold,
      suppressedCells: s.paths,
      referrals: s.count('referrals', total),
      byMonth: s.partition('byMonth', cellsOf(periodKeys(period.from, period.to, 'month'), groups('period'))),
      bySchoolLevel: s.partition('bySchoolLevel', cellsOf(SCHOOL_LEVELS, groups('level'))),
      byPathway: s.partition('byPathway', cellsOf(PATHWAYS, groups('pathway'))),
      diversionRate: s.rate('diversionRate', total, total + (row?.citations ?? 0)),
      completionRate: s.rate('completionRate', successful, successful + (closures?.unsuccessful ?? 0)),
      recidivism: RECIDIVISM_WINDOWS.map((window) => {
        const w = window.toLowerCase();
        const elapsed = closures?.[`${w}_elapsed`] ?? 0;
        return {
          window,
          rate: s.rate(`recidivism.${window}`, closures?.[`${w}_recidivated`] ?? 0, elapsed),
          notElapsed: s.count(`recidivism.${window}.notElapsed`, (closures?.n ?? 0) - elapsed),
        };
      }),
      communityEvents: {
        events: eventTotal?.events ?? 0,
        participants: eventTotal?.participants ?? 0,
        byType: COMMUNITY_EVENT_TYPES.map((type) => ({
          key: type,
          count: row?.events.find((e) => e.type === type)?.events ?? 0,
        })),
      },
    };
  }

  /** The highest suppression threshold any organization configured (never below 11). */
  private async threshold(m: EntityManager): Promise<number> {
    const rows = await m.query<{ settings: unknown }[]>('SELECT settings FROM organizations');
    return Math.max(
      MIN_SUPPRESSION_THRESHOLD,
      ...rows.map((r) => effectiveReports(this.settings.parse(r.settings).reports).suppressionThreshold),
    );
  }

  /** The years from the first to the last referral received (program time zone), newest first. */
  private async years(m: EntityManager): Promise<number[]> {
    const [range] = await m.query<{ first: Date | null; last: Date | null }[]>(
      `SELECT min(received_at) AS first, max(received_at) AS last FROM referrals WHERE received_at IS NOT NULL`,
    );
    if (!range?.first || !range.last) return [];
    const first = Number(calendarDateIn(range.first, PROGRAM_TIME_ZONE).slice(0, 4));
    const last = Number(calendarDateIn(range.last, PROGRAM_TIME_ZONE).slice(0, 4));
    return Array.from({ length: last - first + 1 }, (_, i) => last - i);
  }
}
