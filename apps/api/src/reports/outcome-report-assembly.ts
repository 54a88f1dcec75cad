import {
  AGE_BANDS,
  CASELOAD_AGING_BUCKETS,
  CLOSURE_REASONS,
  EQUITY_DIMENSIONS,
  EQUITY_MEASURES,
  FUNNEL_STEPS,
  GENDER_IDENTITIES,
  MULTIRACIAL,
  OUTCOME_CLASSES,
  PATHWAYS,
  PRIORITIES,
  RACE_ETHNICITIES,
  REASON_CODE_KINDS,
  RECIDIVISM_WINDOWS,
  SCHOOL_LEVELS,
  SLA_CLOCKS,
  type CaseloadAgingBucket,
  type CaseloadReportRow,
  type DosageRow,
  type EquityDimension,
  type EquityDimensionReport,
  type EquityMeasure,
  type EquityMeasureCell,
  type OutcomeReport,
  type RecidivismRow,
  type RecidivismWindow,
  type ReportCell,
  type ReportCount,
  type ReportRate,
  type SlaClock,
  type SlaRow,
} from '@pathways/contracts';
import {
  complementaryCells,
  equityReference,
  funnelConversions,
  rateOf,
  relativeRateIndex,
  Suppressor,
} from '@pathways/domain';
import type {
  CaseloadRow,
  ClosureGroupRow,
  CohortResult,
  DosageRow as DosageSqlRow,
} from './outcome-report.sql';
import { periodKeys } from './report-period';

/** Every count the report needs, as SQL returned it (exact, before suppression). */
export interface OutcomeCounts {
  cohort: CohortResult;
  closures: ClosureGroupRow[];
  caseload: CaseloadRow[];
  dosage: DosageSqlRow[];
}

export interface AssemblyContext {
  period: OutcomeReport['period'];
  filters: OutcomeReport['filters'];
  scope: OutcomeReport['scope'];
  suppressor: Suppressor;
  /** The organization's equity reference group for race/ethnicity (default WHITE). */
  raceReference: string;
}

/** A rate with nothing to show and nothing suppressed (a measure that does not apply). */
const NOT_APPLICABLE: ReportRate = { numerator: null, denominator: null, rate: null };

/** Cells of known keys in their order (zeros included), then any other key present, alphabetically. */
export function cellsOf(
  known: readonly string[],
  present: { key: string; label?: string | null; n: number }[],
): { key: string; label?: string; count: number }[] {
  const byKey = new Map(present.map((g) => [g.key, g]));
  const extra = present
    .map((g) => g.key)
    .filter((k) => !known.includes(k))
    .sort();
  return [...known, ...extra].map((key) => {
    const g = byKey.get(key);
    return g?.label ? { key, label: g.label, count: g.n } : { key, count: g?.n ?? 0 };
  });
}

/**
 * Suppression of cells adding up to a total, recording each hidden cell at `pathOf(key)` (the equity paths read
 * `equity.<DIM>.<group>.referred`, so the key sits inside the path, not at its end).
 */
function partitionAt(
  s: Suppressor,
  pathOf: (key: string) => string,
  cells: { key: string; count: number }[],
): ReportCell[] {
  const out = new Suppressor(s.threshold, s.enabled).partition('', cells);
  for (const cell of out) if (cell.count === null) s.paths.push(pathOf(cell.key));
  return out;
}

/** The known groups of each equity dimension, in display order; others follow alphabetically. */
const EQUITY_ORDER: Record<EquityDimension, readonly string[]> = {
  RACE_ETHNICITY: [...RACE_ETHNICITIES.filter((r) => r !== 'DECLINED'), MULTIRACIAL, 'DECLINED'],
  GENDER: GENDER_IDENTITIES,
  LANGUAGE: [],
  AGE_BAND: [...AGE_BANDS, 'OTHER'],
};

/**
 * The OutcomeReport from exact counts: each section through the suppressor (small cells and their complements
 * hidden, paths recorded) and the pure rules of libs/domain (rates, conversions, RRI). See OutcomeReportService for
 * the definitions of the cohorts.
 */
