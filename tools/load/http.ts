import { performance } from 'node:perf_hooks';
import { percentile } from '../bench/stats';

/**
 * The endpoint groups the load reports and judges (QUALITY.md names targets for lists, search and the case page;
 * the others are reported and held to the same bound).
 */
export const GROUPS = ['sign-in', 'list', 'page', 'search', 'create', 'transition'] as const;
/** `health`: the fault tests' probe of GET /api/health, reported on its own. */
export type Group = (typeof GROUPS)[number] | 'health';

export interface Outcome {
  group: Group;
  /** What was asked, e.g. `POST /api/referrals` (ids replaced by :id), for the error summary. */
  route: string;
  /** HTTP status, or 0 when no response came (connection refused, reset, timeout). */
  status: number;
  ms: number;
  /** performance.now() when the request was sent and when it ended. */
  sentAt: number;
  endedAt: number;
  /** For status 0: what the client saw (e.g. ECONNREFUSED, UND_ERR_SOCKET, TimeoutError). */
  error?: string;
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Every request's outcome, kept in memory: a 2-minute run at 200 users is some 30,000 small records. */
export class Recorder {
  readonly outcomes: Outcome[] = [];
  /** Responses the caller expected to be refused that way (409 of a race another user won). */
  readonly expected = new Map<string, number>();
  private listeners: ((o: Outcome) => void)[] = [];

  add(o: Outcome): void {
    this.outcomes.push(o);
    for (const l of this.listeners) l(o);
  }

  onOutcome(listener: (o: Outcome) => void): void {
    this.listeners.push(listener);
  }

  markExpected(route: string, status: number): void {
    const key = `${status} ${route}`;
    this.expected.set(key, (this.expected.get(key) ?? 0) + 1);
  }

  summary(groups: readonly Group[] = GROUPS): GroupSummary[] {
    return groups.map((group) =>
      summarize(
        group,
        this.outcomes.filter((o) => o.group === group),
      ),
    );
  }
}

export interface GroupSummary {
  group: Group;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Answers by class: 2xx, 4xx, 5xx, and no answer at all. */
  ok: number;
  client4xx: number;
  server5xx: number;
  failed: number;
}

function summarize(group: Group, outcomes: Outcome[]): GroupSummary {
  const answered = outcomes.filter((o) => o.status > 0).map((o) => o.ms);
  return {
    group,
    requests: outcomes.length,
    p50: percentile(answered, 50),
    p95: percentile(answered, 95),
    p99: percentile(answered, 99),
    max: answered.length ? Math.max(...answered) : NaN,
    ok: outcomes.filter((o) => o.status >= 200 && o.status < 300).length,
    client4xx: outcomes.filter((o) => o.status >= 400 && o.status < 500).length,
    server5xx: outcomes.filter((o) => o.status >= 500).length,
    failed: outcomes.filter((o) => o.status === 0).length,
  };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Give up after this long (a hung request is a failure, not a wait). */
  timeoutMs?: number;
}

/**
 * The API as its users reach it: `fetch` (Node's undici) with keep-alive connections, Bearer sessions, JSON bodies.
 * Each call's time runs from sending the request to having read the whole body.
 */
export class ApiClient {
  constructor(
    readonly base: string,
    private readonly recorder: Recorder,
    private readonly defaultTimeoutMs = 30_000,
  ) {}

  async call<T = unknown>(
    group: Group,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const route = `${method} ${routeOf(path)}`;
    const sentAt = performance.now();
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? this.defaultTimeoutMs),
      });
      const text = await res.text();
      const endedAt = performance.now();
      this.recorder.add({ group, route, status: res.status, ms: endedAt - sentAt, sentAt, endedAt });
      let body: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
      return { status: res.status, body: body as T, headers: res.headers };
    } catch (error) {
      const endedAt = performance.now();
      const reason = errorName(error);
      this.recorder.add({ group, route, status: 0, ms: endedAt - sentAt, sentAt, endedAt, error: reason });
      return { status: 0, body: { error: reason } as T, headers: new Headers() };
    }
  }
}

/** `/api/cases/6f1c…/contacts?x=1` -> `/api/cases/:id/contacts`. */
export function routeOf(path: string): string {
  return path.split('?')[0].replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id');
}

/** The innermost code or name of a fetch failure: ECONNREFUSED, UND_ERR_SOCKET, TimeoutError, ... */
export function errorName(error: unknown): string {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const cause = (e as { cause?: unknown }).cause;
    if (!cause) break;
    e = cause;
  }
  const { code, name } = (e ?? {}) as { code?: unknown; name?: unknown };
  if (typeof code === 'string') return code;
  if (typeof name === 'string') return name;
  return String(e);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
