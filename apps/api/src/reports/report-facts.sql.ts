import { RECIDIVISM_WINDOW_MONTHS, type ClockSettings } from '@pathways/domain';
import type { Params } from '../common/sql-params';
import {
  ageAtSql,
  ageBandSql,
  CLOCK_STATES,
  clockStateSql,
  ENDED_REFERRAL_STATUSES,
  list,
  localDate,
  lit,
  plusDaysSql,
  plusMonthsSql,
  raceGroupSql,
  recidivismColumnsSql,
  recidivismCtesSql,
  TRIAGE_ACTIONS,
  TZ,
} from './report-sql';

/**
 * The SQL of the report facts and their rollups (migration ReportFacts). Facts are worked out here from the source
 * tables, for the referrals and cases of a set of youth (or of every youth, for a rebuild), as of an instant `now`;
 * the rollups move by the difference between a youth's old and new facts. The definitions are those of DOMAIN.md
 * "Outcome measures" as OutcomeReportService states them; the reports read what this file writes.
 */

/** Which youth to work out facts for: the ids in a `uuid[]` parameter, or every youth. */
export type YouthSet = { ids: readonly string[] } | 'ALL';

/** The clock settings in force per provider, and the defaults for a referral without one. */
export interface FactClocks {
  byProvider: { orgId: string; clocks: ClockSettings }[];
  defaults: ClockSettings;
}

/** The clocks of the referral facts, in the order the rollups and reports list them. */
export const REFERRAL_CLOCKS = [
  'service_start_20_day',
  'triage',
  'first_outreach',
  'intake_consent',
  'assessment',
  'case_plan',
] as const;

function youthFilter(p: Params, column: string, youth: YouthSet): string {
  return youth === 'ALL' ? 'true' : `${column} = ANY(${p.add(youth.ids)}::uuid[])`;
}

/** The provider's clock settings as a relation `st(org_id, triage, first_contact, intake, assessment, case_plan, completion_notice)`. */
function settingsCte(p: Params, clocks: FactClocks): string {
  const rows = [
    ...clocks.byProvider.map((s) => ({ org_id: s.orgId, ...numbers(s.clocks) })),
    { org_id: null, ...numbers(clocks.defaults) },
  ];
  return `st AS (
      SELECT * FROM jsonb_to_recordset(${p.add(JSON.stringify(rows))}::jsonb)
        AS st(org_id uuid, triage int, first_contact int, intake int, assessment int, case_plan int, completion_notice int)
    )`;
}

function numbers(c: ClockSettings) {
  return {
    triage: c.triageBusinessDays,
    first_contact: c.firstContactBusinessDays,
    intake: c.intakeBusinessDays,
    assessment: c.assessmentDays,
    case_plan: c.casePlanDays,
    completion_notice: c.completionNoticeBusinessDays,
  };
}

/** The clock settings of a provider column, falling back to the defaults row (org_id NULL). */
const settingsJoin = (providerColumn: string) =>
  `LEFT JOIN st ON st.org_id = ${providerColumn} CROSS JOIN (SELECT * FROM st WHERE org_id IS NULL) sd`;
const setting = (name: string) => `coalesce(st.${name}, sd.${name})`;

/** Business-day due instants for each distinct (calendar day, number of days) of a relation: `due(day, n, at)`. */
function businessDueCte(pairs: string): string {
  return `due_days AS (SELECT DISTINCT day, n FROM (${pairs}) v WHERE day IS NOT NULL AND n IS NOT NULL),
    due AS MATERIALIZED (
      SELECT day, n, business_due_at(day::timestamp AT TIME ZONE ${TZ}, n) AS at FROM due_days
    )`;
}

/** The earliest instant of the `pending` (or latest of the `missed`) clocks: when their state may change with time. */
const whenState = (state: string, clocks: [string, string][], fn: 'LEAST' | 'GREATEST') =>
  `${fn}(${clocks.map(([clock, due]) => `CASE WHEN ${clock} = ${lit(state)} THEN ${due} END`).join(', ')})`;

export const REFERRAL_FACT_COLUMNS = [
  'referral_id',
  'youth_id',
  'received_at',
  'day',
  'referring_org_id',
  'provider_org_id',
  'school_id',
  'school',
  'level',
  'reason',
  'pathway',
  'priority',
  'race',
  'gender',
  'language',
  'age_band',
  'status',
  'contacted',
  'consented',
  'enrolled',
  'completed',
  ...REFERRAL_CLOCKS,
  'stale_after',
  'stale_before',
] as const;

