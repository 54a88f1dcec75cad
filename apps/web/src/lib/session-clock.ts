/**
 * When the session ends if nothing happens, counted the way the server counts it (ACCESS.md: idle timeout, absolute
 * end; apps/api/src/auth/sessions.service.ts). The server moves a session's `last_seen_at` only when a request comes
 * at least a minute after the last move, so here too a successful request moves the idle deadline only then: the
 * deadline shown is never later than the server's.
 *
 * The tabs of one browser share one session cookie, so they share these times through localStorage (times only,
 * nothing about the person). Dependency-free: the API client, loaded before sign-in, records every answer here.
 */

/** sessions.service.ts TOUCH_EVERY_MS. */
export const SERVER_TOUCH_EVERY_MS = 60_000;
/** ACCESS.md's idle timeout, used until a sign-in in this browser has told the organization's own. */
export const DEFAULT_IDLE_MS = 30 * 60_000;
const STORAGE_KEY = 'pathways.session-clock';
const MINUTE_MS = 60_000;

export interface SessionTimes {
  /** The idle timeout of this session's organization. */
  idleMs: number;
  /** The absolute end (12 h after sign-in), on this device's clock; null when this browser did not see the sign-in. */
  absoluteEndsAt: number | null;
  /** When the server last moved the session's last-seen time, as far as this browser knows (device clock). */
  lastTouchAt: number;
}

/** The login (or MFA) answer: both deadlines, on the server's clock. */
export interface SessionStart {
  expiresAt: string;
  idleExpiresAt: string;
}

const listeners = new Set<() => void>();
let times: SessionTimes | null = load();
/** The server's clock minus this device's, from the last answer's Date header (0 until one is seen). */
let skewMs = 0;

function isTimes(value: unknown): value is SessionTimes {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.idleMs === 'number' &&
    v.idleMs > 0 &&
    typeof v.lastTouchAt === 'number' &&
    (v.absoluteEndsAt === null || typeof v.absoluteEndsAt === 'number')
  );
}

function parse(text: string | null): SessionTimes | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isTimes(value) ? value : null;
  } catch {
    return null;
  }
}

function load(): SessionTimes | null {
  try {
    return typeof localStorage === 'undefined' ? null : parse(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

function save(next: SessionTimes | null): void {
  times = next;
  try {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode): this tab still counts on its own.
  }
  listeners.forEach((listener) => listener());
}

// Another tab's request moved the deadline, or it signed in or out.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    times = event.key === null ? null : parse(event.newValue);
    listeners.forEach((listener) => listener());
  });
}

export const sessionClock = {
  get: (): SessionTimes | null => times,

  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** An answer's Date header: how far the server's clock is from this device's. */
  observeServerDate(serverDate: number, now: number = Date.now()): void {
    if (Number.isFinite(serverDate)) skewMs = serverDate - now;
  },

  /**
   * After sign-in: the idle timeout and the absolute end from the server's answer, turned into durations with the
   * server's clock (the answer's Date header), so a device clock that is off does not move the warning.
   */
  start(response: SessionStart, now: number = Date.now()): void {
    const idleEnd = Date.parse(response.idleExpiresAt);
    const absoluteEnd = Date.parse(response.expiresAt);
    const reference = now + skewMs;
    // Timeouts are whole minutes; rounding absorbs the Date header's one-second precision.
    const idleMinutes = Math.round((idleEnd - reference) / MINUTE_MS);
    save({
      idleMs: Number.isFinite(idleMinutes) && idleMinutes >= 1 ? idleMinutes * MINUTE_MS : DEFAULT_IDLE_MS,
      absoluteEndsAt: Number.isFinite(absoluteEnd) ? now + (absoluteEnd - reference) : null,
      lastTouchAt: now,
    });
  },

  /** A request that started at `at` was answered with success: the server saw the session then. */
  touched(at: number): void {
    if (!times) {
      save({ idleMs: DEFAULT_IDLE_MS, absoluteEndsAt: null, lastTouchAt: at });
      return;
    }
    if (at - times.lastTouchAt < SERVER_TOUCH_EVERY_MS) return;
    // The server answered, so the session had not reached its absolute end: an end in the past was a wrong guess.
    const absoluteEndsAt =
      times.absoluteEndsAt !== null && times.absoluteEndsAt <= at ? null : times.absoluteEndsAt;
    save({ ...times, absoluteEndsAt, lastTouchAt: at });
  },

  /** Signed out or expired: nothing to count until the next sign-in. */
  end(): void {
    save(null);
  },
};

export type SessionEnd = { at: number; reason: 'idle' | 'absolute' };

/** Which deadline comes first, and when. */
export function sessionEnd(t: SessionTimes): SessionEnd {
  const idleAt = t.lastTouchAt + t.idleMs;
  return t.absoluteEndsAt !== null && t.absoluteEndsAt <= idleAt
    ? { at: t.absoluteEndsAt, reason: 'absolute' }
    : { at: idleAt, reason: 'idle' };
}
