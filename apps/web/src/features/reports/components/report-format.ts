import type { ReportCount, ReportGroupBy, ReportRate } from '@pathways/contracts';
import { suppressedLabel } from '@pathways/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** OJJDP practice: a relative rate index at or beyond these reads as a notable disparity. */
export const RRI_HIGH = 1.5;
export const RRI_LOW = 0.67;

export type RriFlag = 'HIGH' | 'LOW' | null;

export function rriFlag(rri: number | null): RriFlag {
  if (rri === null) return null;
  if (rri >= RRI_HIGH) return 'HIGH';
  if (rri <= RRI_LOW) return 'LOW';
  return null;
}

/** A rate is shown, hidden (its count is suppressed) or not measurable (nothing to divide by, or not applicable). */
export type RateState = 'value' | 'suppressed' | 'none';

/** What the report says about its hidden cells: whether it suppresses at all, and the path of each hidden one. */
export interface Suppression {
  suppressed: boolean;
  suppressedCells: readonly string[];
}

/**
 * A null rate is hidden when the report lists its numerator or denominator among the suppressed cells (`path` given),
 * or, without a path, when the report suppresses and a part of the rate is null; otherwise there is nothing to
 * measure (e.g. diversion by language: school contacts do not record it).
 */
export function rateState(rate: ReportRate, suppression: Suppression, path?: string): RateState {
  if (rate.rate !== null) return 'value';
  if (!suppression.suppressed) return 'none';
  if (path !== undefined)
    return suppression.suppressedCells.includes(`${path}.numerator`) ||
      suppression.suppressedCells.includes(`${path}.denominator`)
      ? 'suppressed'
      : 'none';
  return rate.numerator === null || rate.denominator === null ? 'suppressed' : 'none';
}

const PERIOD = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})))?(?:-\d{2})?$/;

export interface ReportFormat {
  locale: string;
  /** "<11": how a suppressed count reads. */
  suppressed: string;
  count: (n: ReportCount) => string;
  number: (n: number | null, fractionDigits?: number) => string;
  percent: (rate: number | null) => string;
  rateState: (rate: ReportRate, path?: string) => RateState;
  /** A rate as a chart label: the percentage, "hidden" or "—" (see `rateState`). */
  rate: (rate: ReportRate, path?: string) => string;
  rri: (rri: number | null) => string;
  date: (iso: string | null | undefined) => string;
  /** A `byPeriod` or `byMonth` key (`2026-03`, `2026-Q1`, `2026`, or a bucket's first day) as words. */
  period: (key: string, groupBy: ReportGroupBy, label?: string) => string;
}

/** Numbers, rates and periods through Intl in the active language; suppressed counts as "<threshold". */
export function useReportFormat(threshold: number, suppression: Suppression): ReportFormat {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { suppressed, suppressedCells } = suppression;
  return useMemo(() => {
    const hidden = { suppressed, suppressedCells };
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const index = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const monthOnly = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const suppressedText = suppressedLabel(threshold);
    return {
      locale,
      suppressed: suppressedText,
      count: (n) => (n === null ? suppressedText : integer.format(n)),
      number: (n, fractionDigits = 0) =>
        n === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(n),
      percent: (rate) => (rate === null ? '—' : percent.format(rate)),
      rateState: (rate, path) => rateState(rate, hidden, path),
      rate: (rate, path) => {
        switch (rateState(rate, hidden, path)) {
          case 'value':
            return percent.format(rate.rate ?? 0);
          case 'suppressed':
            return t('reports.values.hidden');
          case 'none':
            return '—';
        }
      },
      rri: (rri) => (rri === null ? '—' : index.format(rri)),
      date: (iso) => {
        if (!iso) return '—';
        const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
        return Number.isNaN(date.getTime()) ? iso : day.format(date);
      },
      period: (key, groupBy, label) => {
        // A month of the year alone ("3") on the public dashboard.
        if (/^\d{1,2}$/.test(key)) return monthOnly.format(Date.UTC(2000, Number(key) - 1, 1));
        const match = PERIOD.exec(key);
        if (!match) return label ?? key;
        const [, year, quarter, monthOfYear] = match;
        const m = Number(monthOfYear ?? 1);
        if (groupBy === 'year') return year ?? key;
        if (groupBy === 'quarter')
          return t('reports.period.quarter', { quarter: quarter ?? String(Math.ceil(m / 3)), year });
        return month.format(Date.UTC(Number(year), m - 1, 1));
      },
    } satisfies ReportFormat;
  }, [locale, threshold, t, suppressed, suppressedCells]);
}