/**
 * The facts of every received referral (not a duplicate, with a youth) of the youth set, as of `now`: its groups,
 * funnel steps and the state of each clock (met / missed / pending, NULL when left out). A clock's due instant uses
 * the provider's settings; `stale_after` / `stale_before` bound the instants between which these states hold.
 */
export function referralFactsSql(p: Params, q: { youth: YouthSet; now: Date; clocks: FactClocks }): string {
  const now = `${p.add(q.now)}::timestamptz`;
  const ended = list(ENDED_REFERRAL_STATUSES);
  const endedWithout = (done: string, due: string) =>
    `${done} IS NULL AND ended_at IS NOT NULL AND ended_at <= ${due}`;
  const closedWithout = (done: string, due: string) =>
    `${done} IS NULL AND closed_at IS NOT NULL AND closed_at <= ${due}`;
  const states: Record<(typeof REFERRAL_CLOCKS)[number], string> = {
    service_start_20_day: `CASE WHEN ended AND case_id IS NULL AND no_program_notice_at IS NULL THEN NULL
                                WHEN service_program_initiated_at <= due_service_start_at
                                  OR no_program_notice_at <= due_service_start_at + interval '24 hours' THEN 'met'
                                WHEN due_service_start_at >= ${now} THEN 'pending'
                                ELSE 'missed' END`,
    triage: clockStateSql('triaged_at', 'triage_due', now, endedWithout('triaged_at', 'triage_due')),
    first_outreach: `CASE WHEN assigned_at IS NOT NULL THEN ${clockStateSql(
      'first_outreach_at',
      'outreach_due',
      now,
      endedWithout('first_outreach_at', 'outreach_due'),
    )} END`,
    intake_consent: clockStateSql('opened_at', 'intake_due', now, 'ended AND case_id IS NULL'),
    assessment: `CASE WHEN case_id IS NOT NULL THEN ${clockStateSql(
      'first_assessment_at',
      'assessment_due',
      now,
      closedWithout('first_assessment_at', 'assessment_due'),
    )} END`,
    case_plan: `CASE WHEN case_id IS NOT NULL THEN ${clockStateSql(
      'first_goal_at',
      'case_plan_due',
      now,
      closedWithout('first_goal_at', 'case_plan_due'),
    )} END`,
  };
  const dues: [string, string][] = [
    ['service_start_20_day', 'due_service_start_at'],
    ['triage', 'triage_due'],
    ['first_outreach', 'outreach_due'],
    ['intake_consent', 'intake_due'],
    ['assessment', 'assessment_due'],
    ['case_plan', 'case_plan_due'],
  ];
  return `
    WITH ${settingsCte(p, q.clocks)},
    base AS MATERIALIZED (
      SELECT r.id, r.youth_id, r.status, r.received_at, r.referring_org_id, r.provider_org_id, r.school_id,
             r.due_service_start_at, r.status IN (${ended}) AS ended,
             coalesce(r.school_id::text, 'UNKNOWN') AS school,
             coalesce(s.level, 'UNKNOWN') AS level,
             coalesce(rc.kind, 'UNKNOWN') AS reason,
             coalesce(r.pathway, 'UNKNOWN') AS pathway,
             coalesce(r.priority, 'UNKNOWN') AS priority,
             ${raceGroupSql('y.race_ethnicity')} AS race,
             coalesce(y.gender_identity, 'DECLINED') AS gender,
             y.primary_language AS language,
             ${ageBandSql(ageAtSql('y.date_of_birth', 'r.received_at'))} AS age_band,
             c.id AS case_id, c.opened_at, c.closed_at, c.outcome_class, c.service_program_initiated_at,
             coalesce(c.intake_completed_at, c.opened_at) AS intake_at,
             ${setting('triage')} AS n_triage, ${setting('first_contact')} AS n_first_contact,
             ${setting('intake')} AS n_intake, ${setting('assessment')} AS n_assessment,
             ${setting('case_plan')} AS n_case_plan
        FROM referrals r
        JOIN youth y ON y.id = r.youth_id
        LEFT JOIN schools s ON s.id = r.school_id
        LEFT JOIN reason_codes rc ON rc.code = r.reason_codes[1]
        LEFT JOIN cases c ON c.referral_id = r.id
        ${settingsJoin('r.provider_org_id')}
       WHERE r.received_at IS NOT NULL AND r.status <> 'DUPLICATE' AND ${youthFilter(p, 'r.youth_id', q.youth)}
    ),
    -- The milestones of each referral, aggregated per table and joined by hash (or probed, for a few youth).
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
             planned.first_at AS first_goal_at,
             ${localDate('b.received_at')} AS received_day,
             ${localDate('ev.assigned_at')} AS assigned_day
        FROM base b
        LEFT JOIN ev ON ev.referral_id = b.id
        LEFT JOIN outreach o ON o.referral_id = b.id
        LEFT JOIN consent ON consent.referral_id = b.id
        LEFT JOIN notice ON notice.referral_id = b.id
        LEFT JOIN assessed ON assessed.case_id = b.case_id
        LEFT JOIN planned ON planned.case_id = b.case_id
    ),
    ${businessDueCte(`SELECT received_day AS day, n_triage AS n FROM r
                      UNION ALL SELECT received_day, n_intake FROM r
                      UNION ALL SELECT assigned_day, n_first_contact FROM r`)},
    x AS (
      SELECT r.*, dt.at AS triage_due, di.at AS intake_due, da.at AS outreach_due,
             ${plusDaysSql('r.intake_at', 'r.n_assessment')} AS assessment_due,
             ${plusDaysSql('r.received_at', 'r.n_case_plan')} AS case_plan_due
        FROM r
        LEFT JOIN due dt ON dt.day = r.received_day AND dt.n = r.n_triage
        LEFT JOIN due di ON di.day = r.received_day AND di.n = r.n_intake
        LEFT JOIN due da ON da.day = r.assigned_day AND da.n = r.n_first_contact
    ),
    f AS (
      SELECT x.*, ${REFERRAL_CLOCKS.map((c) => `${states[c]} AS ${c}`).join(',\n')} FROM x
    )
    SELECT id AS referral_id, youth_id, received_at, received_day AS day, referring_org_id, provider_org_id, school_id,
           school, level, reason, pathway, priority, race, gender, language, age_band, status,
           contacted, consented, case_id IS NOT NULL AS enrolled, coalesce(outcome_class = 'SUCCESSFUL', false) AS completed,
           ${REFERRAL_CLOCKS.join(', ')},
           ${whenState('pending', dues, 'LEAST')} AS stale_after,
           ${whenState('missed', dues, 'GREATEST')} AS stale_before
      FROM f`;
}