export function assembleOutcomeReport(c: OutcomeCounts, ctx: AssemblyContext): OutcomeReport {
  const s = ctx.suppressor;
  const groupsOf = (dim: string) => c.cohort.groups.filter((g) => g.dim === dim);
  const totals = c.cohort.totals;
  const closureTotal = c.closures.find((g) => g.dim === 'total');
  const closuresOf = (dim: string) => c.closures.filter((g) => g.dim === dim);
  const citationsTotal = c.cohort.citations.find((g) => g.dim === 'total')?.n ?? 0;

  const volume: OutcomeReport['volume'] = {
    total: s.count('volume.total', totals.received),
    byPeriod: s.partition(
      'volume.byPeriod',
      cellsOf(periodKeys(ctx.period.from, ctx.period.to, ctx.period.groupBy), groupsOf('period')),
    ),
    bySchool: s.partition(
      'volume.bySchool',
      groupsOf('school')
        .sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '') || a.key.localeCompare(b.key))
        .map((g) => (g.label ? { key: g.key, label: g.label, count: g.n } : { key: g.key, count: g.n })),
    ),
    bySchoolLevel: s.partition('volume.bySchoolLevel', cellsOf(SCHOOL_LEVELS, groupsOf('level'))),
    byReasonCategory: s.partition('volume.byReasonCategory', cellsOf(REASON_CODE_KINDS, groupsOf('reason'))),
    byPathway: s.partition('volume.byPathway', cellsOf(PATHWAYS, groupsOf('pathway'))),
    byPriority: s.partition('volume.byPriority', cellsOf(PRIORITIES, groupsOf('priority'))),
  };

  const diversion = s.rate('diversionRate', totals.received, totals.received + citationsTotal);
  const diversionRate: OutcomeReport['diversionRate'] = {
    ...diversion,
    // The citations are the complement of the referrals in the denominator: hidden with them.
    citationsAndCustody: hiddenWith(s, diversion, 'diversionRate.citationsAndCustody', citationsTotal),
  };

  const funnelCounts = [
    totals.received,
    totals.contacted,
    totals.consented,
    totals.enrolled,
    totals.completed,
  ];
  const funnelShown = FUNNEL_STEPS.map((step, i) =>
    s.rate(`funnel.${step}`, funnelCounts[i] ?? 0, totals.received),
  );
  const conversions = funnelConversions(funnelCounts);
  const funnel = FUNNEL_STEPS.map((step, i) => ({
    step,
    count: funnelShown[i]?.numerator ?? null,
    conversion:
      i > 0 && funnelShown[i]?.numerator !== null && funnelShown[i - 1]?.numerator !== null
        ? (conversions[i] ?? null)
        : null,
  }));

  const slaCounts = (clock: SlaClock) => {
    if (clock === 'COMPLETION_NOTICE')
      return {
        met: closureTotal?.notice_met ?? 0,
        missed: closureTotal?.notice_missed ?? 0,
        pending: closureTotal?.notice_pending ?? 0,
      };
    const of = (state: string) => totals[`${clock.toLowerCase()}_${state}`] ?? 0;
    return { met: of('met'), missed: of('missed'), pending: of('pending') };
  };
  const sla: SlaRow[] = SLA_CLOCKS.map((clock) => {
    const n = slaCounts(clock);
    const [met, missed] = s.partition(`sla.${clock}`, [
      { key: 'met', count: n.met },
      { key: 'missed', count: n.missed },
    ]);
    const shown = met?.count !== null && missed?.count !== null;
    return {
      clock,
      met: met?.count ?? null,
      missed: missed?.count ?? null,
      pending: s.count(`sla.${clock}.pending`, n.pending),
      rate: shown ? rateOf(n.met, n.met + n.missed) : null,
    };
  });

  const outcomeN = (key: string) => closuresOf('outcome').find((g) => g.key === key)?.n ?? 0;
  const completion: OutcomeReport['completion'] = {
    rate: s.rate(
      'completion.rate',
      closureTotal?.successful ?? 0,
      (closureTotal?.successful ?? 0) + (closureTotal?.unsuccessful ?? 0),
    ),
    byOutcome: s.partition(
      'completion.byOutcome',
      OUTCOME_CLASSES.map((key) => ({ key, count: outcomeN(key) })),
    ),
    closureReasons: s.partition('completion.closureReasons', cellsOf(CLOSURE_REASONS, closuresOf('reason'))),
  };
  linkCompletion(completion, s);

  const recidivism: RecidivismRow[] = RECIDIVISM_WINDOWS.map((window) => {
    const { elapsed, recidivated } = recidivismOf(closureTotal, window);
    const closed = closureTotal?.n ?? 0;
    return {
      window,
      rate: s.rate(`recidivism.${window}`, recidivated, elapsed),
      notElapsed: s.count(`recidivism.${window}.notElapsed`, closed - elapsed),
    };
  });

  return {
    period: ctx.period,
    filters: ctx.filters,
    scope: ctx.scope,
    suppressed: s.enabled,
    suppressionThreshold: s.threshold,
    suppressedCells: s.paths,
    volume,
    diversionRate,
    funnel,
    sla,
    completion,
    recidivism,
    caseload: caseloadOf(c.caseload, s, ctx.period.asOf),
    dosage: dosageOf(c.dosage, s),
    equity: EQUITY_DIMENSIONS.map((dim) => equityOf(dim, c, s, ctx.raceReference)),
  };
}

