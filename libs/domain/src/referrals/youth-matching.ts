/**
 * Duplicate matching of youth (DOMAIN.md "Youth"): names are compared by trigram similarity of a normalized key in
 * the database (f_name_norm); birth dates that agree exactly, are one day off, or have day and month swapped (a
 * common data-entry slip) raise the score.
 */

export const MATCH_LIMIT = 10;

export type BirthDateRelation = 'EXACT' | 'ADJACENT_DAY' | 'DAY_MONTH_TRANSPOSED';

const DAY_MS = 86_400_000;

function parse(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function isValidDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function shiftDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Day and month swapped (`2012-03-07` <-> `2012-07-03`), or null when that is no other valid date. */
export function transposedDate(date: string): string | null {
  const { y, m, d } = parse(date);
  if (m === d || !isValidDate(y, d, m)) return null;
  return format(y, d, m);
}

/** Every birth date that counts as agreeing with `date`: itself, the day before and after, day/month swapped. */
export function birthDateCandidates(date: string): string[] {
  const candidates = [date, shiftDays(date, -1), shiftDays(date, 1)];
  const swapped = transposedDate(date);
  if (swapped) candidates.push(swapped);
  return candidates;
}

/** How a recorded birth date relates to the one searched for, or null when it does not agree. */
export function birthDateRelation(searched: string, recorded: string): BirthDateRelation | null {
  if (searched === recorded) return 'EXACT';
  if (shiftDays(searched, -1) === recorded || shiftDays(searched, 1) === recorded) return 'ADJACENT_DAY';
  if (transposedDate(searched) === recorded) return 'DAY_MONTH_TRANSPOSED';
  return null;
}

const BIRTH_DATE_WEIGHT: Record<BirthDateRelation, number> = {
  EXACT: 0.35,
  ADJACENT_DAY: 0.25,
  DAY_MONTH_TRANSPOSED: 0.25,
};

/**
 * A match score in [0, 1], three decimals. Without a searched birth date it is the name similarity; with one, the
 * name counts 65% and an agreeing birth date adds up to 35%.
 */
export function youthMatchScore(
  nameSimilarity: number,
  relation: BirthDateRelation | null | undefined,
): number {
  const sim = Math.min(1, Math.max(0, nameSimilarity));
  const score = relation === undefined ? sim : 0.65 * sim + (relation ? BIRTH_DATE_WEIGHT[relation] : 0);
  return Math.round(score * 1000) / 1000;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone (the incident date of a referral, in Pacific time). */
export function calendarDateIn(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // Building an Intl formatter costs far more than using one: one per time zone.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The program's time zone: incident dates, report periods and date filters are Pacific calendar dates. */
export const PROGRAM_TIME_ZONE = 'America/Los_Angeles';
