import { allForYear } from '@18f/us-federal-holidays';
import { calendarDateIn, PROGRAM_TIME_ZONE } from '../referrals/youth-matching';

/**
 * Business days: Monday to Friday except US federal holidays as observed (a Saturday holiday is observed on the
 * Friday before, a Sunday one on the Monday after), from the maintained @18f/us-federal-holidays.
 * Dates are `YYYY-MM-DD` calendar dates in the program's time zone.
 */
export function isBusinessDay(date: string): boolean {
  const d = utcNoon(date);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysAround(d.getUTCFullYear()).has(date);
}

const holidayCache = new Map<number, Set<string>>();

/** Observed holiday dates of a year and its neighbours (New Year's Day may be observed the December before). */
function holidaysAround(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set([year - 1, year, year + 1].flatMap((y) => allForYear(y).map((h) => h.dateString)));
    holidayCache.set(year, set);
  }
  return set;
}

/** The date `n` business days after `date` (n = 0: `date` itself if a business day, else the next one). */
export function addBusinessDays(date: string, n: number): string {
  let d = date;
  if (n === 0) {
    while (!isBusinessDay(d)) d = addCalendarDays(d, 1);
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (isBusinessDay(d)) left -= 1;
  }
  return d;
}

export function addCalendarDays(date: string, n: number): string {
  const d = utcNoon(date);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar months later, clamped to the month's end (Aug 31 + 6 months = Feb 28/29). */
export function addCalendarMonths(date: string, n: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1, 12));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0, 12)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The instant a calendar date begins in a time zone (DST-aware). */
export function startOfDayIn(date: string, timeZone: string = PROGRAM_TIME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let instant = guess - offsetMs(new Date(guess), timeZone);
  // The offset at the real instant may differ from the guess's across a DST change.
  instant = guess - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/**
 * A clock measured in business days ends when the due business day ends (the next day begins), so work done any
 * time on the due day is on time.
 */
export function businessDueAt(from: Date, businessDays: number, timeZone: string = PROGRAM_TIME_ZONE): Date {
  const due = addBusinessDays(calendarDateIn(from, timeZone), businessDays);
  return startOfDayIn(addCalendarDays(due, 1), timeZone);
}

/** Calendar-day clocks run from the instant itself (the 20-day WIC 652.5 clock: received + 20 x 24 h). */
export function addDaysAt(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}

function utcNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMs(instant: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
