import { addCalendarDays, businessDueAt, startOfDayIn } from '@pathways/domain';
import { TestApp } from './support/test-app';

/**
 * The tasks query adds business days in SQL (`business_due_at`, over the `business_days` table filled from
 * libs/domain); the screens and services use libs/domain's `businessDueAt`. They must agree on every day.
 */
describe('business-day clocks in SQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.close();
  });

  it('agrees with libs/domain for every start day of 2026 and 0 to 10 business days', async () => {
    const starts: Date[] = [];
    // Three instants a day (early morning, noon and late evening Pacific) across the whole year, DST included.
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1))
      for (const hours of [1, 12, 23]) starts.push(new Date(startOfDayIn(d).getTime() + hours * 3_600_000));
    const rows: { i: number; n: number; due: Date }[] = await t.db.query(
      `SELECT s.i::int AS i, n.n::int AS n, business_due_at(s.at, n.n) AS due
         FROM unnest($1::timestamptz[]) WITH ORDINALITY AS s(at, i), generate_series(0, 10) AS n(n)`,
      [starts.map((s) => s.toISOString())],
    );
    const mismatches = rows
      .filter((r) => r.due.getTime() !== businessDueAt(starts[r.i - 1], r.n).getTime())
      .map((r) => `${starts[r.i - 1].toISOString()} + ${r.n}: SQL ${r.due.toISOString()}`);
    expect(rows).toHaveLength(starts.length * 11);
    expect(mismatches).toEqual([]);
  });

  it('skips Thanksgiving and the weekend: Wednesday 2026-11-25 plus one business day ends Friday night', async () => {
    const [row] = await t.db.query<{ due: Date }[]>(`SELECT business_due_at($1, 1) AS due`, [
      '2026-11-25T18:00:00Z',
    ]);
    // The end of Friday 2026-11-27 in Pacific time (Thursday the 26th is Thanksgiving).
    expect(row.due.toISOString()).toBe('2026-11-28T08:00:00.000Z');
  });
});
