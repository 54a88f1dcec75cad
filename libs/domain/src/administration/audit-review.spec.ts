import { currentReviewWeek, reviewWeek } from './audit-review';

describe('the weekly audit review week', () => {
  it('starts on the Monday of the given date', () => {
    expect(reviewWeek('2026-03-04').weekOf).toBe('2026-03-02'); // a Wednesday
    expect(reviewWeek('2026-03-02').weekOf).toBe('2026-03-02'); // the Monday itself
    expect(reviewWeek('2026-03-08').weekOf).toBe('2026-03-02'); // the Sunday after
  });

  it('spans midnight to midnight in Pacific time', () => {
    const w = reviewWeek('2026-01-14');
    expect(w.from.toISOString()).toBe('2026-01-12T08:00:00.000Z');
    expect(w.to.toISOString()).toBe('2026-01-19T08:00:00.000Z');
  });

  it('is one hour shorter across the spring clock change', () => {
    const w = reviewWeek('2026-03-08'); // DST starts Sunday 2026-03-08
    expect(w.to.getTime() - w.from.getTime()).toBe((7 * 24 - 1) * 3_600_000);
  });

  it('takes the week of "now" in the program time zone, not UTC', () => {
    // Monday 03:00 UTC is still Sunday evening in California.
    expect(currentReviewWeek(new Date('2026-03-16T03:00:00Z')).weekOf).toBe('2026-03-09');
  });
});
