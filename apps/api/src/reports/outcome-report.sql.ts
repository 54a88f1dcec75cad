import { OPEN_CASE_STATUSES, type ReportGroupBy } from '@pathways/contracts';
import { RECIDIVISM_WINDOW_MONTHS } from '@pathways/domain';
import type { Params } from '../common/sql-params';
import {
  CLOSURE_ROLLUP,
  CLOSURE_SCHOOL_ROLLUP,
  groupedFactsSql,
  REFERRAL_CLOCKS,
  REFERRAL_ROLLUP,
  REFERRAL_SCHOOL_ROLLUP,
  type RollupSpec,
} from './report-facts.sql';
import {
  agingBucketSql,
  caseScopeSql,
  CITATION_DISPOSITIONS,
  CLOCK_STATES,
  contactFiltersSql,
  list,
  lit,
  localDate,
  PERIOD_FORMATS,
  referralFiltersSql,
  type ReportFilters,
  type ReportScope,
} from './report-sql';

/**
 * The outcome reports' statements. They count from the report facts and rollups (migration ReportFacts,
 * report-facts.sql.ts), brought up to date by ReportFactsService.refresh() before the report reads: a period of every
 * school sums the daily rollups (a year is a few tens of thousands of rows); a school, school level or pathway
 * filter counts the matching facts (one row per referral or case). Both give the same rows (day, organizations,
 * group, counters), so the rest of each statement is one.
 */

