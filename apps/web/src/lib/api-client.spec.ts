import { errorBody, mockFetch } from '../test/render';
import { api, ApiError, csrfToken, onUnauthorized } from './api-client';

afterEach(() => {
  sessionStorage.clear();
  onUnauthorized(undefined);
});

test('sends the CSRF token on unsafe methods only', async () => {
  csrfToken.set('csrf-1');
  const fetchMock = mockFetch(() => ({ status: 200, body: {} }));

  await api.get('/resources');
  await api.patch('/auth/me', { locale: 'es' });

  const headersOf = (call: number) =>
    (fetchMock.mock.calls[call] as [string, RequestInit])[1].headers as Record<string, string>;
  expect(headersOf(0)['X-CSRF-Token']).toBeUndefined();
  expect(headersOf(1)['X-CSRF-Token']).toBe('csrf-1');
  expect((fetchMock.mock.calls[0] as [string, RequestInit])[1].credentials).toBe('same-origin');
});

test('throws a typed ApiError with status, code and details', async () => {
  mockFetch(() => ({
    status: 400,
    body: errorBody(400, 'Bad Request', 'Invalid', {
      code: 'VALIDATION',
      details: [{ path: 'q', message: 'Too long' }],
    }),
  }));

  const error = await api.get('/admin/users').catch((e: unknown) => e);

  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({
    status: 400,
    code: 'VALIDATION',
    details: [{ path: 'q', message: 'Too long' }],
  });
});

test('a 401 while holding a session clears it and reports an expired session', async () => {
  csrfToken.set('csrf-1');
  const handler = jest.fn();
  onUnauthorized(handler);
  mockFetch(() => ({ status: 401, body: errorBody(401, 'Unauthorized', 'Session expired') }));

  await expect(api.get('/auth/me')).rejects.toMatchObject({ status: 401, sessionExpired: true });

  expect(handler).toHaveBeenCalledWith({ sessionExpired: true });
  expect(csrfToken.get()).toBeNull();
});

test('a 401 from login is a wrong password, not an expired session', async () => {
  const handler = jest.fn();
  onUnauthorized(handler);
  mockFetch(() => ({ status: 401, body: errorBody(401, 'Unauthorized', 'Invalid credentials') }));

  await expect(api.post('/auth/login', {}, { expectUnauthorized: true })).rejects.toMatchObject({
    status: 401,
  });

  expect(handler).not.toHaveBeenCalled();
});

test('a write refused for a missing CSRF token sends the person to sign in again', async () => {
  const handler = jest.fn();
  onUnauthorized(handler);
  mockFetch(() => ({
    status: 403,
    body: errorBody(403, 'Forbidden', 'Missing token', { code: 'AUTH_CSRF' }),
  }));

  await expect(api.post('/admin/users', {})).rejects.toMatchObject({ status: 403, code: 'AUTH_CSRF' });

  expect(handler).toHaveBeenCalledWith({ sessionExpired: true });
});
