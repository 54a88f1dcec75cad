import { OPEN_CASE_STATUSES, type ReportGroupBy } from '@pathways/contracts';
import {
  AGE_BAND_RANGES,
  CASELOAD_AGING_RANGES,
  PROGRAM_TIME_ZONE,
  RECIDIVISM_WINDOW_MONTHS,
  type ClockSettings,
} from '@pathways/domain';
import type { Params } from '../common/sql-params';

/**
 * The SQL of the outcome reports (DOMAIN.md "Outcome measures"). Every count is made here, set-based: a cohort is
 * read once into a MATERIALIZED CTE with the attributes of each row, then GROUPING SETS give every breakdown in one
 * pass. Values from the caller travel only as `$n` parameters; the few literals written into the text are constants
 * of this codebase (time zone, statuses, bucket bounds).
 */

/** Whose records a report counts. */
export type ReportScope =
  { kind: 'AGENCY'; orgId: string } | { kind: 'PROVIDER'; orgId: string } | { kind: 'ALL' };

export interface ReportFilters {
  schoolId: string | null;
  schoolLevel: string | null;
  pathway: string | null;
}

/** The period as instants: [from, to), plus the report's "now". */
export interface ReportWindow {
  from: Date;
  to: Date;
  now: Date;
}

/** A constant of this codebase as an SQL string literal (never a value from a request). */
export function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const list = (values: readonly string[]) => values.map(lit).join(', ');
const TZ = lit(PROGRAM_TIME_ZONE);

/** The states a clock can be in for one row (rows it does not apply to have none). */
const CLOCK_STATES = ['met', 'missed', 'pending'] as const;

/** Referral statuses that end a referral without a case. */
export const ENDED_REFERRAL_STATUSES = ['INELIGIBLE', 'DECLINED', 'WITHDRAWN', 'UNABLE_TO_CONTACT'] as const;
/** Referral events that finish triage (the triage clock stops at the first of them). */
export const TRIAGE_ACTIONS = [
  'acknowledge',
  'request-info',
  'assign',
  'ineligible',
  'mark-duplicate',
] as const;
/** School-contact dispositions that are the alternative to diversion. */
export const CITATION_DISPOSITIONS = ['CITATION_PROBATION', 'CUSTODY_PROBATION'] as const;

/** The calendar date of an instant in the program's time zone. */
export const localDate = (ts: string) => `(${ts} AT TIME ZONE ${TZ})::date`;

/** The equity group of a race/ethnicity array: the SQL twin of `raceGroupOf` (libs/domain). */
export function raceGroupSql(column: string): string {
  const stated = `array_remove(${column}, 'DECLINED')`;
  return `CASE WHEN cardinality(${stated}) = 0 THEN 'DECLINED'
               WHEN ${stated} <@ ARRAY[(${stated})[1]] THEN (${stated})[1]
               ELSE 'MULTIRACIAL' END`;
}

/** The age band of a whole-year age, from AGE_BAND_RANGES (libs/domain); outside every band: OTHER. */
export function ageBandSql(age: string): string {
  const whens = AGE_BAND_RANGES.map(
    (r) => `WHEN ${age} BETWEEN ${Math.trunc(r.min)} AND ${Math.trunc(r.max)} THEN ${lit(r.band)}`,
  );
  return `CASE ${whens.join(' ')} ELSE 'OTHER' END`;
}

/** Whole years of age on the calendar date an instant falls on. */
export function ageAtSql(dateOfBirth: string, instant: string): string {
  return `extract(year FROM age(${localDate(instant)}::timestamp, ${dateOfBirth}::timestamp))::int`;
}

/** The caseload aging bucket of a number of days open, from CASELOAD_AGING_RANGES (libs/domain). */
export function agingBucketSql(days: string): string {
  const whens = CASELOAD_AGING_RANGES.map((r) =>
    r.maxDays === null
      ? `ELSE ${lit(r.bucket)}`
      : `WHEN ${days} <= ${Math.trunc(r.maxDays)} THEN ${lit(r.bucket)}`,
  );
  return `CASE ${whens.join(' ')} END`;
}

const PERIOD_FORMATS: Record<ReportGroupBy, string> = {
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
  year: 'YYYY',
};

/** The trend bucket of an instant: `YYYY-MM`, `YYYY-Qn` or `YYYY` in the program's time zone. */
export function periodKeySql(ts: string, groupBy: ReportGroupBy): string {
  return `to_char(${ts} AT TIME ZONE ${TZ}, ${lit(PERIOD_FORMATS[groupBy])})`;
}

