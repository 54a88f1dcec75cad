import {
  type FailureState,
  DEFAULT_LOCKOUT_POLICY,
  DEFAULT_SESSION_TIMEOUTS,
  isLocked,
  registerFailure,
  sessionState,
} from './session-policy';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 8, 0) + minutes * 60_000);

describe('sessionState', () => {
  const t = DEFAULT_SESSION_TIMEOUTS;
  it('is active within 30 idle minutes', () => {
    expect(sessionState({ createdAt: at(0), lastSeenAt: at(0) }, at(29), t)).toBe('ACTIVE');
  });
  it('expires at exactly 30 idle minutes', () => {
    expect(sessionState({ createdAt: at(0), lastSeenAt: at(0) }, at(30), t)).toBe('IDLE_EXPIRED');
  });
  it('expires 12 hours after creation even when just used', () => {
    expect(sessionState({ createdAt: at(0), lastSeenAt: at(719) }, at(720), t)).toBe('ABSOLUTE_EXPIRED');
  });
});

describe('lockout', () => {
  const p = DEFAULT_LOCKOUT_POLICY;
  const fresh: FailureState = { failedLogins: 0, firstFailedAt: null, lockedAt: null };

  it('locks on the fifth failure inside 15 minutes', () => {
    let s: FailureState & { lockedNow: boolean } = { ...fresh, lockedNow: false };
    for (let i = 0; i < 5; i++) s = registerFailure(s, at(i * 3), p);
    expect(s.lockedNow).toBe(true);
    expect(s.failedLogins).toBe(5);
  });

  it('restarts the count when the window has passed', () => {
    let s: FailureState & { lockedNow: boolean } = { ...fresh, lockedNow: false };
    for (let i = 0; i < 4; i++) s = registerFailure(s, at(i), p);
    s = registerFailure(s, at(16), p);
    expect(s).toMatchObject({ failedLogins: 1, lockedNow: false });
  });

  it('stays locked for 30 minutes, then lifts when the organization allows it', () => {
    const locked = { ...fresh, lockedAt: at(0) };
    expect(isLocked(locked, at(29), p)).toBe(true);
    expect(isLocked(locked, at(30), p)).toBe(false);
    expect(isLocked(locked, at(600), { ...p, autoUnlockMinutes: null })).toBe(true);
  });
});
