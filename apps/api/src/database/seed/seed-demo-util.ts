import { calendarDateIn, PROGRAM_TIME_ZONE, startOfDayIn } from '@pathways/domain';
import type { EntityManager } from 'typeorm';

/** Helpers shared by the demo seeds: a deterministic PRNG, set-based inserts and updates, working hours. */

export type Row = Record<string, unknown>;
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MIN = 60_000;
export const iso = (t: number): string => new Date(t).toISOString();
/** The calendar date (YYYY-MM-DD) of an instant in the program's time zone. */
export const localDate = (t: number): string => calendarDateIn(new Date(t), PROGRAM_TIME_ZONE);

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const between = (lo: number, hi: number) => lo + next() * (hi - lo);
  const chance = (p: number) => next() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1][0];
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = (Math.floor(next() * 4) + 8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { next, int, between, chance, pick, weighted, uuid };
}
export type Prng = ReturnType<typeof prng>;

// Column names are quoted: some are SQL keywords (follow_ups.window).
const definitions = (columns: Record<string, string>) =>
  Object.keys(columns)
    .map((n) => `"${n}" ${columns[n]}`)
    .join(', ');

/** One INSERT ... SELECT FROM jsonb_to_recordset per table: set-based and fast. */
export async function insertJson(
  m: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: Row[],
): Promise<void> {
  if (!rows.length) return;
  const names = Object.keys(columns)
    .map((n) => `"${n}"`)
    .join(', ');
  await m.query(
    `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${definitions(columns)})`,
    [JSON.stringify(rows)],
  );
}

/** One UPDATE ... FROM jsonb_to_recordset: every listed column of the rows matched by `id` is overwritten. */
export async function updateJson(
  m: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: Row[],
): Promise<void> {
  if (!rows.length) return;
  const sets = Object.keys(columns)
    .filter((n) => n !== 'id')
    .map((n) => `"${n}" = x."${n}"`)
    .join(', ');
  await m.query(
    `UPDATE ${table} t SET ${sets} FROM jsonb_to_recordset($1::jsonb) AS x(${definitions(columns)}) WHERE t.id = x.id`,
    [JSON.stringify(rows)],
  );
}

/**
 * Working hours in the program's time zone: `workTime(t)` moves an instant to a random time between 8:30 and
 * 17:30 on its local day (Monday when it falls on a weekend). Day starts are cached: building them is costly.
 */
export function workingHours(r: Prng) {
  const starts = new Map<string, number>();
  const startOf = (date: string) => {
    let s = starts.get(date);
    if (s === undefined) {
      s = startOfDayIn(date).getTime();
      starts.set(date, s);
    }
    return s;
  };
  const workTime = (t: number, spread = true): number => {
    let date = calendarDateIn(new Date(t), PROGRAM_TIME_ZONE);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      // Monday, or (spread) any day of the next week, so weekly work does not pile onto Mondays.
      const d = new Date(`${date}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + (weekday === 6 ? 2 : 1) + (spread ? r.int(0, 4) : 0));
      date = d.toISOString().slice(0, 10);
    }
    return startOf(date) + 8.5 * HOUR + Math.floor(r.next() * 36) * 15 * 60_000;
  };
  /** An instant about `gapDays` after `prev`, in working hours: that day's, or the next working day's. */
  const after = (prev: number, gapDays: number, spread = true): number => {
    const t = workTime(prev + gapDays * DAY, spread);
    return t > prev + 10 * 60_000 ? t : workTime(prev + DAY, spread);
  };
  /** Like `after`, but before `limit` (> prev): squeezed in between when working hours fall later. */
  const within = (prev: number, gapDays: number, limit: number): number => {
    const t = after(prev, gapDays);
    return t < limit ? t : prev + (limit - prev) * (0.3 + 0.5 * r.next());
  };
  return { workTime, after, within };
}
