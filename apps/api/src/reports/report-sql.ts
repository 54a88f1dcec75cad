import type { ReportGroupBy } from '@pathways/contracts';
import {
  AGE_BAND_RANGES,
  CASELOAD_AGING_RANGES,
  PROGRAM_TIME_ZONE,
  RECIDIVISM_WINDOW_MONTHS,
} from '@pathways/domain';
import type { Params } from '../common/sql-params';

/**
 * The SQL pieces the outcome reports and their facts share (DOMAIN.md "Outcome measures"): groups, clocks, windows,
 * scopes and filters. Values from the caller travel only as `$n` parameters; the few literals written into the text
 * are constants of this codebase (time zone, statuses, bucket bounds).
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

export const list = (values: readonly string[]) => values.map(lit).join(', ');
export const TZ = lit(PROGRAM_TIME_ZONE);

/** The states a clock can be in for one row (rows it does not apply to have none). */
export const CLOCK_STATES = ['met', 'missed', 'pending'] as const;

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

export const PERIOD_FORMATS: Record<ReportGroupBy, string> = {
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
  year: 'YYYY',
};

/** An instant plus whole months (UTC calendar, as `recidivismWindowElapsed` counts them). */
export function plusMonthsSql(ts: string, months: string): string {
  return `((${ts} AT TIME ZONE 'UTC') + make_interval(months => ${months})) AT TIME ZONE 'UTC'`;
}

/** An instant plus whole days of 24 hours (as `addDaysAt` counts calendar-day clocks). */
export const plusDaysSql = (ts: string, days: string) => `(${ts} + make_interval(hours => 24 * ${days}))`;

/**
 * The scope on cases (`c`, with its referral `r`): the provider's cases are its own rows (cases.provider_org_id,
 * copied from the referral when it opens); a police agency's are the cases of the referrals it made.
 */
export function caseScopeSql(p: Params, scope: ReportScope): string {
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
export function referralFiltersSql(p: Params, f: ReportFilters): string {
  const out: string[] = [];
  if (f.schoolId) out.push(`r.school_id = ${p.add(f.schoolId)}::uuid`);
  if (f.schoolLevel) out.push(`s.level = ${p.add(f.schoolLevel)}::text`);
  if (f.pathway) out.push(`r.pathway = ${p.add(f.pathway)}::text`);
  return out.length ? out.join(' AND ') : 'true';
}

/** The school and level filters on a school contact (`sc`, its school as `s`); pathway does not apply to contacts. */
export function contactFiltersSql(p: Params, f: ReportFilters): string {
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
export function clockStateSql(done: string, due: string, now: string, excluded = 'false'): string {
  return `CASE WHEN ${due} IS NULL OR (${excluded}) THEN NULL
               WHEN ${done} <= ${due} THEN 'met'
               WHEN ${done} IS NULL AND ${due} >= ${now} THEN 'pending'
               ELSE 'missed' END`;
}

/**
 * Recidivism evidence for a closure CTE `cc` (id, referral_id, youth_id, closed_at), as two CTEs joined by hash rather
 * than probed per case: `recid_fu`, the windows whose DONE follow-up reports a new law-enforcement contact (not NONE);
 * `recid_nr`, the first later referral of the same youth (any organization, not a draft or duplicate).
 */
export function recidivismCtesSql(cc: string): string {
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
export function recidivismColumnsSql(p: Params, now: string): string {
  return Object.entries(RECIDIVISM_WINDOW_MONTHS)
    .map(([window, m]) => {
      const end = plusMonthsSql('c.closed_at', `${p.add(m)}::int`);
      const w = window.toLowerCase();
      return `${end} <= ${now} AS ${w}_elapsed,
              ${end} <= ${now} AND (${lit(window)} = ANY(fu.windows) OR nr.first_new_at <= ${end}) AS ${w}_recidivated`;
    })
    .join(',\n');
}