export const CASE_FACT_COLUMNS = [
  'case_id',
  'referral_id',
  'youth_id',
  'status',
  'opened_at',
  'opened_day',
  'closed_at',
  'day',
  'primary_counselor_id',
  'referring_org_id',
  'provider_org_id',
  'school_id',
  'level',
  'pathway',
  'outcome_class',
  'reason',
  'race',
  'gender',
  'language',
  'age_band',
  'm6_elapsed',
  'm6_recidivated',
  'm12_elapsed',
  'm12_recidivated',
  'notice',
  'stale_after',
  'stale_before',
] as const;

/**
 * The facts of every case of the youth set's referrals, as of `now`: groups (of the referral and its youth),
 * outcome and closure reason, each recidivism window (elapsed; a new law-enforcement contact in it) and the
 * completion-notice clock of a successful LE_DIVERSION_626B closure.
 */
export function caseFactsSql(p: Params, q: { youth: YouthSet; now: Date; clocks: FactClocks }): string {
  const now = `${p.add(q.now)}::timestamptz`;
  const windowEnds = Object.entries(RECIDIVISM_WINDOW_MONTHS).map(
    ([w, months]) => [w.toLowerCase(), plusMonthsSql('c.closed_at', `${p.add(months)}::int`)] as const,
  );
  return `
    WITH ${settingsCte(p, q.clocks)},
    cc AS MATERIALIZED (
      SELECT c.id, c.referral_id, r.youth_id, c.status, c.opened_at, c.closed_at, c.primary_counselor_id,
             r.referring_org_id, c.provider_org_id, r.school_id,
             coalesce(s.level, 'UNKNOWN') AS level, coalesce(r.pathway, 'UNKNOWN') AS pathway,
             c.pathway AS case_pathway, c.outcome_class, c.completion_notice_sent_at,
             coalesce(c.closure_reason, 'UNKNOWN') AS reason,
             ${raceGroupSql('y.race_ethnicity')} AS race,
             coalesce(y.gender_identity, 'DECLINED') AS gender,
             y.primary_language AS language,
             ${ageBandSql(ageAtSql('y.date_of_birth', 'r.received_at'))} AS age_band,
             ${localDate('c.closed_at')} AS closed_day,
             ${setting('completion_notice')} AS n_notice
        FROM cases c
        JOIN referrals r ON r.id = c.referral_id
        JOIN youth y ON y.id = r.youth_id
        LEFT JOIN schools s ON s.id = r.school_id
        ${settingsJoin('c.provider_org_id')}
       WHERE ${youthFilter(p, 'r.youth_id', q.youth)}
    ),
    closed AS (SELECT * FROM cc WHERE closed_at IS NOT NULL),
    ${recidivismCtesSql('closed')},
    ${businessDueCte('SELECT closed_day AS day, n_notice AS n FROM cc')},
    c AS (
      SELECT c.*, ${recidivismColumnsSql(p, now)},
             CASE WHEN c.outcome_class = 'SUCCESSFUL' AND c.case_pathway = 'LE_DIVERSION_626B' THEN
               ${clockStateSql('c.completion_notice_sent_at', 'd.at', now)} END AS notice,
             d.at AS notice_due
        FROM cc c
        LEFT JOIN recid_fu fu ON fu.case_id = c.id
        LEFT JOIN recid_nr nr ON nr.case_id = c.id
        LEFT JOIN due d ON d.day = c.closed_day AND d.n = c.n_notice
    )
    SELECT c.id AS case_id, c.referral_id, c.youth_id, c.status, c.opened_at, ${localDate('c.opened_at')} AS opened_day,
           c.closed_at, c.closed_day AS day,
           c.primary_counselor_id, c.referring_org_id, c.provider_org_id, c.school_id, c.level, c.pathway,
           c.outcome_class, c.reason, c.race, c.gender, c.language, c.age_band,
           coalesce(c.m6_elapsed, false) AS m6_elapsed, coalesce(c.m6_recidivated, false) AS m6_recidivated,
           coalesce(c.m12_elapsed, false) AS m12_elapsed, coalesce(c.m12_recidivated, false) AS m12_recidivated,
           c.notice,
           LEAST(CASE WHEN c.notice = 'pending' THEN c.notice_due END,
                 ${windowEnds.map(([w, end]) => `CASE WHEN c.closed_at IS NOT NULL AND NOT c.${w}_elapsed THEN ${end} END`).join(', ')}) AS stale_after,
           GREATEST(CASE WHEN c.notice = 'missed' THEN c.notice_due END,
                    ${windowEnds.map(([w, end]) => `CASE WHEN c.${w}_elapsed THEN ${end} END`).join(', ')}) AS stale_before
      FROM c`;
}