/** An instant plus whole months (UTC calendar, as `recidivismWindowElapsed` counts them). */
export function plusMonthsSql(ts: string, months: string): string {
  return `((${ts} AT TIME ZONE 'UTC') + make_interval(months => ${months})) AT TIME ZONE 'UTC'`;
}

/** An instant plus whole days of 24 hours (as `addDaysAt` counts calendar-day clocks). */
const plusDaysSql = (ts: string, days: string) => `(${ts} + make_interval(hours => 24 * ${days}))`;

/** The scope on referrals (`r`). */
function referralScopeSql(p: Params, scope: ReportScope): string {
  switch (scope.kind) {
    case 'AGENCY':
      return `r.referring_org_id = ${p.add(scope.orgId)}::uuid`;
    case 'PROVIDER':
      return `r.provider_org_id = ${p.add(scope.orgId)}::uuid`;
    case 'ALL':
      return 'true';
  }
}

/**
 * The scope on cases (`c`, with its referral `r`): the provider's cases are its own rows (cases.provider_org_id,
 * copied from the referral when it opens); a police agency's are the cases of the referrals it made.
 */
function caseScopeSql(p: Params, scope: ReportScope): string {
  switch (scope.kind) {
    case 'AGENCY':
      return `r.referring_org_id = ${p.add(scope.orgId)}::uuid`;
    case 'PROVIDER':
      return `c.provider_org_id = ${p.add(scope.orgId)}::uuid`;
    case 'ALL':
      return 'true';
  }
}

/** The school, school level and pathway filters on a referral (`r`, its school LEFT JOINed as `s`). */
function referralFiltersSql(p: Params, f: ReportFilters): string {
  const out: string[] = [];
  if (f.schoolId) out.push(`r.school_id = ${p.add(f.schoolId)}::uuid`);
  if (f.schoolLevel) out.push(`s.level = ${p.add(f.schoolLevel)}::text`);
  if (f.pathway) out.push(`r.pathway = ${p.add(f.pathway)}::text`);
  return out.length ? out.join(' AND ') : 'true';
}

/** The school and level filters on a school contact (`sc`, its school as `s`); pathway does not apply to contacts. */
function contactFiltersSql(p: Params, f: ReportFilters): string {
  const out: string[] = [];
  if (f.schoolId) out.push(`sc.school_id = ${p.add(f.schoolId)}::uuid`);
  if (f.schoolLevel) out.push(`s.level = ${p.add(f.schoolLevel)}::text`);
  return out.length ? out.join(' AND ') : 'true';
}

/**
 * A clock's state for one row: NULL (left out), 'met', 'missed' or 'pending'. Met when done by the due instant;
 * pending while not done and not yet due; missed otherwise. Left out when the calendar has no due date for it
 * (outside the business-day table) or when `excluded` holds.
 */
function clockStateSql(done: string, due: string, now: string, excluded = 'false'): string {
  return `CASE WHEN ${due} IS NULL OR (${excluded}) THEN NULL
               WHEN ${done} <= ${due} THEN 'met'
               WHEN ${done} IS NULL AND ${due} >= ${now} THEN 'pending'
               ELSE 'missed' END`;
}

/**
 * Business-day due instants of every calendar day from `fromDay` to `toDay` (program time zone), one
 * `business_due_at()` call per day and clock instead of one per row: the due instant depends only on the local date.
 */
function businessDueDaysSql(fromDay: string, toDay: string, clocks: Record<string, string>): string {
  const columns = Object.entries(clocks).map(
    ([name, n]) => `business_due_at(d.day::timestamp AT TIME ZONE ${TZ}, ${n}) AS ${name}`,
  );
  return `SELECT d.day::date AS day, ${columns.join(', ')}
            FROM generate_series(${fromDay}::timestamp, ${toDay}::timestamp, interval '1 day') AS d(day)`;
}

/**
 * Recidivism evidence for a closure CTE `cc` (id, referral_id, youth_id, closed_at), as two CTEs joined by hash rather
 * than probed per case: `recid_fu`, the windows whose DONE follow-up reports a new law-enforcement contact (not NONE);
 * `recid_nr`, the first later referral of the same youth (any organization, not a draft or duplicate).
 */