export interface CohortInput {
  scope: ReportScope;
  filters: ReportFilters;
  /** The first and last calendar day of the period (program time zone), both included. */
  days: { from: string; to: string };
  /** The same period as instants [from, to), for the school contacts counted live. */
  window: { from: Date; to: Date };
  groupBy: ReportGroupBy;
  /** Under a filter: the whole months and edge days of the period (null: no filter). */
  plan: PeriodPlan | null;
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

const isFiltered = (f: ReportFilters) => Boolean(f.schoolId || f.schoolLevel || f.pathway);

/** The scope on a fact or rollup row `f`: the referring agency's, the provider's, or everyone's. */
function factScopeSql(p: Params, scope: ReportScope): string {
  switch (scope.kind) {
    case 'AGENCY':
      return `f.referring_org_id = ${p.add(scope.orgId)}::uuid`;
    case 'PROVIDER':
      return `f.provider_org_id = ${p.add(scope.orgId)}::uuid`;
    case 'ALL':
      return 'true';
  }
}

/** The school, school level and pathway filters on a fact row `f` (the referral's). */
function factFiltersSql(p: Params, f: ReportFilters): string {
  const out: string[] = [];
  if (f.schoolId) out.push(`f.school_id = ${p.add(f.schoolId)}::uuid`);
  if (f.schoolLevel) out.push(`f.level = ${p.add(f.schoolLevel)}::text`);
  if (f.pathway) out.push(`f.pathway = ${p.add(f.pathway)}::text`);
  return out.length ? out.join(' AND ') : 'true';
}

/**
 * How a period splits for a report that reads monthly rows: the months it covers whole (first..last, as first days;
 * null when none) and the day ranges at its edges, counted from the facts (with their instants, for live counts).
 */
export interface PeriodPlan {
  months: { first: string; last: string } | null;
  edges: { fromDay: string; toDay: string; from: Date; to: Date }[];
}

/**
 * The rollup rows of a period in scope, as `tot` (group 'total') and `grp` (the other groups). Without a filter:
 * the daily rollup (its index leads with the organization and the group). Under a school, school level or pathway
 * filter: the monthly rollup per school and pathway for the whole months of `plan`, and the matching facts of its
 * edge days, grouped alike.
 */
function periodRowsSql(
  p: Params,
  spec: { daily: RollupSpec; monthly: RollupSpec; facts: string },
  q: {
    scope: ReportScope;
    filters: ReportFilters;
    days: { from: string; to: string };
    plan: PeriodPlan | null;
  },
): { ctes: string; total: string; groups: string } {
  const scope = factScopeSql(p, q.scope);
  if (!isFiltered(q.filters) || !q.plan) {
    const range = `f.day BETWEEN ${p.add(q.days.from)}::date AND ${p.add(q.days.to)}::date`;
    return {
      ctes: `tot AS (SELECT * FROM ${spec.daily.rollup} f WHERE ${scope} AND f.dim = 'total' AND ${range}),
             grp AS (SELECT * FROM ${spec.daily.rollup} f WHERE ${scope} AND f.dim <> 'total' AND ${range}),`,
      total: 'tot',
      groups: 'grp',
    };
  }
  const filters = factFiltersSql(p, q.filters);
  const parts: string[] = [];
  if (q.plan.months)
    parts.push(`SELECT f.month AS day, f.referring_org_id, f.provider_org_id, f.dim, f.key,
                       ${Object.keys(spec.monthly.counters)
                         .map((c) => `f.${c}`)
                         .join(', ')}
                  FROM ${spec.monthly.rollup} f
                 WHERE ${scope} AND ${filters}
                   AND f.month BETWEEN ${p.add(q.plan.months.first)}::date AND ${p.add(q.plan.months.last)}::date`);
  if (q.plan.edges.length) {
    const days = q.plan.edges
      .map((e) => `f.day BETWEEN ${p.add(e.fromDay)}::date AND ${p.add(e.toDay)}::date`)
      .join(' OR ');
    parts.push(
      groupedFactsSql(
        spec.daily,
        `(SELECT * FROM ${spec.facts} f WHERE ${scope} AND ${filters} AND (${days}))`,
      ),
    );
  }
  return {
    ctes: `src AS MATERIALIZED (${parts.join('\nUNION ALL\n')}),`,
    total: `(SELECT * FROM src WHERE dim = 'total') tot`,
    groups: `(SELECT * FROM src WHERE dim <> 'total') grp`,
  };
}

const sumOf = (column: string) => `coalesce(sum(${column}), 0)::int`;

/**
 * The referral cohort R (referrals in scope received in the period, not duplicates, filtered): the funnel totals,
 * the state counts of each clock, every volume and equity breakdown, and the school contacts ending in citation or
 * custody (the diversion rate's other term, counted live from their own index).
 */
export function referralCohortSql(p: Params, q: CohortInput): string {
  const from = `${p.add(q.window.from)}::timestamptz`;
  const to = `${p.add(q.window.to)}::timestamptz`;
  const rows = periodRowsSql(
    p,
    { daily: REFERRAL_ROLLUP, monthly: REFERRAL_SCHOOL_ROLLUP, facts: 'report_referral_facts' },
    q,
  );
  const contactScope =
    q.scope.kind === 'AGENCY'
      ? `sc.organization_id = ${p.add(q.scope.orgId)}::uuid`
      : q.scope.kind === 'PROVIDER'
        ? // The provider has no school contacts: those of the agencies that referred the cohort.
          `sc.organization_id IN (SELECT DISTINCT referring_org_id FROM ${rows.total} WHERE n > 0)`
        : 'true';
  const clockTotals = REFERRAL_CLOCKS.flatMap((clock) =>
    CLOCK_STATES.map((state) => `${sumOf(`${clock}_${state}`)} AS ${clock}_${state}`),
  );
  return `
    WITH ${rows.ctes}
    totals AS (
      SELECT ${sumOf('n')} AS received, ${sumOf('contacted')} AS contacted, ${sumOf('consented')} AS consented,
             ${sumOf('enrolled')} AS enrolled, ${sumOf('completed')} AS completed,
             ${clockTotals.join(',\n')}
        FROM ${rows.total}
    ),
    groups AS (
      SELECT 'period' AS dim, to_char(day, ${lit(PERIOD_FORMATS[q.groupBy])}) AS key,
             sum(n)::int AS n, sum(enrolled)::int AS enrolled, sum(declined)::int AS declined
        FROM ${rows.total} GROUP BY 2 HAVING sum(n) > 0
      UNION ALL
      SELECT dim, key, sum(n)::int, sum(enrolled)::int, sum(declined)::int
        FROM ${rows.groups} GROUP BY dim, key HAVING sum(n) > 0
    ),
    citations AS (
      SELECT CASE WHEN GROUPING(race) = 0 THEN 'RACE_ETHNICITY' WHEN GROUPING(gender) = 0 THEN 'GENDER'
                  WHEN GROUPING(age_band) = 0 THEN 'AGE_BAND' ELSE 'total' END AS dim,
             coalesce(race, gender, age_band, 'ALL') AS key,
             coalesce(sum(n), 0)::int AS n
        FROM (SELECT sc.race_group AS race, coalesce(sc.gender_identity, 'DECLINED') AS gender, sc.age_band,
                     count(*) AS n
                FROM school_contacts sc
                LEFT JOIN schools s ON s.id = sc.school_id
               WHERE sc.disposition IN (${list(CITATION_DISPOSITIONS)})
                 AND sc.occurred_at >= ${from} AND sc.occurred_at < ${to}
                 AND ${contactScope} AND ${contactFiltersSql(p, q.filters)}
               GROUP BY 1, 2, 3) sc
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

const CLOSURE_COUNTERS = Object.keys(CLOSURE_ROLLUP.counters);

/**
 * The closure cohort C (cases of referrals in scope, filtered on the referral, closed in the period): outcomes,
 * closure reasons, recidivism per window, the completion-notice clock and the equity breakdowns. The whole cohort
 * (dim 'total') always has a row, zero when nothing closed.
 */
export function closureCohortSql(
  p: Params,
  q: Omit<CohortInput, 'groupBy' | 'window' | 'plan'> & { plan: PeriodPlan | null },
): string {
  const rows = periodRowsSql(
    p,
    { daily: CLOSURE_ROLLUP, monthly: CLOSURE_SCHOOL_ROLLUP, facts: 'report_case_facts' },
    q,
  );
  return `
    WITH ${rows.ctes}
    cells AS (
      SELECT dim, key, ${CLOSURE_COUNTERS.map((c) => `sum(${c})::int AS ${c}`).join(', ')}
        FROM (SELECT * FROM ${rows.total} UNION ALL SELECT * FROM ${rows.groups}) x
       GROUP BY dim, key HAVING sum(n) > 0 OR dim = 'total'
    )
    SELECT * FROM cells
    UNION ALL
    SELECT 'total', 'ALL', ${CLOSURE_COUNTERS.map(() => '0').join(', ')}
     WHERE NOT EXISTS (SELECT 1 FROM cells WHERE dim = 'total')`;
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
  const days = `(${localDate(`${p.add(q.now)}::timestamptz`)} - f.opened_day)`;
  // Police users get the total only: no per-counselor grouping at all.
  const [counselor, label, groupBy] = q.perCounselor
    ? [
        'CASE WHEN GROUPING(f.primary_counselor_id) = 0 THEN f.primary_counselor_id END',
        'CASE WHEN GROUPING(f.primary_counselor_id) = 0 THEN min(u.display_name) END',
        'GROUPING SETS ((f.primary_counselor_id, f.bucket), (f.bucket))',
      ]
    : ['NULL::uuid', 'NULL::text', 'f.bucket'];
  // Counted per counselor and bucket first (an index-only scan), then named and totalled over those few rows.
  return `
    WITH per AS (
      SELECT f.primary_counselor_id, ${agingBucketSql(days)} AS bucket, count(*)::int AS n
        FROM report_case_facts f
       WHERE f.status IN (${list(OPEN_CASE_STATUSES)})
         AND ${factScopeSql(p, q.scope)} AND ${factFiltersSql(p, q.filters)}
       GROUP BY 1, 2
    )
    SELECT ${counselor} AS counselor_id, ${label} AS label, f.bucket, sum(f.n)::int AS n
      FROM per f
      LEFT JOIN users u ON u.id = f.primary_counselor_id
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
 * filtered on the referral: distinct cases, sessions and minutes per service type, and in total (service_type NULL;
 * a case with two types counts once). A case counts once in a period: in the whole months, in the first month it had
 * sessions (its previous month with sessions is before the period); at the edges, only when it had none in the months.
 */
export function dosageSql(
  p: Params,
  q: { scope: ReportScope; filters: ReportFilters; plan: PeriodPlan },
): string {
  const first = q.plan.months ? `${p.add(q.plan.months.first)}::date` : 'NULL::date';
  const last = q.plan.months ? `${p.add(q.plan.months.last)}::date` : 'NULL::date';
  const inMonths = `f.month BETWEEN ${first} AND ${last}`;
  const scope = factScopeSql(p, q.scope);
  const newIn = (prev: string) => `(${prev} IS NULL OR ${prev} < ${first})`;
  const [innerType, innerAll] = isFiltered(q.filters)
    ? [
        `SELECT f.service_type, count(*) FILTER (WHERE ${newIn('f.prev_month')})::int AS youth,
                sum(f.sessions)::int AS sessions, sum(f.minutes)::int AS minutes
           FROM report_service_months f
          WHERE ${scope} AND ${factFiltersSql(p, q.filters)} AND ${inMonths}
          GROUP BY f.service_type`,
        `SELECT count(*) FILTER (WHERE f.case_first AND ${newIn('f.prev_case_month')})::int AS youth
           FROM report_service_months f
          WHERE ${scope} AND ${factFiltersSql(p, q.filters)} AND ${inMonths}`,
      ]
    : [
        `SELECT f.service_type, coalesce(sum(f.pairs) FILTER (WHERE ${newIn('f.prev_month')}), 0)::int AS youth,
                sum(f.sessions)::int AS sessions, sum(f.minutes)::int AS minutes
           FROM report_service_month_totals f
          WHERE ${scope} AND ${inMonths}
          GROUP BY f.service_type`,
        `SELECT coalesce(sum(f.cases) FILTER (WHERE ${newIn('f.prev_case_month')}), 0)::int AS youth
           FROM report_service_case_months f
          WHERE ${scope} AND ${inMonths}`,
      ];
  const edgeRanges = q.plan.edges.length
    ? q.plan.edges
        .map(
          (e) =>
            `(k.occurred_at >= ${p.add(e.from)}::timestamptz AND k.occurred_at < ${p.add(e.to)}::timestamptz)`,
        )
        .join(' OR ')
    : 'false';
  const inMonthsOf = (m: string) => `${m}.month BETWEEN ${first} AND ${last}`;
  return `
    WITH edge AS (
      SELECT k.case_id, se.service_type, count(*)::int AS sessions, coalesce(sum(k.duration_min), 0)::int AS minutes
        FROM contacts k
        JOIN service_enrollments se ON se.id = k.service_enrollment_id
        JOIN cases c ON c.id = k.case_id
        JOIN referrals r ON r.id = c.referral_id
        LEFT JOIN schools s ON s.id = r.school_id
       WHERE k.service_enrollment_id IS NOT NULL AND k.result = 'COMPLETED' AND (${edgeRanges})
         AND ${caseScopeSql(p, q.scope)} AND ${referralFiltersSql(p, q.filters)}
       GROUP BY k.case_id, se.service_type
    ),
    edge_type AS (
      SELECT e.service_type,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM report_service_months m
                WHERE m.case_id = e.case_id AND m.service_type = e.service_type AND ${inMonthsOf('m')}))::int AS youth,
             sum(e.sessions)::int AS sessions, sum(e.minutes)::int AS minutes
        FROM edge e GROUP BY e.service_type
    ),
    edge_all AS (
      SELECT count(DISTINCT e.case_id) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM report_service_months m WHERE m.case_id = e.case_id AND ${inMonthsOf('m')}))::int AS youth
        FROM edge e
    ),
    by_type AS (
      SELECT service_type, sum(youth)::int AS youth, sum(sessions)::int AS sessions, sum(minutes)::int AS minutes
        FROM (${innerType} UNION ALL SELECT * FROM edge_type) x
       GROUP BY service_type
    )
    SELECT t.service_type, st.label, t.youth, t.sessions, t.minutes
      FROM by_type t LEFT JOIN service_types st ON st.code = t.service_type
    UNION ALL
    SELECT NULL, NULL, (SELECT youth FROM (${innerAll}) i) + (SELECT youth FROM edge_all),
           ${sumOf('sessions')}, ${sumOf('minutes')}
      FROM by_type`;
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
export function publicDashboardSql(
  p: Params,
  q: { days: { from: string; to: string }; window: { from: Date; to: Date }; year: number },
): string {
  const range = `f.day BETWEEN ${p.add(q.days.from)}::date AND ${p.add(q.days.to)}::date`;
  const recidivism = Object.keys(RECIDIVISM_WINDOW_MONTHS).flatMap((w) => {
    const x = w.toLowerCase();
    return [`${sumOf(`${x}_elapsed`)} AS ${x}_elapsed`, `${sumOf(`${x}_recidivated`)} AS ${x}_recidivated`];
  });
  return `
    WITH r AS MATERIALIZED (
      SELECT day, dim, key, n FROM report_referral_days f WHERE ${range} AND dim IN ('total', 'level', 'pathway')
    ),
    groups AS (
      SELECT 'total' AS dim, 'ALL' AS key, ${sumOf('n')} AS n FROM r WHERE dim = 'total'
      UNION ALL
      SELECT 'period', to_char(day, ${lit(PERIOD_FORMATS.month)}), sum(n)::int FROM r WHERE dim = 'total'
       GROUP BY 2 HAVING sum(n) > 0
      UNION ALL
      SELECT dim, key, sum(n)::int FROM r WHERE dim <> 'total' GROUP BY dim, key HAVING sum(n) > 0
    ),
    closures AS (
      SELECT ${sumOf('successful')} AS successful, ${sumOf('unsuccessful')} AS unsuccessful, ${sumOf('n')} AS n,
             ${recidivism.join(', ')}
        FROM report_closure_days f WHERE ${range} AND dim = 'total'
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
               AND sc.occurred_at >= ${p.add(q.window.from)}::timestamptz
               AND sc.occurred_at < ${p.add(q.window.to)}::timestamptz) AS citations,
           (SELECT row_to_json(closures) FROM closures) AS closures,
           (SELECT coalesce(json_agg(community), '[]') FROM community) AS events`;
}