export const SERVICE_MONTH_COLUMNS = [
  'case_id',
  'service_type',
  'month',
  'prev_month',
  'youth_id',
  'referring_org_id',
  'provider_org_id',
  'school_id',
  'level',
  'pathway',
  'sessions',
  'minutes',
  'case_first',
  'prev_case_month',
] as const;

/** The program-time-zone month (its first day) of an instant. */
export const localMonth = (ts: string) => `date_trunc('month', ${ts} AT TIME ZONE ${TZ})::date`;

/**
 * Completed sessions of a service enrollment (contacts tied to it, COMPLETED) per case, service type and month, of
 * the youth set's cases, with the previous month the same case had sessions of that type (the dosage report counts a
 * youth once in a period: in the first month of the period they had sessions).
 */
export function serviceMonthsSql(p: Params, q: { youth: YouthSet }): string {
  return `
    WITH per AS MATERIALIZED (
      SELECT k.case_id, se.service_type, ${localMonth('k.occurred_at')} AS month,
             count(*)::int AS sessions, coalesce(sum(k.duration_min), 0)::int AS minutes
        FROM contacts k
        JOIN service_enrollments se ON se.id = k.service_enrollment_id
        JOIN cases c ON c.id = k.case_id
        JOIN referrals r ON r.id = c.referral_id
       WHERE k.service_enrollment_id IS NOT NULL AND k.result = 'COMPLETED'
         AND r.youth_id IS NOT NULL AND ${youthFilter(p, 'r.youth_id', q.youth)}
       GROUP BY 1, 2, 3
    ),
    -- Per case and month (any service type): its first type, and the case's previous month with sessions.
    case_months AS (
      SELECT case_id, month, first_type, lag(month) OVER (PARTITION BY case_id ORDER BY month) AS prev_month
        FROM (SELECT case_id, month, min(service_type) AS first_type FROM per GROUP BY case_id, month) x
    )
    SELECT per.case_id, per.service_type, per.month,
           lag(per.month) OVER (PARTITION BY per.case_id, per.service_type ORDER BY per.month) AS prev_month,
           r.youth_id, r.referring_org_id, c.provider_org_id, r.school_id,
           coalesce(s.level, 'UNKNOWN') AS level, coalesce(r.pathway, 'UNKNOWN') AS pathway,
           per.sessions, per.minutes,
           per.service_type = cm.first_type AS case_first, cm.prev_month AS prev_case_month
      FROM per
      JOIN case_months cm ON cm.case_id = per.case_id AND cm.month = per.month
      JOIN cases c ON c.id = per.case_id
      JOIN referrals r ON r.id = c.referral_id
      LEFT JOIN schools s ON s.id = r.school_id`;
}

