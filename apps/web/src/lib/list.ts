import type { Page } from '@pathways/contracts';

/** A count for display in the reader's language: "1,234" / "1234" / "1.234". */
export const formatCount = (n: number, locale: string): string => new Intl.NumberFormat(locale).format(n);

/** A page's total for display: "1,234", or "1,000+" when the API stopped counting at LIST_COUNT_CAP. */
export function formatPageTotal(page: Pick<Page<unknown>, 'total' | 'totalCapped'>, locale: string): string {
  const n = formatCount(page.total, locale);
  return page.totalCapped ? `${n}+` : n;
}

/**
 * The items of a list answer. Collections under a record (a case's goals, a referral's notices) answer a plain
 * array; paged lists answer a Page (API.md "Conventions"). Readers of either take the items the same way.
 */
export function listItems<T>(body: T[] | Page<T> | null | undefined): T[] {
  if (!body) return [];
  return Array.isArray(body) ? body : body.items;
}
