import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { replay, type Statement } from './replay';

export interface LoadOptions {
  base: string;
  /** One request, or the requests of a page, made one after the other on each connection. */
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  /** Pages to load (each `paths.length` requests); or `duration` seconds. */
  pages?: number;
  duration?: number;
  /** Stop after this many seconds whatever is done. */
  maxSeconds?: number;
}

export interface LoadResult {
  /** Milliseconds per page: the sum of its requests' response times, as autocannon timed each. */
  pages: number[];
  requests2xx: number;
  non2xx: number;
  /** The non-2xx responses by class, e.g. `5xx 3`. */
  statuses: string;
  errors: number;
  seconds: number;
}

/**
 * autocannon against the API. Its histogram has no p95, so each response's time is taken from its `response` event
 * (autocannon's own timer: request written to response complete, in fractional ms); with several paths, each
 * connection requests them in turn and consecutive responses of one connection make a page.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const perClient = new Map<object, number[]>();
  let stopTimer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: options.base,
        connections: options.connections,
        requests: options.paths.map((path) => ({ method: 'GET' as const, path })),
        headers: options.headers,
        ...(options.pages !== undefined
          ? { amount: options.pages * options.paths.length }
          : { duration: options.duration ?? 10 }),
        timeout: 300,
      },
      (error, res) => (error ? fail(error instanceof Error ? error : new Error(String(error))) : done(res)),
    );
    instance.on('response', (client, _status, _bytes, responseTime) => {
      const times = perClient.get(client) ?? [];
      times.push(responseTime);
      perClient.set(client, times);
    });
    if (options.maxSeconds) stopTimer = setTimeout(() => instance.stop(), options.maxSeconds * 1000);
  });
  clearTimeout(stopTimer);
  const size = options.paths.length;
  const pages: number[] = [];
  for (const times of perClient.values())
    for (let i = 0; i + size <= times.length; i += size)
      pages.push(times.slice(i, i + size).reduce((s, x) => s + x, 0));
  return {
    pages,
    requests2xx: result['2xx'],
    non2xx: result.non2xx,
    statuses: (['1xx', '3xx', '4xx', '5xx'] as const)
      .filter((k) => result[k])
      .map((k) => `${k} ${result[k]}`)
      .join(', '),
    errors: result.errors + result.timeouts,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The captured statements run `runs` times through `pool` by `concurrency` loops; milliseconds per run. */
export async function replayTimes(
  pool: Pool,
  statements: readonly Statement[],
  options: { runs: number; concurrency: number; maxSeconds?: number },
): Promise<number[]> {
  const times: number[] = [];
  const deadline = options.maxSeconds ? performance.now() + options.maxSeconds * 1000 : Infinity;
  let started = 0;
  const loop = async () => {
    while (started < options.runs && performance.now() < deadline) {
      started++;
      const t0 = performance.now();
      await replay(pool, statements);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  return times;
}
