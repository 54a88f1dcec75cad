import { LIST_COUNT_CAP, type Page } from '@pathways/contracts';

/**
 * The count of a list's matches, reading at most LIST_COUNT_CAP + 1 of them (`body` is the list's `FROM … WHERE …`):
 * a broad filter over a million referrals stops at the cap instead of visiting every match.
 */
export function cappedCountSql(body: string): string {
  return `SELECT count(*)::int AS n FROM (SELECT 1 ${body} LIMIT ${LIST_COUNT_CAP + 1}) AS capped`;
}

/** The `total` and `totalCapped` of a page from a capped count. */
export function pageTotal(n: number | undefined): Pick<Page<unknown>, 'total' | 'totalCapped'> {
  const count = n ?? 0;
  return count > LIST_COUNT_CAP
    ? { total: LIST_COUNT_CAP, totalCapped: true }
    : { total: count, totalCapped: false };
}