/** How a fact table rolls up: per key columns and group (dim, key), the counters each fact row adds. */
export interface RollupSpec {
  rollup: string;
  constraint: string;
  /** Key columns of the rollup, as expressions over a fact row `f`. */
  keys: Record<string, string>;
  /** (dim, key expression) pairs each fact row counts in; null for a rollup without groups. */
  dims: [string, string][] | null;
  /** Counters, as integer expressions over a fact row `f` and its group `d.dim`. */
  counters: Record<string, string>;
  /** Which fact rows count (all when absent). */
  where?: string;
}

const onTotal = (condition: string) => `(d.dim = 'total' AND coalesce(${condition}, false))::int`;

/** Both daily rollups: per calendar day and pair of organizations. */
const DAY_KEYS = {
  day: 'f.day',
  referring_org_id: 'f.referring_org_id',
  provider_org_id: 'f.provider_org_id',
};
/** The equity groups of a youth (DOMAIN.md "Equity"), in both daily rollups. */
const EQUITY_DIMS: [string, string][] = [
  ['RACE_ETHNICITY', 'f.race'],
  ['GENDER', 'f.gender'],
  ['LANGUAGE', 'f.language'],
  ['AGE_BAND', 'f.age_band'],
];

export const REFERRAL_ROLLUP: RollupSpec = {
  rollup: 'report_referral_days',
  constraint: 'ux_report_referral_days',
  keys: DAY_KEYS,
  dims: [
    ['total', `'ALL'`],
    ['school', 'f.school'],
    ['level', 'f.level'],
    ['reason', 'f.reason'],
    ['pathway', 'f.pathway'],
    ['priority', 'f.priority'],
    ...EQUITY_DIMS,
  ],
  counters: {
    n: '1',
    contacted: 'f.contacted::int',
    consented: 'f.consented::int',
    enrolled: 'f.enrolled::int',
    completed: 'f.completed::int',
    declined: `(f.status = 'DECLINED')::int`,
    ...Object.fromEntries(
      REFERRAL_CLOCKS.flatMap((clock) =>
        CLOCK_STATES.map((state) => [`${clock}_${state}`, onTotal(`f.${clock} = ${lit(state)}`)]),
      ),
    ),
  },
};

export const CLOSURE_ROLLUP: RollupSpec = {
  rollup: 'report_closure_days',
  constraint: 'ux_report_closure_days',
  keys: DAY_KEYS,
  dims: [['total', `'ALL'`], ['outcome', 'f.outcome_class'], ['reason', 'f.reason'], ...EQUITY_DIMS],
  counters: {
    n: '1',
    successful: `(f.outcome_class = 'SUCCESSFUL')::int`,
    unsuccessful: `(f.outcome_class = 'UNSUCCESSFUL')::int`,
    m6_elapsed: 'f.m6_elapsed::int',
    m6_recidivated: 'f.m6_recidivated::int',
    m12_elapsed: 'f.m12_elapsed::int',
    m12_recidivated: 'f.m12_recidivated::int',
    notice_met: `coalesce(f.notice = 'met', false)::int`,
    notice_missed: `coalesce(f.notice = 'missed', false)::int`,
    notice_pending: `coalesce(f.notice = 'pending', false)::int`,
  },
  // Only closed cases count here (open cases are the caseload, counted from the facts).
  where: 'f.day IS NOT NULL',
};

