import { Injectable } from '@nestjs/common';
import {
  POLICE_ROLES,
  PROVIDER_ROLES,
  type OutcomeReport,
  type OutcomeReportQuery,
} from '@pathways/contracts';
import {
  addCalendarDays,
  addCalendarMonths,
  PROGRAM_TIME_ZONE,
  startOfDayIn,
  Suppressor,
} from '@pathways/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { permissionDenied } from '../auth/auth.exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { Params } from '../common/sql-params';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';
import { assembleOutcomeReport } from './outcome-report-assembly';
import { outcomeReportCsv } from './outcome-report-csv';
import {
  caseloadSql,
  closureCohortSql,
  dosageSql,
  referralCohortSql,
  type CaseloadRow,
  type ClosureGroupRow,
  type CohortInput,
  type CohortResult,
  type PeriodPlan,
  type DosageRow,
} from './outcome-report.sql';
import { ReportFactsService } from './report-facts.service';
import { reportPeriod, type ReportPeriod } from './report-period';
import type { ReportScope } from './report-sql';

/** Memory for the report's sorts, hashes and CTEs (the server default of 4 MB spills a year to disk). */
const REPORT_WORK_MEM = '64MB';
/**
 * A report's statements may run longer than a request's 30 s: a year of a million referrals takes about 30 s for the
 * cohort alone (README "Scale"). Slow is better than a 500 (the dashboard shows that it is loading).
 */
const REPORT_STATEMENT_TIMEOUT = '120s';

/** A file to download. */
export interface CsvFile {
  filename: string;
  body: string;
}

/**
 * GET /api/reports/outcomes (and its CSV): the outcome measures of DOMAIN.md over the caller's records. Counts are
 * made in SQL (outcome-report.sql.ts) from the report facts and their daily rollups (report-facts.sql.ts), which the
 * report first brings up to date (ReportFactsService.refresh), then reads in one read-only REPEATABLE READ
 * transaction so every section reads the same snapshot; suppression and rates are applied here
 * (outcome-report-assembly.ts).
 *
 * Scope: police users (SRO, PD supervisor) count their agency's referrals (`referring_org_id`); provider users
 * (counselor, supervisor) their provider's (`provider_org_id`; cases by `cases.provider_org_id`). Small cells are
 * suppressed for everyone but the provider supervisor, at the organization's threshold (≥ 11).
 *
 * Definitions:
 * - Period: `from`..`to` calendar dates in the program time zone, both included (default: the 12 months to today).
 * - Referral cohort R: referrals in scope received in the period, not DUPLICATE, filtered by school, school level,
 *   pathway. Closure cohort C: cases of referrals in scope (same filters on the referral) closed in the period.
 * - Volume: |R| and its partitions by trend bucket (empty buckets included), school, school level, kind of the
 *   first reason code, pathway and priority.
 * - Diversion rate: |R| ÷ (|R| + school contacts with CITATION_PROBATION or CUSTODY_PROBATION in the period, same
 *   school and level filters; the pathway filter does not apply to contacts). Police: the agency's contacts; provider:
 *   the contacts of the agencies that referred R.
 * - Funnel over R: RECEIVED; CONTACTED (a COMPLETED contact, or a case); CONSENTED (a PROGRAM_PARTICIPATION consent,
 *   or a case); ENROLLED (a case); COMPLETED (the case closed SUCCESSFUL).
 * - Clocks (met / missed / pending; rate = met ÷ (met + missed); the settings of the provider the referral went to,
 *   for police and provider users alike: the clocks are the provider's commitments): SERVICE_START_20_DAY, TRIAGE, FIRST_OUTREACH, INTAKE_CONSENT, ASSESSMENT, CASE_PLAN over R and its
 *   cases; COMPLETION_NOTICE over SUCCESSFUL LE_DIVERSION_626B cases of C. The 20-day clock is met by a service
 *   program started by the due instant or by the NO_PROGRAM_20_DAY notice sent within a day after it (WIC 652.5
 *   allows written notice instead), and leaves out referrals that ended without a case and without that notice, as
 *   INTAKE_CONSENT leaves out referrals that ended without a case. TRIAGE stops at the first acknowledge,
 *   request-info, assign, ineligible or mark-duplicate; FIRST_OUTREACH (referrals assigned) at the first contact on
 *   the referral from the first assignment, or the case opening if earlier. Both leave out a referral that ended
 *   before the clock fell due without the step; ASSESSMENT and CASE_PLAN leave out a case closed before then.
 * - Completion over C: SUCCESSFUL ÷ (SUCCESSFUL + UNSUCCESSFUL); outcomes and closure reasons as partitions.
 * - Recidivism over C per window (6, 12 months): among cases whose window has elapsed by now, those with a DONE
 *   follow-up of the window reporting a new law-enforcement contact (not NONE) or a new referral of the youth (any
 *   organization, not a duplicate) received within the window after closure; the others are `notElapsed`.
 * - Caseload: open cases now (the period does not apply), by primary counselor (provider users; police get the
 *   total only) and by days since opening.
 * - Dosage: COMPLETED contacts tied to a service enrollment in the period, of cases of referrals in scope, by
 *   service type: distinct cases, sessions, hours.
 * - Equity: by race/ethnicity group, gender, language and age band (whole years at receipt): referrals, and the
 *   DIVERSION, ENROLLMENT, DECLINE, COMPLETION and RECIDIVISM_M6 rates with their index against the reference group.
 */