/** A count hidden when the rate it complements hides its numerator; otherwise suppressed on its own. */
function hiddenWith(s: Suppressor, rate: ReportRate, path: string, n: number): ReportCount {
  if (s.enabled && rate.numerator === null) {
    s.paths.push(path);
    return null;
  }
  return s.count(path, n);
}

function recidivismOf(
  g: ClosureGroupRow | undefined,
  window: RecidivismWindow,
): { elapsed: number; recidivated: number } {
  return window === 'M6'
    ? { elapsed: g?.m6_elapsed ?? 0, recidivated: g?.m6_recidivated ?? 0 }
    : { elapsed: g?.m12_elapsed ?? 0, recidivated: g?.m12_recidivated ?? 0 };
}

/** Counselor names in a stable, human order (one collator: a thousand counselors are sorted per report). */
const NAME_ORDER = new Intl.Collator('en');

function caseloadOf(rows: CaseloadRow[], s: Suppressor, asOf: string): OutcomeReport['caseload'] {
  const row = (key: string, label: string | undefined, mine: CaseloadRow[]): CaseloadReportRow => {
    const n = (bucket: CaseloadAgingBucket) => mine.find((r) => r.bucket === bucket)?.n ?? 0;
    const open = mine.reduce((sum, r) => sum + r.n, 0);
    const aging = s.partition(
      `caseload.${key}.aging`,
      CASELOAD_AGING_BUCKETS.map((bucket) => ({ key: bucket, count: n(bucket) })),
    );
    const out: CaseloadReportRow = {
      key,
      open: s.count(`caseload.${key}.open`, open),
      aging: Object.fromEntries(aging.map((cell) => [cell.key, cell.count])) as Record<
        CaseloadAgingBucket,
        ReportCount
      >,
    };
    return label === undefined ? out : { key, label, open: out.open, aging: out.aging };
  };
  const byCounselor = new Map<string, CaseloadRow[]>();
  for (const r of rows) {
    if (!r.counselor_id) continue;
    const mine = byCounselor.get(r.counselor_id);
    if (mine) mine.push(r);
    else byCounselor.set(r.counselor_id, [r]);
  }
  const counselorRows = [...byCounselor.entries()]
    .map(([key, mine]) => ({ key, label: mine[0]?.label ?? '', mine }))
    .sort((a, b) => NAME_ORDER.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, label, mine }) => row(key, label, mine));
  return {
    asOf,
    // Per-counselor rows form a table of youth counts by counselor and age of case; with suppression on, one
    // counselor's hidden caseload would be recovered from the total, so suppressed views get the total only.
    rows: s.enabled ? [] : counselorRows,
    total: row(
      'ALL',
      undefined,
      rows.filter((r) => r.counselor_id === null),
    ),
  };
}