function recidivismCtesSql(cc: string): string {
  return `recid_fu AS (
      SELECT f.case_id, array_agg(DISTINCT f."window") AS windows
        FROM follow_ups f JOIN ${cc} x ON x.id = f.case_id
       WHERE f.status = 'DONE' AND f.new_le_contact IS NOT NULL AND f.new_le_contact <> 'NONE'
       GROUP BY f.case_id
    ),
    recid_nr AS (
      SELECT x.id AS case_id, min(n.received_at) AS first_new_at
        FROM ${cc} x JOIN referrals n ON n.youth_id = x.youth_id
       WHERE n.id <> x.referral_id AND n.received_at > x.closed_at AND n.status NOT IN ('DRAFT', 'DUPLICATE')
       GROUP BY x.id
    )`;
}

/**
 * Per recidivism window, over a closed case `c` with `fu` (recid_fu) and `nr` (recid_nr) LEFT JOINed: whether the
 * window elapsed by now (only then is the case counted) and whether the youth had a new law-enforcement contact in
 * it: the follow-up of that window says so, or a new referral came in (closed_at, closed_at + months].
 */
function recidivismColumnsSql(p: Params, now: string): string {
  return Object.entries(RECIDIVISM_WINDOW_MONTHS)
    .map(([window, m]) => {
      const end = plusMonthsSql('c.closed_at', `${p.add(m)}::int`);
      const w = window.toLowerCase();
      return `${end} <= ${now} AS ${w}_elapsed,
              ${end} <= ${now} AND (${lit(window)} = ANY(fu.windows) OR nr.first_new_at <= ${end}) AS ${w}_recidivated`;
    })
    .join(',\n');
}

/** The recidivism aggregates of a closure cohort CTE `c`. */
function recidivismAggregatesSql(): string {
  return Object.keys(RECIDIVISM_WINDOW_MONTHS)
    .map((window) => {
      const w = window.toLowerCase();
      return `count(*) FILTER (WHERE ${w}_elapsed)::int AS ${w}_elapsed,
              count(*) FILTER (WHERE ${w}_recidivated)::int AS ${w}_recidivated`;
    })
    .join(',\n');
}

export interface CohortInput {
  scope: ReportScope;
  filters: ReportFilters;
  window: ReportWindow;
  /** The first and last calendar day of the period and today, for the business-day table. */
  days: { from: string; to: string; today: string };
  groupBy: ReportGroupBy;
  clocks: ClockSettings;
}

/** One row per breakdown cell of the referral cohort. */
export interface CohortGroupRow {
  dim: string;
  key: string;
  label: string | null;
  n: number;
  enrolled: number;
  declined: number;
}

export interface CohortResult {
  /** The funnel (`received` … `completed`) and, per clock measured over referrals, `<clock>_<state>` (`triage_met`). */
  totals: Record<string, number> & {
    received: number;
    contacted: number;
    consented: number;
    enrolled: number;
    completed: number;
  };
  groups: CohortGroupRow[];
  /** Citations and custody of school contacts: dim 'total' (key 'ALL') or an equity dimension. */
  citations: { dim: string; key: string; n: number }[];
}

/**
 * The referral cohort R (referrals in scope received in the period, not duplicates, filtered) in one statement:
 * the funnel totals, every volume and equity breakdown (GROUPING SETS), the clocks measured over referrals and the
 * school contacts ending in citation or custody (the diversion rate's other term).
 */
