import { errorBody, mockFetch } from '../test/render';
import { api } from './api-client';
import { DEFAULT_IDLE_MS, sessionClock, sessionEnd } from './session-clock';

const MINUTE = 60_000;
const NOW = new Date('2026-03-02T16:00:00.000Z').getTime();

const loginAnswer = (serverNow: number, idleMinutes = 30, absoluteHours = 12) => ({
  idleExpiresAt: new Date(serverNow + idleMinutes * MINUTE).toISOString(),
  expiresAt: new Date(serverNow + absoluteHours * 60 * MINUTE).toISOString(),
});

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
  sessionClock.observeServerDate(NOW, NOW);
});
afterEach(() => {
  sessionClock.end();
  jest.useRealTimers();
});

test("reads the organization's idle timeout and the absolute end from the sign-in answer", () => {
  sessionClock.start(loginAnswer(NOW, 15, 8));

  expect(sessionClock.get()).toEqual({
    idleMs: 15 * MINUTE,
    absoluteEndsAt: NOW + 8 * 60 * MINUTE,
    lastTouchAt: NOW,
  });
  expect(sessionEnd(sessionClock.get()!)).toEqual({ at: NOW + 15 * MINUTE, reason: 'idle' });
});

test("counts on the server's clock: a device clock five minutes off does not move the deadlines", () => {
  const serverNow = NOW + 5 * MINUTE;
  sessionClock.observeServerDate(serverNow, NOW);

  sessionClock.start(loginAnswer(serverNow));

  expect(sessionClock.get()).toMatchObject({ idleMs: 30 * MINUTE, absoluteEndsAt: NOW + 12 * 60 * MINUTE });
});

test('a successful request moves the idle deadline only a minute after the last move, as the server does', () => {
  sessionClock.start(loginAnswer(NOW));

  sessionClock.touched(NOW + 59_000);
  expect(sessionClock.get()?.lastTouchAt).toBe(NOW);

  sessionClock.touched(NOW + MINUTE);
  expect(sessionClock.get()?.lastTouchAt).toBe(NOW + MINUTE);
});

test('a tab that did not see the sign-in assumes the 30-minute idle timeout and no known absolute end', () => {
  sessionClock.touched(NOW);

  expect(sessionClock.get()).toEqual({ idleMs: DEFAULT_IDLE_MS, absoluteEndsAt: null, lastTouchAt: NOW });
});

test("another tab's activity reaches this one through storage", () => {
  sessionClock.start(loginAnswer(NOW));
  const listener = jest.fn();
  const unsubscribe = sessionClock.subscribe(listener);
  const other = {
    idleMs: 30 * MINUTE,
    absoluteEndsAt: NOW + 12 * 60 * MINUTE,
    lastTouchAt: NOW + 10 * MINUTE,
  };

  window.dispatchEvent(
    new StorageEvent('storage', { key: 'pathways.session-clock', newValue: JSON.stringify(other) }),
  );

  expect(sessionClock.get()).toEqual(other);
  expect(listener).toHaveBeenCalled();
  unsubscribe();
});

test('the API client records successful calls, not failed or public ones, and a 401 ends the count', async () => {
  sessionClock.start(loginAnswer(NOW));
  let status = 200;
  mockFetch(() =>
    status === 200 ? { status, body: [] } : { status, body: errorBody(status, 'Error', 'No') },
  );

  jest.setSystemTime(NOW + 5 * MINUTE);
  await api.get('/public/resources', { sessionless: true });
  expect(sessionClock.get()?.lastTouchAt).toBe(NOW);

  status = 409;
  await api.patch('/cases/1', {}).catch(() => undefined);
  expect(sessionClock.get()?.lastTouchAt).toBe(NOW);

  status = 200;
  await api.get('/tasks');
  expect(sessionClock.get()?.lastTouchAt).toBe(NOW + 5 * MINUTE);

  status = 401;
  await api.get('/tasks').catch(() => undefined);
  expect(sessionClock.get()).toBeNull();
});
