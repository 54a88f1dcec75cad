import type { ReportCell, ReportCount, ReportRate } from '@pathways/contracts';
import { rateOf } from './outcome-measures';

/**
 * Small-cell suppression (DOMAIN.md "Suppression"): a cell of 1 to threshold − 1 youth is hidden outside the
 * provider (threshold ≥ 11, so "<11"), and a complementary cell is hidden where a total would reveal it.
 * Zero is shown: it identifies no one.
 */
export function isSmallCell(count: number, threshold: number): boolean {
  return count >= 1 && count < threshold;
}

/**
 * The keys to hide in a partition (cells that add up to a shown total). Primary: every small cell. Complementary:
 * when exactly one cell is hidden, the total minus the others would reveal it, so the smallest other cell is
 * hidden too (a non-zero one first). A partition of one cell is the total itself.
 */
export function partitionSuppression(
  cells: readonly { key: string; count: number }[],
  threshold: number,
): Set<string> {
  const marked = cells.map((c) => ({ ...c, hidden: isSmallCell(c.count, threshold) }));
  return new Set([...marked.filter((c) => c.hidden).map((c) => c.key), ...complementaryCells(marked)]);
}

/**
 * The complementary cells of a partition whose hidden cells are already marked (by the primary rule, or because the
 * same value is hidden elsewhere): when exactly one cell is hidden, the smallest other cell (a non-zero one first)
 * must be hidden too, or the total minus the others reveals it. Returns the keys to hide in addition.
 */
export function complementaryCells(
  cells: readonly { key: string; count: number; hidden: boolean }[],
): string[] {
  if (cells.filter((c) => c.hidden).length !== 1 || cells.length < 2) return [];
  const others = cells
    .filter((c) => !c.hidden)
    .sort(
      (a, b) =>
        Number(a.count === 0) - Number(b.count === 0) || a.count - b.count || a.key.localeCompare(b.key),
    );
  return others[0] ? [others[0].key] : [];
}

/**
 * Applies suppression to a report and records the path of every hidden cell. Disabled (exact counts) for the
 * provider supervisor; always enabled for police, counselors and the public.
 */
export class Suppressor {
  readonly paths: string[] = [];

  constructor(
    readonly threshold: number,
    readonly enabled: boolean,
  ) {}

  /** A standalone count (a total). */
  count(path: string, n: number): ReportCount {
    if (this.enabled && isSmallCell(n, this.threshold)) {
      this.paths.push(path);
      return null;
    }
    return n;
  }

  /** Cells that add up to a total: primary and complementary suppression. */
  partition(path: string, cells: readonly { key: string; label?: string; count: number }[]): ReportCell[] {
    const hidden = this.enabled ? partitionSuppression(cells, this.threshold) : new Set<string>();
    return cells.map((c) => {
      if (!hidden.has(c.key)) return { ...c };
      this.paths.push(`${path}.${c.key}`);
      return { ...c, count: null };
    });
  }

  /**
   * A rate: the numerator and its complement (denominator − numerator) split the denominator, so either being
   * small hides the numerator and the rate; a small denominator hides all three.
   */
  rate(path: string, numerator: number, denominator: number): ReportRate {
    const rate = rateOf(numerator, denominator);
    if (!this.enabled) return { numerator, denominator, rate };
    if (isSmallCell(denominator, this.threshold)) {
      this.paths.push(`${path}.denominator`, `${path}.numerator`);
      return { numerator: null, denominator: null, rate: null };
    }
    if (isSmallCell(numerator, this.threshold) || isSmallCell(denominator - numerator, this.threshold)) {
      this.paths.push(`${path}.numerator`);
      return { numerator: null, denominator, rate: null };
    }
    return { numerator, denominator, rate };
  }
}

/** How a suppressed cell reads on screens and in CSV: "<11" for the default threshold. */
export function suppressedLabel(threshold: number): string {
  return `<${threshold}`;
}