export function referralCohortSql(p: Params, q: CohortInput): string {
  const from = `${p.add(q.window.from)}::timestamptz`;
  const to = `${p.add(q.window.to)}::timestamptz`;
  const now = `${p.add(q.window.now)}::timestamptz`;
  const ended = list(ENDED_REFERRAL_STATUSES);
  const scope = referralScopeSql(p, q.scope);
  const filters = referralFiltersSql(p, q.filters);
  const contactScope =
    q.scope.kind === 'AGENCY'
      ? `sc.organization_id = ${p.add(q.scope.orgId)}::uuid`
      : q.scope.kind === 'PROVIDER'
        ? // The provider has no school contacts: those of the agencies that referred the cohort.
          `sc.organization_id IN (SELECT DISTINCT referring_org_id FROM base)`
        : 'true';
  const dueDays = businessDueDaysSql(
    `${p.add(q.days.from)}::date`,
    `${p.add(q.days.today > q.days.to ? q.days.today : q.days.to)}::date`,
    {
      triage: `${p.add(q.clocks.triageBusinessDays)}::int`,
      first_contact: `${p.add(q.clocks.firstContactBusinessDays)}::int`,
      intake: `${p.add(q.clocks.intakeBusinessDays)}::int`,
    },
  );
  const assessmentDays = `${p.add(q.clocks.assessmentDays)}::int`;
  const casePlanDays = `${p.add(q.clocks.casePlanDays)}::int`;
  const endedWithout = (done: string, due: string) =>
    `${done} IS NULL AND r.ended_at IS NOT NULL AND r.ended_at <= ${due}`;
  const closedWithout = (done: string, due: string) =>
    `${done} IS NULL AND r.closed_at IS NOT NULL AND r.closed_at <= ${due}`;
  const assessmentDue = plusDaysSql('r.intake_at', assessmentDays);
  const casePlanDue = plusDaysSql('r.received_at', casePlanDays);
  // The state of each clock measured over referrals (COMPLETION_NOTICE is measured over closures).
  const referralClocks: Record<string, string> = {
    service_start_20_day: `CASE WHEN r.ended AND r.case_id IS NULL AND r.no_program_notice_at IS NULL THEN NULL
                                WHEN r.service_program_initiated_at <= r.due_service_start_at
                                  OR r.no_program_notice_at <= r.due_service_start_at + interval '24 hours' THEN 'met'
                                WHEN r.due_service_start_at >= ${now} THEN 'pending'
                                ELSE 'missed' END`,
    triage: clockStateSql('r.triaged_at', 'dr.triage', now, endedWithout('r.triaged_at', 'dr.triage')),
    first_outreach: `CASE WHEN r.assigned_at IS NOT NULL THEN ${clockStateSql(
      'r.first_outreach_at',
      'da.first_contact',
      now,
      endedWithout('r.first_outreach_at', 'da.first_contact'),
    )} END`,
    intake_consent: clockStateSql('r.opened_at', 'dr.intake', now, 'r.ended AND r.case_id IS NULL'),
    assessment: `CASE WHEN r.case_id IS NOT NULL THEN ${clockStateSql(
      'r.first_assessment_at',
      assessmentDue,
      now,
      closedWithout('r.first_assessment_at', assessmentDue),
    )} END`,
    case_plan: `CASE WHEN r.case_id IS NOT NULL THEN ${clockStateSql(
      'r.first_goal_at',
      casePlanDue,
      now,
      closedWithout('r.first_goal_at', casePlanDue),
    )} END`,
  };
  return `
    WITH base AS MATERIALIZED (
      SELECT r.id, r.status, r.received_at, r.referring_org_id, r.due_service_start_at,
             r.status IN (${ended}) AS ended,
             coalesce(r.school_id::text, 'UNKNOWN') AS school,
             coalesce(s.level, 'UNKNOWN') AS level,
             coalesce(rc.kind, 'UNKNOWN') AS reason,
             coalesce(r.pathway, 'UNKNOWN') AS pathway,
             coalesce(r.priority, 'UNKNOWN') AS priority,
             ${periodKeySql('r.received_at', q.groupBy)} AS period,
             ${raceGroupSql('y.race_ethnicity')} AS race,
             coalesce(y.gender_identity, 'DECLINED') AS gender,
             y.primary_language AS language,
             ${ageBandSql(ageAtSql('y.date_of_birth', 'r.received_at'))} AS age_band,
             c.id AS case_id, c.opened_at, c.closed_at, c.outcome_class, c.service_program_initiated_at,
             coalesce(c.intake_completed_at, c.opened_at) AS intake_at
        FROM referrals r
        JOIN youth y ON y.id = r.youth_id
        LEFT JOIN schools s ON s.id = r.school_id
        LEFT JOIN reason_codes rc ON rc.code = r.reason_codes[1]
        LEFT JOIN cases c ON c.referral_id = r.id
       WHERE ${scope} AND r.received_at >= ${from} AND r.received_at < ${to}
         AND r.status <> 'DUPLICATE' AND ${filters}
    ),
    -- The milestones of each referral, aggregated per table and joined by hash (or probed, for a small cohort).
    ev AS (
      SELECT e.referral_id,
             min(e.at) FILTER (WHERE e.action IN (${list(TRIAGE_ACTIONS)})) AS triaged_at,
             min(e.at) FILTER (WHERE e.action = 'assign') AS assigned_at,
             min(e.at) FILTER (WHERE e.status_to IN (${ended})) AS ended_at
        FROM referral_events e JOIN base b ON b.id = e.referral_id
       GROUP BY e.referral_id
    ),
    outreach AS (
      SELECT k.referral_id, bool_or(k.result = 'COMPLETED') AS completed,
             min(k.occurred_at) FILTER (WHERE k.occurred_at >= ev.assigned_at) AS first_after_assign
        FROM contacts k JOIN base b ON b.id = k.referral_id LEFT JOIN ev ON ev.referral_id = k.referral_id
       GROUP BY k.referral_id
    ),
    consent AS (
      SELECT DISTINCT k.referral_id FROM consents k JOIN base b ON b.id = k.referral_id
       WHERE k.type = 'PROGRAM_PARTICIPATION'
    ),
    notice AS (
      SELECT n.referral_id, min(n.sent_at) AS sent_at FROM notices n JOIN base b ON b.id = n.referral_id
       WHERE n.type = 'NO_PROGRAM_20_DAY' GROUP BY n.referral_id
    ),
    assessed AS (
      SELECT a.case_id, min(a.administered_at) AS first_at FROM assessments a JOIN base b ON b.case_id = a.case_id
       GROUP BY a.case_id
    ),
    planned AS (
      SELECT g.case_id, min(g.created_at) AS first_at FROM goals g JOIN base b ON b.case_id = g.case_id
       GROUP BY g.case_id
    ),
    r AS MATERIALIZED (
      SELECT b.*, ev.triaged_at, ev.assigned_at, ev.ended_at, notice.sent_at AS no_program_notice_at,
             b.case_id IS NOT NULL OR coalesce(o.completed, false) AS contacted,
             b.case_id IS NOT NULL OR consent.referral_id IS NOT NULL AS consented,
             -- Outreach: the first contact on the referral from its first assignment; opening the case (which
             -- needs the family's signed consent) counts when no contact was recorded before it.
             CASE WHEN ev.assigned_at IS NOT NULL THEN least(o.first_after_assign, b.opened_at) END AS first_outreach_at,
             assessed.first_at AS first_assessment_at,
             planned.first_at AS first_goal_at
        FROM base b
        LEFT JOIN ev ON ev.referral_id = b.id
        LEFT JOIN outreach o ON o.referral_id = b.id
        LEFT JOIN consent ON consent.referral_id = b.id
        LEFT JOIN notice ON notice.referral_id = b.id
        LEFT JOIN assessed ON assessed.case_id = b.case_id
        LEFT JOIN planned ON planned.case_id = b.case_id
    ),
    due AS (${dueDays}),
    -- One pass over the cohort: the funnel and the state of each clock per referral, counted.
    totals AS (
      SELECT count(*)::int AS received,
             count(*) FILTER (WHERE contacted)::int AS contacted,
             count(*) FILTER (WHERE consented)::int AS consented,
             count(case_id)::int AS enrolled,
             count(*) FILTER (WHERE outcome_class = 'SUCCESSFUL')::int AS completed,
             ${Object.keys(referralClocks)
               .flatMap((clock) =>
                 CLOCK_STATES.map(
                   (state) => `count(*) FILTER (WHERE ${clock} = '${state}')::int AS ${clock}_${state}`,
                 ),
               )
               .join(',\n')}
        FROM (SELECT r.contacted, r.consented, r.case_id, r.outcome_class,
                     ${Object.entries(referralClocks)
                       .map(([clock, state]) => `${state} AS ${clock}`)
                       .join(',\n')}
                FROM r
                LEFT JOIN due dr ON dr.day = ${localDate('r.received_at')}
                LEFT JOIN due da ON da.day = ${localDate('r.assigned_at')}) r
    ),
    groups AS (
      SELECT CASE WHEN GROUPING(period) = 0 THEN 'period' WHEN GROUPING(school) = 0 THEN 'school'
                  WHEN GROUPING(level) = 0 THEN 'level' WHEN GROUPING(reason) = 0 THEN 'reason'
                  WHEN GROUPING(pathway) = 0 THEN 'pathway' WHEN GROUPING(priority) = 0 THEN 'priority'
                  WHEN GROUPING(race) = 0 THEN 'RACE_ETHNICITY' WHEN GROUPING(gender) = 0 THEN 'GENDER'
                  WHEN GROUPING(language) = 0 THEN 'LANGUAGE' ELSE 'AGE_BAND' END AS dim,
             coalesce(period, school, level, reason, pathway, priority, race, gender, language, age_band) AS key,
             count(*)::int AS n,
             count(case_id)::int AS enrolled,
             count(*) FILTER (WHERE status = 'DECLINED')::int AS declined
        FROM r
       GROUP BY GROUPING SETS ((period), (school), (level), (reason), (pathway), (priority),
                               (race), (gender), (language), (age_band))
    ),
    citations AS (
      SELECT CASE WHEN GROUPING(race) = 0 THEN 'RACE_ETHNICITY' WHEN GROUPING(gender) = 0 THEN 'GENDER'
                  WHEN GROUPING(age_band) = 0 THEN 'AGE_BAND' ELSE 'total' END AS dim,
             coalesce(race, gender, age_band, 'ALL') AS key,
             count(*)::int AS n
        FROM (SELECT ${raceGroupSql('sc.race_ethnicity')} AS race,
                     coalesce(sc.gender_identity, 'DECLINED') AS gender, sc.age_band
                FROM school_contacts sc
                LEFT JOIN schools s ON s.id = sc.school_id
               WHERE sc.disposition IN (${list(CITATION_DISPOSITIONS)})
                 AND sc.occurred_at >= ${from} AND sc.occurred_at < ${to}
                 AND ${contactScope} AND ${contactFiltersSql(p, q.filters)}) sc
       GROUP BY GROUPING SETS ((), (race), (gender), (age_band))
    )
    SELECT (SELECT row_to_json(totals) FROM totals) AS totals,
           (SELECT coalesce(json_agg(json_build_object('dim', g.dim, 'key', g.key, 'label', sch.name, 'n', g.n,
                                                       'enrolled', g.enrolled, 'declined', g.declined)), '[]')
              FROM groups g LEFT JOIN schools sch ON g.dim = 'school' AND sch.id::text = g.key) AS groups,
           (SELECT coalesce(json_agg(citations), '[]') FROM citations) AS citations`;
}