export const SERVICE_ROLLUP: RollupSpec = {
  rollup: 'report_service_month_totals',
  constraint: 'ux_report_service_month_totals',
  keys: {
    month: 'f.month',
    referring_org_id: 'f.referring_org_id',
    provider_org_id: 'f.provider_org_id',
    service_type: 'f.service_type',
    prev_month: 'f.prev_month',
  },
  dims: null,
  counters: { pairs: '1', sessions: 'f.sessions', minutes: 'f.minutes' },
};

/** Per month, school and pathway (with the school's level): the rollups a filtered report reads. */
const SCHOOL_MONTH_KEYS = {
  month: `date_trunc('month', f.day)::date`,
  referring_org_id: 'f.referring_org_id',
  provider_org_id: 'f.provider_org_id',
  school_id: 'f.school_id',
  level: 'f.level',
  pathway: 'f.pathway',
};

export const REFERRAL_SCHOOL_ROLLUP: RollupSpec = {
  ...REFERRAL_ROLLUP,
  rollup: 'report_referral_school_months',
  constraint: 'ux_report_referral_school_months',
  keys: SCHOOL_MONTH_KEYS,
};

export const CLOSURE_SCHOOL_ROLLUP: RollupSpec = {
  ...CLOSURE_ROLLUP,
  rollup: 'report_closure_school_months',
  constraint: 'ux_report_closure_school_months',
  keys: SCHOOL_MONTH_KEYS,
};

/** Cases with sessions of any type per month (one fact row per case and month counts: its first type's). */
export const SERVICE_CASE_ROLLUP: RollupSpec = {
  rollup: 'report_service_case_months',
  constraint: 'ux_report_service_case_months',
  keys: {
    month: 'f.month',
    referring_org_id: 'f.referring_org_id',
    provider_org_id: 'f.provider_org_id',
    prev_case_month: 'f.prev_case_month',
  },
  dims: null,
  counters: { cases: '1' },
  where: 'f.case_first',
};

/**
 * The rollup rows of fact rows `source` (a relation with the fact columns), each counted `sign` times (+1 added,
 * -1 taken away), summed per rollup key: the SELECT an upsert or a rebuild inserts.
 */
export function rollupContributionsSql(spec: RollupSpec, source: string, sign = '1'): string {
  const keys = Object.entries(spec.keys);
  const dimCols = spec.dims ? ['dim', 'key'] : [];
  const groupCols = [...keys.map(([k]) => k), ...dimCols];
  const dims = spec.dims
    ? `CROSS JOIN LATERAL (VALUES ${spec.dims.map(([dim, key]) => `(${lit(dim)}, ${key})`).join(', ')}) d(dim, key)`
    : `CROSS JOIN (SELECT 'total'::text AS dim) d`;
  return `
    SELECT ${[...keys.map(([k, e]) => `${e} AS ${k}`), ...(spec.dims ? ['d.dim', 'd.key'] : [])].join(', ')},
           ${Object.entries(spec.counters)
             .map(([name, e]) => `sum(${sign} * (${e}))::int AS ${name}`)
             .join(', ')}
      FROM ${source} f ${dims}
     WHERE ${spec.where ?? 'true'}
     GROUP BY ${groupCols.map((_, i) => i + 1).join(', ')}`;
}

/**
 * The rollup rows of fact rows `source` in one pass (GROUPING SETS), for a report that counts facts rather than the
 * rollup (under a school, level or pathway filter): the 'total' rows keep their key columns (day, organizations),
 * each group's rows have them NULL. Counters are those of the 'total' group throughout (only its rows are read for
 * the counters that differ by group, the clocks).
 */
