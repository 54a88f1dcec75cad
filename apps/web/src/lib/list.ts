import type { Page } from '@pathways/contracts';

/**
 * The items of a list answer. Collections under a record (a case's goals, a referral's notices) answer a plain
 * array; paged lists answer a Page (API.md "Conventions"). Readers of either take the items the same way.
 */
export function listItems<T>(body: T[] | Page<T> | null | undefined): T[] {
  if (!body) return [];
  return Array.isArray(body) ? body : body.items;
}