/** One row per breakdown cell of the closure cohort (dim 'total', key 'ALL' for the whole cohort). */
export interface ClosureGroupRow {
  dim: string;
  key: string;
  n: number;
  successful: number;
  unsuccessful: number;
  m6_elapsed: number;
  m6_recidivated: number;
  m12_elapsed: number;
  m12_recidivated: number;
  notice_met: number;
  notice_missed: number;
  notice_pending: number;
}

/**
 * The closure cohort C (cases of referrals in scope, filtered on the referral, closed in the period): outcomes,
 * closure reasons, recidivism per window, the completion-notice clock and the equity breakdowns, in one statement.
 */
export function closureCohortSql(
  p: Params,
  q: CohortInput & { completionNoticeBusinessDays: number },
): string {
  const from = `${p.add(q.window.from)}::timestamptz`;
  const to = `${p.add(q.window.to)}::timestamptz`;
  const now = `${p.add(q.window.now)}::timestamptz`;
  const dueDays = businessDueDaysSql(`${p.add(q.days.from)}::date`, `${p.add(q.days.to)}::date`, {
    completion_notice: `${p.add(q.completionNoticeBusinessDays)}::int`,
  });
  return `
    WITH cc AS MATERIALIZED (
      SELECT c.id, c.referral_id, r.youth_id, c.closed_at, c.outcome_class,
             coalesce(c.closure_reason, 'UNKNOWN') AS reason,
             ${raceGroupSql('y.race_ethnicity')} AS race,
             coalesce(y.gender_identity, 'DECLINED') AS gender,
             y.primary_language AS language,
             ${ageBandSql(ageAtSql('y.date_of_birth', 'r.received_at'))} AS age_band,
             CASE WHEN c.outcome_class = 'SUCCESSFUL' AND c.pathway = 'LE_DIVERSION_626B' THEN
               ${clockStateSql('c.completion_notice_sent_at', 'd.completion_notice', now)} END AS notice
        FROM cases c
        JOIN referrals r ON r.id = c.referral_id
        JOIN youth y ON y.id = r.youth_id
        LEFT JOIN schools s ON s.id = r.school_id
        LEFT JOIN (${dueDays}) d ON d.day = ${localDate('c.closed_at')}
       WHERE ${caseScopeSql(p, q.scope)} AND c.closed_at >= ${from} AND c.closed_at < ${to}
         AND ${referralFiltersSql(p, q.filters)}
    ),
    ${recidivismCtesSql('cc')},
    c AS (
      SELECT c.*, ${recidivismColumnsSql(p, now)}
        FROM cc c
        LEFT JOIN recid_fu fu ON fu.case_id = c.id
        LEFT JOIN recid_nr nr ON nr.case_id = c.id
    )
    SELECT CASE WHEN GROUPING(outcome_class) = 0 THEN 'outcome' WHEN GROUPING(reason) = 0 THEN 'reason'
                WHEN GROUPING(race) = 0 THEN 'RACE_ETHNICITY' WHEN GROUPING(gender) = 0 THEN 'GENDER'
                WHEN GROUPING(language) = 0 THEN 'LANGUAGE' WHEN GROUPING(age_band) = 0 THEN 'AGE_BAND'
                ELSE 'total' END AS dim,
           coalesce(outcome_class, reason, race, gender, language, age_band, 'ALL') AS key,
           count(*)::int AS n,
           count(*) FILTER (WHERE outcome_class = 'SUCCESSFUL')::int AS successful,
           count(*) FILTER (WHERE outcome_class = 'UNSUCCESSFUL')::int AS unsuccessful,
           ${recidivismAggregatesSql()},
           count(*) FILTER (WHERE notice = 'met')::int AS notice_met,
           count(*) FILTER (WHERE notice = 'missed')::int AS notice_missed,
           count(*) FILTER (WHERE notice = 'pending')::int AS notice_pending
      FROM c
     GROUP BY GROUPING SETS ((), (outcome_class), (reason), (race), (gender), (language), (age_band))`;
}

