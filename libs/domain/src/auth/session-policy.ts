/** Session and lockout rules of ACCESS.md (CJIS defaults; configurable). Pure: the caller passes `now`. */

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = { idleMinutes: 30, absoluteHours: 12 };

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

export type SessionState = 'ACTIVE' | 'IDLE_EXPIRED' | 'ABSOLUTE_EXPIRED';

export function sessionState(session: SessionTimes, now: Date, t: SessionTimeouts): SessionState {
  if (now.getTime() >= absoluteExpiry(session, t).getTime()) return 'ABSOLUTE_EXPIRED';
  if (now.getTime() >= idleExpiry(session, t).getTime()) return 'IDLE_EXPIRED';
  return 'ACTIVE';
}

export function absoluteExpiry(session: Pick<SessionTimes, 'createdAt'>, t: SessionTimeouts): Date {
  return new Date(session.createdAt.getTime() + t.absoluteHours * 3_600_000);
}

export function idleExpiry(session: Pick<SessionTimes, 'lastSeenAt'>, t: SessionTimeouts): Date {
  return new Date(session.lastSeenAt.getTime() + t.idleMinutes * 60_000);
}

export interface LockoutPolicy {
  maxFailures: number;
  windowMinutes: number;
  /** Minutes after which a lock lifts by itself; null: only an ADMIN unlocks. */
  autoUnlockMinutes: number | null;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  maxFailures: 5,
  windowMinutes: 15,
  autoUnlockMinutes: 30,
};

export interface FailureState {
  failedLogins: number;
  firstFailedAt: Date | null;
  lockedAt: Date | null;
}

export function isLocked(state: FailureState, now: Date, policy: LockoutPolicy): boolean {
  if (!state.lockedAt) return false;
  if (policy.autoUnlockMinutes === null) return true;
  return now.getTime() < state.lockedAt.getTime() + policy.autoUnlockMinutes * 60_000;
}

/** The failure state after one more failed attempt, and whether it locks the account now. */
export function registerFailure(
  state: FailureState,
  now: Date,
  policy: LockoutPolicy,
): FailureState & { lockedNow: boolean } {
  const windowOpen =
    state.firstFailedAt !== null &&
    now.getTime() - state.firstFailedAt.getTime() < policy.windowMinutes * 60_000;
  const failedLogins = windowOpen ? state.failedLogins + 1 : 1;
  const firstFailedAt = windowOpen ? state.firstFailedAt : now;
  const lockedNow = failedLogins >= policy.maxFailures;
  return { failedLogins, firstFailedAt, lockedAt: lockedNow ? now : state.lockedAt, lockedNow };
}
