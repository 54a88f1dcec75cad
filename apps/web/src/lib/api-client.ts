import type { ApiErrorBody, ErrorDetail } from '@pathways/contracts';
import { sessionClock } from './session-clock';

const CSRF_STORAGE_KEY = 'pathways.csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token from the login response, kept per tab so a reload keeps working (ACCESS.md). */
export const csrfToken = {
  get: (): string | null => sessionStorage.getItem(CSRF_STORAGE_KEY),
  set: (token: string): void => sessionStorage.setItem(CSRF_STORAGE_KEY, token),
  clear: (): void => sessionStorage.removeItem(CSRF_STORAGE_KEY),
};

/** Any non-2xx answer (or a network failure, status 0), carrying the API's code and field details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly details: ErrorDetail[];
  readonly body: ApiErrorBody | undefined;
  /** A 401 on a request made while this tab held a session: the server ended it (idle or absolute timeout). */
  readonly sessionExpired: boolean;

  constructor(status: number, body: ApiErrorBody | undefined, sessionExpired = false) {
    super(body?.message ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code;
    this.details = body?.details ?? [];
    this.body = body;
    this.sessionExpired = sessionExpired;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type UnauthorizedHandler = (info: { sessionExpired: boolean }) => void;
let unauthorizedHandler: UnauthorizedHandler | undefined;

/** The app decides what a 401 means for navigation; the client only reports it. */
export function onUnauthorized(handler: UnauthorizedHandler | undefined): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on a create that may be retried. */
  headers?: Record<string, string>;
  /** Login and MFA answer 401 for wrong credentials: that is not an expired session. */
  expectUnauthorized?: boolean;
  /** Not made with the session (sign-in, sign-out, public pages): its answer does not keep the session alive. */
  sessionless?: boolean;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const url = `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'message' in value && 'statusCode' in value;
}

async function readErrorBody(response: Response): Promise<ApiErrorBody | undefined> {
  try {
    const parsed: unknown = await response.json();
    return isErrorBody(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The request and its failure handling (network error, 401, missing CSRF token) without reading the body: for
 * downloads that stream the response (the report CSV). `apiRequest` reads it as JSON.
 */
export async function apiResponse(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) {
    const token = csrfToken.get();
    if (token) headers['X-CSRF-Token'] = token;
  }

  const startedAt = Date.now();
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      statusCode: 0,
      error: 'Network Error',
      code: 'NETWORK',
      message: 'Network error',
    });
  }

  const serverDate = response.headers?.get('date');
  if (serverDate) sessionClock.observeServerDate(Date.parse(serverDate));
  if (!response.ok) {
    const body = await readErrorBody(response);
    // A tab without the session's CSRF token (e.g. opened fresh, sessionStorage is per tab) cannot write:
    // signing in again in this tab is the only way forward, so treat it like an ended session.
    const missingCsrf = response.status === 403 && body?.code === 'AUTH_CSRF';
    if ((response.status === 401 || missingCsrf) && !options.expectUnauthorized) {
      const sessionExpired = csrfToken.get() !== null;
      csrfToken.clear();
      // A 401 means the server ended the session; a missing CSRF token is this tab's problem only.
      if (response.status === 401) sessionClock.end();
      unauthorizedHandler?.({ sessionExpired: sessionExpired || missingCsrf });
      throw new ApiError(response.status, body, sessionExpired || missingCsrf);
    }
    throw new ApiError(response.status, body);
  }
  // The server saw the session when this request arrived: its idle clock may have restarted (lib/session-clock.ts).
  if (!options.sessionless) sessionClock.touched(startedAt);
  return response;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