export interface CaseloadRow {
  counselor_id: string | null;
  label: string | null;
  bucket: string;
  n: number;
}

/**
 * Open cases now (OPEN_CASE_STATUSES) of referrals in scope, filtered on the referral, by aging bucket (calendar
 * days since opening, program time zone): per primary counselor and in total (counselor_id NULL).
 */
export function caseloadSql(
  p: Params,
  q: { scope: ReportScope; filters: ReportFilters; now: Date; perCounselor: boolean },
): string {
  const days = `(${localDate(`${p.add(q.now)}::timestamptz`)} - ${localDate('c.opened_at')})`;
  // Police users get the total only: no per-counselor grouping at all.
  const [counselor, label, groupBy] = q.perCounselor
    ? [
        'CASE WHEN GROUPING(c.primary_counselor_id) = 0 THEN c.primary_counselor_id END',
        'CASE WHEN GROUPING(c.primary_counselor_id) = 0 THEN min(u.display_name) END',
        'GROUPING SETS ((c.primary_counselor_id, bucket), (bucket))',
      ]
    : ['NULL::uuid', 'NULL::text', 'bucket'];
  return `
    SELECT ${counselor} AS counselor_id, ${label} AS label, bucket, count(*)::int AS n
      FROM cases c
      JOIN referrals r ON r.id = c.referral_id
      LEFT JOIN schools s ON s.id = r.school_id
      LEFT JOIN users u ON u.id = c.primary_counselor_id
      CROSS JOIN LATERAL (SELECT ${agingBucketSql(days)} AS bucket) b
     WHERE c.status IN (${list(OPEN_CASE_STATUSES)}) AND ${caseScopeSql(p, q.scope)}
       AND ${referralFiltersSql(p, q.filters)}
     GROUP BY ${groupBy}`;
}

