import type { OutcomeReport, PublicDashboard, ReportRate } from '@pathways/contracts';

const rate = (numerator: number | null, denominator: number | null, value: number | null): ReportRate => ({
  numerator,
  denominator,
  rate: value,
});

/**
 * A police supervisor's report (suppressed) with a cell of every kind: shown counts, "<11" cells, a hidden rate,
 * a rate with nothing to measure, and RRIs above, below and between the flags.
 */
export function buildOutcomeReport(overrides: Partial<OutcomeReport> = {}): OutcomeReport {
  return {
    period: { from: '2025-01-01', to: '2025-12-31', groupBy: 'month', asOf: '2026-01-15T17:00:00.000Z' },
    filters: { schoolId: null, schoolLevel: null, pathway: null },
    scope: 'AGENCY',
    suppressed: true,
    suppressionThreshold: 11,
    suppressedCells: ['volume.byPriority.CRISIS', 'volume.byPriority.URGENT_SAFETY'],
    volume: {
      total: 412,
      byPeriod: [
        { key: '2025-01', count: 31 },
        { key: '2025-02', count: 40 },
        { key: '2025-03', count: null },
      ],
      bySchool: [
        { key: '00000000-0000-4000-a000-000000000001', label: 'Castle Park High', count: 120 },
        { key: '00000000-0000-4000-a000-000000000002', label: 'Hilltop Middle', count: 96 },
      ],
      bySchoolLevel: [
        { key: 'HIGH', count: 250 },
        { key: 'MIDDLE', count: 150 },
        { key: 'ELEMENTARY', count: 12 },
      ],
      byReasonCategory: [
        { key: 'OFFENSE', count: 300 },
        { key: 'SCHOOL_RULE', count: 112 },
      ],
      byPathway: [
        { key: 'LE_DIVERSION_626B', count: 280 },
        { key: 'PREVENTION', count: 132 },
      ],
      byPriority: [
        { key: 'ROUTINE', count: 400 },
        { key: 'URGENT_SAFETY', count: null },
        { key: 'CRISIS', count: null },
      ],
    },
    diversionRate: { ...rate(412, 480, 0.8583), citationsAndCustody: 68 },
    funnel: [
      { step: 'RECEIVED', count: 412, conversion: null },
      { step: 'CONTACTED', count: 380, conversion: 0.9223 },
      { step: 'CONSENTED', count: 300, conversion: 0.7895 },
      { step: 'ENROLLED', count: 290, conversion: 0.9667 },
      { step: 'COMPLETED', count: 150, conversion: 0.5172 },
    ],
    sla: [
      { clock: 'TRIAGE', met: 400, missed: 12, pending: 0, rate: 0.9709 },
      { clock: 'SERVICE_START_20_DAY', met: 280, missed: null, pending: 20, rate: null },
      { clock: 'CASE_PLAN', met: 0, missed: 0, pending: 15, rate: null },
    ],
    completion: {
      rate: rate(150, 200, 0.75),
      byOutcome: [
        { key: 'SUCCESSFUL', count: 150 },
        { key: 'UNSUCCESSFUL', count: 50 },
        { key: 'ADMINISTRATIVE', count: null },
      ],
      closureReasons: [
        { key: 'COMPLETED_ALL_GOALS', count: 120 },
        { key: 'NON_PARTICIPATION', count: 30 },
      ],
    },
    recidivism: [
      { window: 'M6', rate: rate(12, 100, 0.12), notElapsed: 50 },
      { window: 'M12', rate: rate(null, 40, null), notElapsed: 110 },
    ],
    caseload: {
      asOf: '2026-01-15T17:00:00.000Z',
      rows: [{ key: 'ALL', open: 140, aging: { '0-30': 40, '31-90': 60, '91-180': 28, '>180': 12 } }],
      total: { key: 'ALL', open: 140, aging: { '0-30': 40, '31-90': 60, '91-180': 28, '>180': 12 } },
    },
    dosage: {
      rows: [
        {
          key: 'INDIVIDUAL_COUNSELING',
          label: 'Individual counseling',
          youth: 200,
          sessions: 900,
          hours: 850.5,
        },
        { key: 'GROUP', label: 'Group sessions', youth: null, sessions: 40, hours: 60 },
      ],
      total: { key: 'ALL', youth: 210, sessions: 940, hours: 910.5 },
    },
    equity: [
      {
        dimension: 'RACE_ETHNICITY',
        reference: 'WHITE',
        groups: [
          {
            key: 'WHITE',
            referred: 100,
            measures: [
              { measure: 'DIVERSION', rate: rate(100, 125, 0.8), rri: 1 },
              { measure: 'ENROLLMENT', rate: rate(70, 100, 0.7), rri: 1 },
            ],
          },
          {
            key: 'HISPANIC_LATINO',
            referred: 250,
            measures: [
              { measure: 'DIVERSION', rate: rate(250, 500, 0.5), rri: 0.63 },
              { measure: 'ENROLLMENT', rate: rate(210, 250, 0.84), rri: 1.2 },
            ],
          },
          {
            key: 'BLACK',
            referred: 40,
            measures: [
              { measure: 'DIVERSION', rate: rate(40, 50, 0.8), rri: 1 },
              { measure: 'DECLINE', rate: rate(12, 40, 0.3), rri: 1.75 },
            ],
          },
          { key: 'MULTIRACIAL', referred: null, measures: [] },
        ],
      },
      {
        dimension: 'GENDER',
        reference: 'MALE',
        groups: [
          {
            key: 'MALE',
            referred: 260,
            measures: [{ measure: 'DIVERSION', rate: rate(260, 300, 0.8667), rri: 1 }],
          },
          {
            key: 'FEMALE',
            referred: 150,
            measures: [{ measure: 'DIVERSION', rate: rate(150, 170, 0.8824), rri: 1.02 }],
          },
        ],
      },
      { dimension: 'LANGUAGE', reference: 'en', groups: [{ key: 'es', referred: 180, measures: [] }] },
      { dimension: 'AGE_BAND', reference: '13-14', groups: [{ key: '13-14', referred: 140, measures: [] }] },
    ],
    ...overrides,
  };
}

