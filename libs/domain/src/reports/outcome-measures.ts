import {
  AGE_BANDS,
  type AgeBand,
  type CaseloadAgingBucket,
  type EquityDimension,
  MULTIRACIAL,
  type RecidivismWindow,
} from '@pathways/contracts';

/**
 * The outcome measures of DOMAIN.md "Outcome measures" that are not SQL: rates, the relative rate index, the
 * equity groups and the buckets. The reports module computes every count in SQL and builds its bucket
 * expressions from the ranges here, so the rules have one home.
 */

/** numerator ÷ denominator, or null when there is nothing to measure. Rounded to 4 decimals. */
export function rateOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** Completion rate: SUCCESSFUL ÷ (SUCCESSFUL + UNSUCCESSFUL); ADMINISTRATIVE exits are left out. */
export function completionRate(successful: number, unsuccessful: number): number | null {
  return rateOf(successful, successful + unsuccessful);
}

/** Diversion rate: referrals ÷ (referrals + school contacts ending in citation or custody). */
export function diversionRate(referrals: number, citationsAndCustody: number): number | null {
  return rateOf(referrals, referrals + citationsAndCustody);
}

/**
 * Relative rate index (OJJDP): a group's rate ÷ the reference group's rate, to 2 decimals. Null when either
 * rate is unknown or the reference rate is 0 (the index is undefined, not infinite).
 */
export function relativeRateIndex(rate: number | null, referenceRate: number | null): number | null {
  if (rate === null || referenceRate === null || referenceRate === 0) return null;
  return Math.round((rate / referenceRate) * 100) / 100;
}

/** Conversion of each funnel step from the one before it; the first step has none. */
export function funnelConversions(counts: readonly number[]): (number | null)[] {
  return counts.map((n, i) => (i === 0 ? null : rateOf(n, counts[i - 1] ?? 0)));
}

/**
 * The equity group of a youth's self-reported race/ethnicity (OMB SPD-15, several may be chosen):
 * one category is itself, several are MULTIRACIAL, none or only DECLINED is DECLINED.
 */
export function raceGroupOf(values: readonly string[]): string {
  const stated = [...new Set(values.filter((v) => v !== 'DECLINED'))];
  if (stated.length === 0) return 'DECLINED';
  if (stated.length === 1) return stated[0] ?? 'DECLINED';
  return MULTIRACIAL;
}

/** The age bands of reports and school contacts, by whole years of age. */
export const AGE_BAND_RANGES: readonly { band: AgeBand; min: number; max: number }[] = AGE_BANDS.map(
  (band) => {
    const [min, max] = band.split('-').map(Number);
    return { band, min: min ?? 0, max: max ?? 0 };
  },
);

/** The band of an age in whole years; ages outside 6–18 read as OTHER. */
export function ageBandOf(age: number): AgeBand | 'OTHER' {
  return AGE_BAND_RANGES.find((r) => age >= r.min && age <= r.max)?.band ?? 'OTHER';
}

/** Caseload aging by days since the case opened: 0–30, 31–90, 91–180, >180. */
export const CASELOAD_AGING_RANGES: readonly { bucket: CaseloadAgingBucket; maxDays: number | null }[] = [
  { bucket: '0-30', maxDays: 30 },
  { bucket: '31-90', maxDays: 90 },
  { bucket: '91-180', maxDays: 180 },
  { bucket: '>180', maxDays: null },
];

export function agingBucketOf(daysOpen: number): CaseloadAgingBucket {
  return CASELOAD_AGING_RANGES.find((r) => r.maxDays === null || daysOpen <= r.maxDays)?.bucket ?? '>180';
}

/** Months after closure each recidivism window covers. */
export const RECIDIVISM_WINDOW_MONTHS: Readonly<Record<RecidivismWindow, number>> = { M6: 6, M12: 12 };

/** Whether a case closed at `closedAt` has lived through the whole window by `now` (only then is it counted). */
export function recidivismWindowElapsed(closedAt: Date, window: RecidivismWindow, now: Date): boolean {
  const end = new Date(closedAt.getTime());
  end.setUTCMonth(end.getUTCMonth() + RECIDIVISM_WINDOW_MONTHS[window]);
  return end.getTime() <= now.getTime();
}

/**
 * The reference group of an equity dimension: the configured group for race/ethnicity (default WHITE), and the
 * largest group for the others (ties: alphabetical). Null when the dimension has no group.
 */
export function equityReference(
  dimension: EquityDimension,
  groups: readonly { key: string; referred: number }[],
  configuredRaceReference: string,
): string | null {
  if (dimension === 'RACE_ETHNICITY') return configuredRaceReference;
  const sorted = [...groups].sort((a, b) => b.referred - a.referred || a.key.localeCompare(b.key));
  return sorted[0]?.key ?? null;
}