@Injectable()
export class OutcomeReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: OrganizationSettingsService,
    private readonly audit: AuditService,
    private readonly facts: ReportFactsService,
  ) {}

  async report(actor: Actor, q: OutcomeReportQuery): Promise<OutcomeReport> {
    const now = this.clock.now();
    await this.facts.refresh(now);
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return this.build(m, actor, q, now);
    });
  }

  /** The report as de-identified CSV; the export and its filters (names only) are audited in the same transaction. */
  async exportCsv(actor: Actor, q: OutcomeReportQuery): Promise<CsvFile> {
    const now = this.clock.now();
    await this.facts.refresh(now);
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const report = await this.build(m, actor, q, now);
      await this.audit.record(m, actor, {
        action: 'EXPORT',
        entityType: 'outcome_report',
        changedFields: (Object.keys(q) as (keyof OutcomeReportQuery)[])
          .filter((k) => q[k] !== undefined)
          .sort(),
      });
      return {
        filename: `pathways-outcomes-${report.period.from}-${report.period.to}.csv`,
        body: outcomeReportCsv(report),
      };
    });
  }

  private async build(
    m: EntityManager,
    actor: Actor,
    q: OutcomeReportQuery,
    now: Date,
  ): Promise<OutcomeReport> {
    // The rollup rows of a period and the facts under a filter: room for them in memory, for this transaction only.
    await m.query(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
    await m.query(`SET LOCAL statement_timeout = '${REPORT_STATEMENT_TIMEOUT}'`);
    const period = reportPeriod(q, now);
    const scope = scopeOf(actor);
    const groupBy = q.groupBy ?? 'month';
    const filters = {
      schoolId: q.schoolId ?? null,
      schoolLevel: q.schoolLevel ?? null,
      pathway: q.pathway ?? null,
    };
    const reportSettings = await this.settings.reportSettings(actor.organizationId, m);
    const filtered = Boolean(filters.schoolId || filters.schoolLevel || filters.pathway);
    const input: Omit<CohortInput, 'plan'> = {
      scope,
      filters,
      days: { from: period.from, to: period.to },
      window: { from: period.start, to: period.end },
      groupBy,
    };
    // Under a filter the cohorts read monthly rows: which months are whole depends on each cohort's own instants.
    const org = scope.kind === 'AGENCY' ? 'referring_org_id' : 'provider_org_id';
    const plan = (table: string, at: string) =>
      filtered
        ? periodPlan(period, (from, to) =>
            anyRow(m, `${table} WHERE ${org} = $3 AND ${at} >= $1 AND ${at} < $2`, [from, to, scope.orgId]),
          )
        : Promise.resolve(null);
    const referralPlan = await plan('report_referral_facts', 'received_at');
    const cohort = await run<CohortResult>(m, (p) => referralCohortSql(p, { ...input, plan: referralPlan }));
    const closurePlan = await plan('report_case_facts', 'closed_at');
    const closures = await runAll<ClosureGroupRow>(m, (p) =>
      closureCohortSql(p, { ...input, plan: closurePlan }),
    );
    const caseload = await runAll<CaseloadRow>(m, (p) =>
      caseloadSql(p, { scope, filters, now, perCounselor: scope.kind === 'PROVIDER' }),
    );
    // Sessions of any organization: a month is whole for dosage only if no session at all falls outside the period.
    const sessionsPlan = await periodPlan(period, (from, to) =>
      anyRow(
        m,
        `contacts WHERE service_enrollment_id IS NOT NULL AND result = 'COMPLETED' AND occurred_at >= $1 AND occurred_at < $2`,
        [from, to],
      ),
    );
    const dosage = await runAll<DosageRow>(m, (p) => dosageSql(p, { scope, filters, plan: sessionsPlan }));
    return assembleOutcomeReport(
      { cohort, closures, caseload, dosage },
      {
        period: { from: period.from, to: period.to, groupBy, asOf: now.toISOString() },
        filters,
        scope: scope.kind === 'AGENCY' ? 'AGENCY' : 'PROVIDER',
        suppressor: new Suppressor(reportSettings.suppressionThreshold, actor.role !== 'PROVIDER_SUPERVISOR'),
        raceReference: reportSettings.equityReferenceGroup,
      },
    );
  }
}

