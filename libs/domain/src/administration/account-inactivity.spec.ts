import { dormantBefore, isDormant, lastActivityAt } from './account-inactivity';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe('account inactivity (CJIS: disabled after 90 days unused)', () => {
  const created = { createdAt: day(0), lastLoginAt: null, reactivatedAt: null };

  it('counts an account that never signed in from its creation', () => {
    expect(isDormant(created, day(89), 90)).toBe(false);
    expect(isDormant(created, day(90), 90)).toBe(true);
  });

  it('counts from the last sign-in', () => {
    const used = { ...created, lastLoginAt: day(50) };
    expect(isDormant(used, day(139), 90)).toBe(false);
    expect(isDormant(used, day(140), 90)).toBe(true);
  });

  it('restarts the count when an administrator reactivates the account', () => {
    const reactivated = { ...created, lastLoginAt: day(10), reactivatedAt: day(200) };
    expect(lastActivityAt(reactivated)).toEqual(day(200));
    expect(isDormant(reactivated, day(289), 90)).toBe(false);
    expect(isDormant(reactivated, day(290), 90)).toBe(true);
  });

  it('follows a shorter period when the organization sets one', () => {
    expect(isDormant(created, day(30), 30)).toBe(true);
    expect(isDormant(created, day(29), 30)).toBe(false);
  });

  it('gives the same answer as the SQL cut-off', () => {
    for (const n of [88, 89, 90, 91]) {
      const now = day(n);
      expect(isDormant(created, now, 90)).toBe(lastActivityAt(created) <= dormantBefore(now, 90));
    }
  });
});
