import { z } from 'zod';
import { isoDateSchema } from './common';
import { SCHOOL_LEVELS } from './enums';
import { PATHWAYS } from './referral-enums';

/** Time buckets of the volume trend (`volume.byPeriod`). */
export const REPORT_GROUP_BY = ['month', 'quarter', 'year'] as const;
export type ReportGroupBy = (typeof REPORT_GROUP_BY)[number];

/** The longest period one report covers (the public dashboard is one calendar year). */
export const REPORT_MAX_DAYS = 366 * 5;

/**
 * GET /api/reports/outcomes and /api/reports/outcomes.csv. `from` and `to` are calendar dates in the program's
 * time zone, both included; without them the report covers the 12 months up to today.
 */
export const outcomeReportQuerySchema = z
  .object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    schoolId: z.uuid().optional(),
    schoolLevel: z.enum(SCHOOL_LEVELS).optional(),
    pathway: z.enum(PATHWAYS).optional(),
    groupBy: z.enum(REPORT_GROUP_BY).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date is before the start date' });
    if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > REPORT_MAX_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'A report covers at most five years' });
  });
export type OutcomeReportQuery = z.infer<typeof outcomeReportQuerySchema>;

/** GET /api/public/dashboard?year= */
export const publicDashboardQuerySchema = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export type PublicDashboardQuery = z.infer<typeof publicDashboardQuerySchema>;

/**
 * A count of youth (or referrals, cases, sessions). `null` means the cell is suppressed: it holds 1 to
 * threshold − 1 youth, or it is a complementary cell hidden so that a total cannot reveal another one.
 * Its path is listed in `OutcomeReport.suppressedCells`; screens show it as "<11".
 */
export type ReportCount = number | null;

/** One bar or row of a breakdown. `label` is the display name where the key is an id (schools, counselors). */
export interface ReportCell {
  key: string;
  label?: string;
  count: ReportCount;
}

/**
 * A rate with its numerator and denominator stated. `rate` is numerator ÷ denominator in [0, 1]; it is `null` when
 * the denominator is 0 (nothing to measure) or when the numerator or its complement is suppressed.
 */
export interface ReportRate {
  numerator: ReportCount;
  denominator: ReportCount;
  rate: number | null;
}