export interface DosageRow {
  service_type: string | null;
  label: string | null;
  youth: number;
  sessions: number;
  minutes: number;
}

/**
 * Completed service sessions in the period (contacts tied to a service enrollment) of cases of referrals in scope,
 * filtered on the referral: distinct cases, sessions and minutes, per service type and in total (service_type NULL).
 */
export function dosageSql(
  p: Params,
  q: { scope: ReportScope; filters: ReportFilters; window: ReportWindow },
): string {
  return `
    WITH per_case AS (
      SELECT k.case_id, se.service_type, count(*)::int AS sessions, coalesce(sum(k.duration_min), 0)::int AS minutes
        FROM contacts k
        JOIN service_enrollments se ON se.id = k.service_enrollment_id
        JOIN cases c ON c.id = k.case_id
        JOIN referrals r ON r.id = c.referral_id
        LEFT JOIN schools s ON s.id = r.school_id
       WHERE k.service_enrollment_id IS NOT NULL AND k.result = 'COMPLETED'
         AND k.occurred_at >= ${p.add(q.window.from)}::timestamptz AND k.occurred_at < ${p.add(q.window.to)}::timestamptz
         AND ${caseScopeSql(p, q.scope)} AND ${referralFiltersSql(p, q.filters)}
       GROUP BY k.case_id, se.service_type
    ),
    by_type AS (
      SELECT service_type, count(*)::int AS youth, sum(sessions)::int AS sessions, sum(minutes)::int AS minutes
        FROM per_case GROUP BY service_type
    )
    SELECT t.service_type, st.label, t.youth, t.sessions, t.minutes
      FROM by_type t LEFT JOIN service_types st ON st.code = t.service_type
    UNION ALL
    SELECT NULL, NULL, count(DISTINCT case_id)::int, coalesce(sum(sessions), 0)::int, coalesce(sum(minutes), 0)::int
      FROM per_case`;
}

