import { businessDaysBetween } from '@pathways/domain';
import type { DataSource } from 'typeorm';

/** The calendar range SQL business-day clocks cover (referrals before or after it have no business-day due dates). */
export const BUSINESS_CALENDAR = { from: '2020-01-01', to: '2045-12-31' } as const;

/**
 * Fills `business_days` from libs/domain (weekdays minus US federal holidays), so `business_due_at()` in SQL and
 * the code agree. Rewritten whole when it differs (a holiday added by a library update), otherwise untouched.
 */
export async function seedBusinessDays(ds: DataSource): Promise<void> {
  const days = businessDaysBetween(BUSINESS_CALENDAR.from, BUSINESS_CALENDAR.to);
  const [current] = await ds.query<{ n: number; digest: string | null }[]>(
    `SELECT count(*)::int AS n, md5(string_agg(day::text, ',' ORDER BY day)) AS digest FROM business_days`,
  );
  const [wanted] = await ds.query<{ digest: string }[]>(`SELECT md5($1) AS digest`, [days.join(',')]);
  if (current?.n === days.length && current.digest === wanted?.digest) return;
  await ds.transaction(async (m) => {
    await m.query(`DELETE FROM business_days`);
    await m.query(
      `INSERT INTO business_days (day, ordinal)
       SELECT d::date, o::int FROM unnest($1::text[]) WITH ORDINALITY AS t(d, o)`,
      [days],
    );
  });
}