function dosageOf(rows: DosageSqlRow[], s: Suppressor): OutcomeReport['dosage'] {
  const row = (key: string, label: string | null, r: DosageSqlRow | undefined): DosageRow => {
    const sessions = s.count(`dosage.${key}.sessions`, r?.sessions ?? 0);
    const out: DosageRow = {
      key,
      youth: s.count(`dosage.${key}.youth`, r?.youth ?? 0),
      sessions,
      hours: sessions === null ? null : Math.round(((r?.minutes ?? 0) / 60) * 10) / 10,
    };
    return label ? { ...out, label } : out;
  };
  const types = rows
    .filter((r): r is DosageSqlRow & { service_type: string } => r.service_type !== null)
    .sort((a, b) => (a.label ?? a.service_type).localeCompare(b.label ?? b.service_type));
  return {
    rows: types.map((r) => row(r.service_type, r.label, r)),
    total: row(
      'ALL',
      null,
      rows.find((r) => r.service_type === null),
    ),
  };
}

/**
 * One equity dimension: its groups (every key present among the referrals, the closures or the school contacts),
 * the referrals of each (a partition of the total), each measure's rate and its relative rate index against the
 * reference group's shown rate.
 */
function equityOf(
  dim: EquityDimension,
  c: OutcomeCounts,
  s: Suppressor,
  raceReference: string,
): EquityDimensionReport {
  const referred = c.cohort.groups.filter((g) => g.dim === dim);
  const closed = c.closures.filter((g) => g.dim === dim);
  const citations = c.cohort.citations.filter((g) => g.dim === dim);
  const keys = new Set([...referred, ...closed, ...citations].map((g) => g.key));
  const order = EQUITY_ORDER[dim];
  const sorted = [...order.filter((k) => keys.has(k)), ...[...keys].filter((k) => !order.includes(k)).sort()];
  const referredOf = (key: string) => referred.find((g) => g.key === key);
  const reference = equityReference(
    dim,
    sorted.map((key) => ({ key, referred: referredOf(key)?.n ?? 0 })),
    raceReference,
  );
  const shownReferred = partitionAt(
    s,
    (key) => `equity.${dim}.${key}.referred`,
    sorted.map((key) => ({ key, count: referredOf(key)?.n ?? 0 })),
  );

  // Raw numerators and denominators first: a value hidden in one place must be hidden wherever it also appears.
  const raw = new Map<string, Record<EquityMeasure, RawRate | null>>();
  for (const key of sorted) {
    const r = referredOf(key);
    const n = r?.n ?? 0;
    const cl = closed.find((g) => g.key === key);
    const cited = citations.find((g) => g.key === key)?.n ?? 0;
    const successful = cl?.successful ?? 0;
    raw.set(key, {
      // School contacts record no language: the diversion rate has no denominator by language.
      DIVERSION: dim === 'LANGUAGE' ? null : { numerator: n, denominator: n + cited },
      ENROLLMENT: { numerator: r?.enrolled ?? 0, denominator: n },
      DECLINE: { numerator: r?.declined ?? 0, denominator: n },
      COMPLETION: { numerator: successful, denominator: successful + (cl?.unsuccessful ?? 0) },
      RECIDIVISM_M6: { numerator: cl?.m6_recidivated ?? 0, denominator: cl?.m6_elapsed ?? 0 },
    });
  }
  const hiddenReferred = new Set(sorted.filter((_, i) => shownReferred[i]?.count === null));
  const rates = new Map<string, Record<EquityMeasure, ReportRate>>();
  for (const key of sorted) rates.set(key, {} as Record<EquityMeasure, ReportRate>);
  for (const measure of EQUITY_MEASURES) {
    const path = (key: string) => `equity.${dim}.${key}.${measure}`;
    const shown = new Map<string, ReportRate>();
    for (const key of sorted) {
      const value = raw.get(key)?.[measure] ?? null;
      if (value === null) {
        shown.set(key, NOT_APPLICABLE);
        continue;
      }
      let rate = s.rate(path(key), value.numerator, value.denominator);
      // The referrals of a group hidden in the partition above are this rate's numerator (diversion) or
      // denominator (enrollment, decline), and the diversion denominator is them plus a few citations: hide them.
      if (s.enabled && hiddenReferred.has(key) && measure !== 'COMPLETION' && measure !== 'RECIDIVISM_M6')
        rate = hide(s, path(key), rate, 'denominator');
      shown.set(key, rate);
    }
    // Across groups, the numerators and the denominators add up to the overall figures shown elsewhere: one
    // hidden group would be recovered by subtraction, so a second one is hidden with it.
    if (s.enabled)
      for (const part of ['denominator', 'numerator'] as const) {
        const cells = sorted
          .filter((key) => raw.get(key)?.[measure])
          .map((key) => ({
            key,
            count: raw.get(key)?.[measure]?.[part] ?? 0,
            hidden: shown.get(key)?.[part] === null,
          }));
        for (const key of complementaryCells(cells))
          shown.set(key, hide(s, path(key), shown.get(key) ?? NOT_APPLICABLE, part));
      }
    for (const key of sorted) {
      const entry = rates.get(key);
      if (entry) entry[measure] = shown.get(key) ?? NOT_APPLICABLE;
    }
  }
  const referenceRates = reference === null ? undefined : rates.get(reference);
  return {
    dimension: dim,
    reference,
    groups: sorted.map((key, i) => {
      const mine = rates.get(key);
      const measures: EquityMeasureCell[] = EQUITY_MEASURES.map((measure) => {
        const rate = mine?.[measure] ?? NOT_APPLICABLE;
        return {
          measure,
          rate,
          rri: relativeRateIndex(rate.rate, referenceRates?.[measure].rate ?? null),
        };
      });
      return { key, referred: shownReferred[i]?.count ?? null, measures };
    }),
  };
}

