import type { ReportGroupBy } from '@pathways/contracts';
import {
  addCalendarDays,
  addCalendarMonths,
  calendarDateIn,
  PROGRAM_TIME_ZONE,
  startOfDayIn,
} from '@pathways/domain';

/**
 * A report's period: `from` and `to` are calendar dates in the program's time zone, both included, so the instants
 * are [from 00:00 local, the day after `to` 00:00 local). Without dates: the twelve months up to today
 * (to = today, from = to − 1 year + 1 day).
 */
export interface ReportPeriod {
  from: string;
  to: string;
  /** Today in the program's time zone. */
  today: string;
  start: Date;
  end: Date;
}

export function reportPeriod(q: { from?: string; to?: string }, now: Date): ReportPeriod {
  const today = calendarDateIn(now, PROGRAM_TIME_ZONE);
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? addCalendarDays(addCalendarMonths(to, -12), 1);
  return {
    from,
    to,
    today,
    start: startOfDayIn(from, PROGRAM_TIME_ZONE),
    end: startOfDayIn(addCalendarDays(to, 1), PROGRAM_TIME_ZONE),
  };
}

/** One calendar year in the program's time zone. */
export function yearPeriod(year: number, now: Date): ReportPeriod {
  const pad = String(year).padStart(4, '0');
  return reportPeriod({ from: `${pad}-01-01`, to: `${pad}-12-31` }, now);
}

/** The trend buckets a period spans, oldest first, keyed as the SQL keys them (`YYYY-MM`, `YYYY-Qn`, `YYYY`). */
export function periodKeys(from: string, to: string, groupBy: ReportGroupBy): string[] {
  const keyOf = (y: number, m: number): string => {
    switch (groupBy) {
      case 'month':
        return `${y}-${String(m).padStart(2, '0')}`;
      case 'quarter':
        return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
      case 'year':
        return String(y);
    }
  };
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const keys: string[] = [];
  let [y, m] = [fy, fm];
  while (y < ty || (y === ty && m <= tm)) {
    const key = keyOf(y, m);
    if (keys[keys.length - 1] !== key) keys.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return keys;
}