export function groupedFactsSql(spec: RollupSpec, source: string): string {
  const dims = (spec.dims ?? []).filter(([dim]) => dim !== 'total');
  const keys = Object.entries(spec.keys);
  const first = keys[0]?.[1] ?? 'NULL';
  const dim = `CASE WHEN GROUPING(${first}) = 0 THEN 'total' ${dims
    .map(([d, e]) => `WHEN GROUPING(${e}) = 0 THEN ${lit(d)}`)
    .join(' ')} END`;
  const key = `CASE WHEN GROUPING(${first}) = 0 THEN 'ALL' ELSE coalesce(${dims.map(([, e]) => e).join(', ')}) END`;
  return `
    SELECT ${keys.map(([k, e]) => `${e} AS ${k}`).join(', ')}, ${dim} AS dim, ${key} AS key,
           ${Object.entries(spec.counters)
             .map(([name, e]) => `sum(${e.replace(/\bd\.dim\b/g, "'total'")})::int AS ${name}`)
             .join(', ')}
      FROM ${source} f
     WHERE ${spec.where ?? 'true'}
     GROUP BY GROUPING SETS ((${keys.map(([, e]) => e).join(', ')}), ${dims.map(([, e]) => `(${e})`).join(', ')})`;
}

/** Adds rollup rows (a SELECT of rollupContributionsSql's shape) to the rollup table. */
export function rollupUpsertSql(spec: RollupSpec, contributions: string): string {
  const cols = [
    ...Object.keys(spec.keys),
    ...(spec.dims ? ['dim', 'key'] : []),
    ...Object.keys(spec.counters),
  ];
  return `
    INSERT INTO ${spec.rollup} (${cols.join(', ')})
    ${contributions}
    ON CONFLICT ON CONSTRAINT ${spec.constraint} DO UPDATE SET
      ${Object.keys(spec.counters)
        .map((c) => `${c} = ${spec.rollup}.${c} + excluded.${c}`)
        .join(', ')}`;
}

/** A fact table with its columns and the rollups it feeds. */
export interface FactTable {
  table: string;
  columns: readonly string[];
  rollups: readonly RollupSpec[];
}

export const FACT_TABLES = {
  referrals: {
    table: 'report_referral_facts',
    columns: REFERRAL_FACT_COLUMNS,
    rollups: [REFERRAL_ROLLUP, REFERRAL_SCHOOL_ROLLUP],
  },
  cases: {
    table: 'report_case_facts',
    columns: CASE_FACT_COLUMNS,
    rollups: [CLOSURE_ROLLUP, CLOSURE_SCHOOL_ROLLUP],
  },
  services: {
    table: 'report_service_months',
    columns: SERVICE_MONTH_COLUMNS,
    rollups: [SERVICE_ROLLUP, SERVICE_CASE_ROLLUP],
  },
} as const satisfies Record<string, FactTable>;

/** The rollups of a fact table moved by fact rows `source`, as data-modifying CTEs. */
const rollupCtes = (t: FactTable, source: string, sign: string) =>
  t.rollups.map(
    (spec, i) => `u${i} AS (${rollupUpsertSql(spec, rollupContributionsSql(spec, source, sign))})`,
  );

/** Deletes the facts of the youth set and takes their counts out of the rollups, in one statement. */
export function retractFactsSql(p: Params, t: FactTable, youth: { ids: readonly string[] }): string {
  return `
    WITH old AS (DELETE FROM ${t.table} WHERE youth_id = ANY(${p.add(youth.ids)}::uuid[]) RETURNING *),
    ${rollupCtes(t, 'old', '-1').join(',\n')}
    SELECT count(*)::int AS n FROM old`;
}

/** Inserts facts (a SELECT of the fact columns) and adds their counts to the rollups, in one statement. */
export function insertFactsSql(t: FactTable, factsSelect: string): string {
  return `
    WITH new AS (
      INSERT INTO ${t.table} (${t.columns.join(', ')}) ${factsSelect}
      RETURNING *
    ),
    ${rollupCtes(t, 'new', '1').join(',\n')}
    SELECT count(*)::int AS n FROM new`;
}

/** The youth whose facts' states changed with time since they were worked out (a clock fell due, a window elapsed). */
export function staleYouthSql(p: Params, now: Date): string {
  const at = `${p.add(now)}::timestamptz`;
  return ['report_referral_facts', 'report_case_facts']
    .flatMap((t) => [
      `SELECT youth_id FROM ${t} WHERE stale_after <= ${at}`,
      `SELECT youth_id FROM ${t} WHERE stale_before >= ${at}`,
    ])
    .join('\nUNION\n');
}
