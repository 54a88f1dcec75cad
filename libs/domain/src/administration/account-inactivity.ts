/**
 * CJIS: an account unused for 90 days (or fewer, as the organization sets) is disabled automatically. "Used" is
 * the last sign-in; an account that never signed in counts from its creation, and one an administrator
 * reactivated counts from the reactivation (otherwise it would be disabled again at once).
 */
export interface AccountActivity {
  lastLoginAt: Date | null;
  createdAt: Date;
  reactivatedAt: Date | null;
}

const DAY_MS = 86_400_000;

export function lastActivityAt(account: AccountActivity): Date {
  const times = [account.createdAt, account.lastLoginAt, account.reactivatedAt]
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  return new Date(Math.max(...times));
}

/** True once `inactivityDays` whole days have passed since the account was last used. */
export function isDormant(account: AccountActivity, now: Date, inactivityDays: number): boolean {
  return now.getTime() - lastActivityAt(account).getTime() >= inactivityDays * DAY_MS;
}

/** Accounts whose last activity is before this instant are dormant (the same rule, for a SQL WHERE). */
export function dormantBefore(now: Date, inactivityDays: number): Date {
  return new Date(now.getTime() - inactivityDays * DAY_MS);
}