/** The caller's records: the police agency's or the provider's. Other roles have no report permission. */
function scopeOf(actor: Actor): Extract<ReportScope, { orgId: string }> {
  if (POLICE_ROLES.includes(actor.role)) return { kind: 'AGENCY', orgId: actor.organizationId };
  if (PROVIDER_ROLES.includes(actor.role)) return { kind: 'PROVIDER', orgId: actor.organizationId };
  throw permissionDenied();
}

/** Whether a row of `fromWhere` (a table and its WHERE, `$1`/`$2` the instants) exists. */
async function anyRow(m: EntityManager, fromWhere: string, params: unknown[]): Promise<boolean> {
  const [row] = await m.query<{ any: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM ${fromWhere}) AS any`,
    params,
  );
  return row?.any ?? false;
}

/**
 * Splits the period for statements that read monthly rows: the months it covers whole; a month the period cuts is
 * whole anyway when no row falls in its part outside the period (`hasRows`; the current month, when the period ends
 * today); otherwise the period's days of that month are edges, counted from the facts or the source rows.
 */
async function periodPlan(
  period: ReportPeriod,
  hasRows: (from: Date, to: Date) => Promise<boolean>,
): Promise<PeriodPlan> {
  const zone = PROGRAM_TIME_ZONE;
  const firstMonth = `${period.from.slice(0, 7)}-01`;
  const lastMonth = `${period.to.slice(0, 7)}-01`;
  const afterLastMonth = addCalendarMonths(lastMonth, 1);
  const headWhole =
    period.from === firstMonth || !(await hasRows(startOfDayIn(firstMonth, zone), period.start));
  const tailWhole =
    period.to === addCalendarDays(afterLastMonth, -1) ||
    !(await hasRows(period.end, startOfDayIn(afterLastMonth, zone)));
  const first = headWhole ? firstMonth : addCalendarMonths(firstMonth, 1);
  const last = tailWhole ? lastMonth : addCalendarMonths(lastMonth, -1);
  const whole = { fromDay: period.from, toDay: period.to, from: period.start, to: period.end };
  if (first > last) return { months: null, edges: [whole] };
  const edges: PeriodPlan['edges'] = [];
  if (!headWhole)
    edges.push({
      fromDay: period.from,
      toDay: addCalendarDays(first, -1),
      from: period.start,
      to: startOfDayIn(first, zone),
    });
  if (!tailWhole)
    edges.push({ fromDay: lastMonth, toDay: period.to, from: startOfDayIn(lastMonth, zone), to: period.end });
  return { months: { first, last }, edges };
}

async function runAll<T>(m: EntityManager, sql: (p: Params) => string): Promise<T[]> {
  const p = new Params();
  const text = sql(p);
  return m.query<T[]>(text, p.values);
}

async function run<T>(m: EntityManager, sql: (p: Params) => string): Promise<T> {
  const [row] = await runAll<T>(m, sql);
  if (!row) throw new Error('report statement returned no row');
  return row;
}