export const FUNNEL_STEPS = ['RECEIVED', 'CONTACTED', 'CONSENTED', 'ENROLLED', 'COMPLETED'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** The clocks of DOMAIN.md "Clocks" the report measures; the statutory 20-day clock first. */
export const SLA_CLOCKS = [
  'SERVICE_START_20_DAY',
  'TRIAGE',
  'FIRST_OUTREACH',
  'INTAKE_CONSENT',
  'ASSESSMENT',
  'CASE_PLAN',
  'COMPLETION_NOTICE',
] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

export interface SlaRow {
  clock: SlaClock;
  /** Met on time. */
  met: ReportCount;
  /** Due date passed without it (or met late). */
  missed: ReportCount;
  /** Not yet due and not yet met: left out of the rate. */
  pending: ReportCount;
  /** met ÷ (met + missed). */
  rate: number | null;
}

export const CASELOAD_AGING_BUCKETS = ['0-30', '31-90', '91-180', '>180'] as const;
export type CaseloadAgingBucket = (typeof CASELOAD_AGING_BUCKETS)[number];

export interface CaseloadReportRow {
  /** Counselor id (provider supervisors and counselors); police users get one row `key: 'ALL'`. */
  key: string;
  label?: string;
  open: ReportCount;
  aging: Record<CaseloadAgingBucket, ReportCount>;
}

export interface DosageRow {
  /** Service type code. */
  key: string;
  label?: string;
  /** Youth (cases) with at least one completed session of this type in the period. */
  youth: ReportCount;
  sessions: ReportCount;
  hours: number | null;
}

export const RECIDIVISM_WINDOWS = ['M6', 'M12'] as const;
export type RecidivismWindow = (typeof RECIDIVISM_WINDOWS)[number];

export interface RecidivismRow {
  window: RecidivismWindow;
  /** Cases closed in the period whose window has elapsed (the denominator) and those with a new LE contact in it. */
  rate: ReportRate;
  /** Cases closed in the period whose window has not elapsed yet: not counted. */
  notElapsed: ReportCount;
}

export const EQUITY_DIMENSIONS = ['RACE_ETHNICITY', 'GENDER', 'LANGUAGE', 'AGE_BAND'] as const;
export type EquityDimension = (typeof EQUITY_DIMENSIONS)[number];

/**
 * The rates compared across groups:
 * - DIVERSION: referrals ÷ (referrals + citations and custody of school contacts), by the youth's group;
 * - ENROLLMENT: referrals enrolled ÷ referrals received;
 * - DECLINE: referrals the family declined ÷ referrals received;
 * - COMPLETION: SUCCESSFUL ÷ (SUCCESSFUL + UNSUCCESSFUL) of cases closed in the period;
 * - RECIDIVISM_M6: the 6-month recidivism rate.
 */
export const EQUITY_MEASURES = ['DIVERSION', 'ENROLLMENT', 'DECLINE', 'COMPLETION', 'RECIDIVISM_M6'] as const;
export type EquityMeasure = (typeof EQUITY_MEASURES)[number];

/** Youth with more than one race/ethnicity reported; no entry or only DECLINED reads as DECLINED. */
export const MULTIRACIAL = 'MULTIRACIAL';

export interface EquityMeasureCell {
  measure: EquityMeasure;
  rate: ReportRate;
  /** Relative rate index: this group's rate ÷ the reference group's rate; null without both rates. */
  rri: number | null;
}

export interface EquityGroup {
  key: string;
  referred: ReportCount;
  measures: EquityMeasureCell[];
}

export interface EquityDimensionReport {
  dimension: EquityDimension;
  /** The group every rate is compared with: the configured group for race/ethnicity, else the largest group. */
  reference: string | null;
  groups: EquityGroup[];
}

export interface OutcomeReport {
  period: { from: string; to: string; groupBy: ReportGroupBy; asOf: string };
  filters: { schoolId: string | null; schoolLevel: string | null; pathway: string | null };
  /** AGENCY: the police agency's referrals; PROVIDER: the provider's. */
  scope: 'AGENCY' | 'PROVIDER';
  /** True when small cells are suppressed for this viewer (every view but the provider supervisor's). */
  suppressed: boolean;
  suppressionThreshold: number;
  /** Paths of the suppressed cells, e.g. `volume.bySchool.<id>` or `equity.GENDER.NONBINARY.referred`. */
  suppressedCells: string[];
  volume: {
    total: ReportCount;
    byPeriod: ReportCell[];
    bySchool: ReportCell[];
    bySchoolLevel: ReportCell[];
    byReasonCategory: ReportCell[];
    byPathway: ReportCell[];
    byPriority: ReportCell[];
  };
  /** referrals ÷ (referrals + school contacts ending in CITATION_PROBATION or CUSTODY_PROBATION). */
  diversionRate: ReportRate & { citationsAndCustody: ReportCount };
  funnel: { step: FunnelStep; count: ReportCount; conversion: number | null }[];
  sla: SlaRow[];
  completion: {
    rate: ReportRate;
    byOutcome: ReportCell[];
    closureReasons: ReportCell[];
  };
  recidivism: RecidivismRow[];
  caseload: { asOf: string; rows: CaseloadReportRow[]; total: CaseloadReportRow };
  dosage: { rows: DosageRow[]; total: DosageRow };
  equity: EquityDimensionReport[];
}

export interface PublicDashboard {
  year: number;
  /** Years with data, newest first, for the year picker. */
  years: number[];
  asOf: string;
  suppressionThreshold: number;
  suppressedCells: string[];
  referrals: ReportCount;
  byMonth: ReportCell[];
  bySchoolLevel: ReportCell[];
  byPathway: ReportCell[];
  diversionRate: ReportRate;
  completionRate: ReportRate;
  recidivism: RecidivismRow[];
  communityEvents: { events: ReportCount; participants: ReportCount; byType: ReportCell[] };
}