export interface PublicDashboardResult {
  groups: { dim: string; key: string; n: number }[];
  citations: number;
  closures: { successful: number; unsuccessful: number } & Record<string, number>;
  events: { type: string | null; events: number; participants: number }[];
}

/**
 * The public dashboard's counts over every organization for one calendar year, in one statement: referrals by
 * month, school level and pathway; citations and custody; closures and recidivism; community events by type.
 */
export function publicDashboardSql(p: Params, q: { window: ReportWindow; year: number }): string {
  const from = `${p.add(q.window.from)}::timestamptz`;
  const to = `${p.add(q.window.to)}::timestamptz`;
  const now = `${p.add(q.window.now)}::timestamptz`;
  return `
    WITH r AS MATERIALIZED (
      SELECT ${periodKeySql('r.received_at', 'month')} AS period,
             coalesce(s.level, 'UNKNOWN') AS level, coalesce(r.pathway, 'UNKNOWN') AS pathway
        FROM referrals r LEFT JOIN schools s ON s.id = r.school_id
       WHERE r.received_at >= ${from} AND r.received_at < ${to} AND r.status <> 'DUPLICATE'
    ),
    groups AS (
      SELECT CASE WHEN GROUPING(period) = 0 THEN 'period' WHEN GROUPING(level) = 0 THEN 'level'
                  WHEN GROUPING(pathway) = 0 THEN 'pathway' ELSE 'total' END AS dim,
             coalesce(period, level, pathway, 'ALL') AS key, count(*)::int AS n
        FROM r GROUP BY GROUPING SETS ((), (period), (level), (pathway))
    ),
    cc AS MATERIALIZED (
      SELECT c.id, c.referral_id, c.youth_id, c.closed_at, c.outcome_class
        FROM cases c WHERE c.closed_at >= ${from} AND c.closed_at < ${to}
    ),
    ${recidivismCtesSql('cc')},
    c AS (
      SELECT c.outcome_class, ${recidivismColumnsSql(p, now)}
        FROM cc c
        LEFT JOIN recid_fu fu ON fu.case_id = c.id
        LEFT JOIN recid_nr nr ON nr.case_id = c.id
    ),
    closures AS (
      SELECT count(*) FILTER (WHERE outcome_class = 'SUCCESSFUL')::int AS successful,
             count(*) FILTER (WHERE outcome_class = 'UNSUCCESSFUL')::int AS unsuccessful,
             count(*)::int AS n,
             ${recidivismAggregatesSql()}
        FROM c
    ),
    community AS (
      SELECT type, count(*)::int AS events, coalesce(sum(participant_count), 0)::int AS participants
        FROM community_events
       WHERE occurred_on >= make_date(${p.add(q.year)}::int, 1, 1)
         AND occurred_on < make_date(${p.add(q.year + 1)}::int, 1, 1)
       GROUP BY GROUPING SETS ((type), ())
    )
    SELECT (SELECT coalesce(json_agg(groups), '[]') FROM groups) AS groups,
           (SELECT count(*)::int FROM school_contacts sc
             WHERE sc.disposition IN (${list(CITATION_DISPOSITIONS)})
               AND sc.occurred_at >= ${from} AND sc.occurred_at < ${to}) AS citations,
           (SELECT row_to_json(closures) FROM closures) AS closures,
           (SELECT coalesce(json_agg(community), '[]') FROM community) AS events`;
}
