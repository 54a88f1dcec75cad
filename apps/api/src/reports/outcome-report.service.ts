import { Injectable } from '@nestjs/common';
import {
  POLICE_ROLES,
  PROVIDER_ROLES,
  type OutcomeReport,
  type OutcomeReportQuery,
} from '@pathways/contracts';
import { DEFAULT_CLOCKS, Suppressor, type ClockSettings } from '@pathways/domain';
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
  type DosageRow,
  type ReportScope,
} from './outcome-report.sql';
import { reportPeriod } from './report-period';

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
 * made in SQL (outcome-report.sql.ts), all statements in one read-only REPEATABLE READ transaction so every section
 * reads the same snapshot; suppression and rates are applied here (outcome-report-assembly.ts).
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
 * - Clocks (met / missed / pending; rate = met ÷ (met + missed); the provider's clock settings, DEFAULT_CLOCKS for
 *   police): SERVICE_START_20_DAY, TRIAGE, FIRST_OUTREACH, INTAKE_CONSENT, ASSESSMENT, CASE_PLAN over R and its
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
  ) {}

  report(actor: Actor, q: OutcomeReportQuery): Promise<OutcomeReport> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return this.build(m, actor, q);
    });
  }

  /** The report as de-identified CSV; the export and its filters (names only) are audited in the same transaction. */
  exportCsv(actor: Actor, q: OutcomeReportQuery): Promise<CsvFile> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const report = await this.build(m, actor, q);
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

  private async build(m: EntityManager, actor: Actor, q: OutcomeReportQuery): Promise<OutcomeReport> {
    // The cohort CTEs and their hash joins hold a year of referrals: room for them in memory, for this
    // transaction only.
    await m.query(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
    await m.query(`SET LOCAL statement_timeout = '${REPORT_STATEMENT_TIMEOUT}'`);
    const now = this.clock.now();
    const period = reportPeriod(q, now);
    const scope = scopeOf(actor);
    const groupBy = q.groupBy ?? 'month';
    const filters = {
      schoolId: q.schoolId ?? null,
      schoolLevel: q.schoolLevel ?? null,
      pathway: q.pathway ?? null,
    };
    const reportSettings = await this.settings.reportSettings(actor.organizationId, m);
    const clocks = wholeClocks(
      scope.kind === 'PROVIDER' ? await this.settings.clockSettings(actor.organizationId, m) : DEFAULT_CLOCKS,
    );
    const input: CohortInput = {
      scope,
      filters,
      window: { from: period.start, to: period.end, now },
      days: { from: period.from, to: period.to, today: period.today },
      groupBy,
      clocks,
    };
    const cohort = await run<CohortResult>(m, (p) => referralCohortSql(p, input));
    const closures = await runAll<ClosureGroupRow>(m, (p) =>
      closureCohortSql(p, { ...input, completionNoticeBusinessDays: clocks.completionNoticeBusinessDays }),
    );
    const caseload = await runAll<CaseloadRow>(m, (p) =>
      caseloadSql(p, { scope, filters, now, perCounselor: scope.kind === 'PROVIDER' }),
    );
    const dosage = await runAll<DosageRow>(m, (p) => dosageSql(p, { scope, filters, window: input.window }));
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

/** Clock settings travel as integer parameters whatever the settings row holds. */
function wholeClocks(c: Readonly<ClockSettings>): ClockSettings {
  const out = { ...c };
  for (const key of Object.keys(out) as (keyof ClockSettings)[]) {
    const value = Math.trunc(Number(out[key]));
    out[key] = Number.isFinite(value) && value >= 0 ? value : DEFAULT_CLOCKS[key];
  }
  return out;
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