/** The headline figures only, no breakdowns: few charts, so it renders fast where the sections are not under test. */
export function buildHeadlineOutcomeReport(overrides: Partial<OutcomeReport> = {}): OutcomeReport {
  const report = buildOutcomeReport();
  const none = {
    byPeriod: [],
    bySchool: [],
    bySchoolLevel: [],
    byReasonCategory: [],
    byPathway: [],
    byPriority: [],
  };
  return buildOutcomeReport({
    volume: { ...report.volume, ...none },
    completion: { ...report.completion, byOutcome: [], closureReasons: [] },
    caseload: { ...report.caseload, rows: [] },
    dosage: { ...report.dosage, rows: [] },
    equity: [],
    ...overrides,
  });
}

export function buildPublicDashboard(overrides: Partial<PublicDashboard> = {}): PublicDashboard {
  return {
    year: 2025,
    years: [2025, 2024],
    asOf: '2026-01-15T17:00:00.000Z',
    suppressionThreshold: 11,
    suppressedCells: ['byPathway.SELF_FAMILY'],
    referrals: 412,
    byMonth: [
      { key: '2025-01', count: 31 },
      { key: '2025-02', count: null },
    ],
    bySchoolLevel: [
      { key: 'HIGH', count: 250 },
      { key: 'MIDDLE', count: 162 },
    ],
    byPathway: [
      { key: 'LE_DIVERSION_626B', count: 280 },
      { key: 'SELF_FAMILY', count: null },
    ],
    diversionRate: rate(412, 480, 0.8583),
    completionRate: rate(150, 200, 0.75),
    recidivism: [
      { window: 'M6', rate: rate(12, 100, 0.12), notElapsed: 50 },
      { window: 'M12', rate: rate(0, 0, null), notElapsed: 0 },
    ],
    communityEvents: {
      events: 24,
      participants: 1320,
      byType: [
        { key: 'RED_RIBBON_WEEK', count: 14 },
        { key: 'SAFETY_PATROL', count: null },
      ],
    },
    ...overrides,
  };
}