interface RawRate {
  numerator: number;
  denominator: number;
}

/**
 * Hides one part of a rate and what would reveal it: the rate itself, and the numerator with the denominator (a
 * shown numerator over a hidden denominator is harmless, but a hidden denominator also hides the group's share).
 */
function hide(s: Suppressor, path: string, rate: ReportRate, part: 'numerator' | 'denominator'): ReportRate {
  const out: ReportRate = { ...rate, rate: null };
  const parts = part === 'denominator' ? (['denominator', 'numerator'] as const) : (['numerator'] as const);
  for (const p of parts)
    if (out[p] !== null) {
      out[p] = null;
      s.paths.push(`${path}.${p}`);
    }
  return out;
}

/**
 * The completion rate's numerator is the SUCCESSFUL cell of `byOutcome` and its denominator SUCCESSFUL +
 * UNSUCCESSFUL: when either cell is hidden in the partition the rate hides its numerator, and when the rate hides
 * its numerator both cells are hidden, so neither view gives the other away.
 */
function linkCompletion(c: OutcomeReport['completion'], s: Suppressor): void {
  if (!s.enabled) return;
  const cell = (key: string) => c.byOutcome.find((x) => x.key === key);
  const successful = cell('SUCCESSFUL');
  const unsuccessful = cell('UNSUCCESSFUL');
  if (successful?.count === null || unsuccessful?.count === null)
    c.rate = hide(s, 'completion.rate', c.rate, 'numerator');
  if (c.rate.numerator === null && c.rate.denominator !== null)
    for (const x of [successful, unsuccessful])
      if (x && x.count !== null) {
        x.count = null;
        s.paths.push(`completion.byOutcome.${x.key}`);
      }
}
