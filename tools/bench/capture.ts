import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type * as AppFactory from '../../apps/api/src/app.factory';
import type * as AppConfigModule from '../../apps/api/src/config/app-config';
import type * as EnvModule from '../../apps/api/src/config/env';
import type { Statement } from './replay';

/** The built API (what `npm start` and the benchmark's API process run). */
export const API_DIST = resolve('dist/apps/api/apps/api/src');

interface Raw {
  connection: number;
  text: string;
  values?: unknown[];
  start: number;
  end: number;
}

type QueryFn = (this: object, ...args: unknown[]) => unknown;

/**
 * Which SQL an API request runs, and how concurrently, read where it leaves the process: every `pg` Client.query of
 * the request is recorded (text, parameters, connection, start and end). No copy of the application's SQL lives
 * here, so the bare figure always runs what the API runs, whatever the services build.
 */
export class SqlCapture {
  private sink: Raw[] | null = null;
  private readonly connections = new WeakMap<object, number>();
  private next = 1;
  private readonly original: QueryFn;

  constructor() {
    const proto = Client.prototype as unknown as { query: QueryFn };
    this.original = proto.query;
    const query = (client: object, args: unknown[]) => this.query(client, args);
    proto.query = function (this: object, ...args: unknown[]): unknown {
      return query(this, args);
    };
  }

  private query(client: object, args: unknown[]): unknown {
    const sink = this.sink;
    const [config, values] = args;
    const text =
      typeof config === 'string'
        ? config
        : config && typeof config === 'object' && !('submit' in config) && 'text' in config
          ? String(config.text)
          : undefined;
    if (!sink || text === undefined) return this.original.apply(client, args);
    const given = config && typeof config === 'object' && 'values' in config ? config.values : values;
    let connection = this.connections.get(client);
    if (connection === undefined) {
      connection = this.next++;
      this.connections.set(client, connection);
    }
    const raw: Raw = {
      connection,
      text,
      values: Array.isArray(given) ? [...(given as unknown[])] : undefined,
      start: performance.now(),
      end: NaN,
    };
    sink.push(raw);
    const done = () => {
      raw.end = performance.now();
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as (...a: unknown[]) => unknown;
      args[args.length - 1] = (...a: unknown[]) => {
        done();
        return callback(...a);
      };
      return this.original.apply(client, args);
    }
    const result = this.original.apply(client, args);
    if (result instanceof Promise) result.then(done, done);
    return result;
  }

  /** The statements `fn` runs, and the texts of those left out (matching `exclude`). */
  async record(
    fn: () => Promise<void>,
    exclude: RegExp,
  ): Promise<{ statements: Statement[]; excluded: string[] }> {
    const sink: Raw[] = [];
    this.sink = sink;
    try {
      await fn();
    } finally {
      this.sink = null;
    }
    return {
      statements: toStatements(sink.filter((r) => !exclude.test(r.text))),
      excluded: sink.filter((r) => exclude.test(r.text)).map((r) => r.text),
    };
  }

  restore(): void {
    (Client.prototype as unknown as { query: QueryFn }).query = this.original;
  }
}

/**
 * Lanes and waits from the recorded timings: connections used one after the other share a lane; a statement waits
 * for every statement that had finished before it started.
 */
export function toStatements(raw: readonly Raw[]): Statement[] {
  const sorted = [...raw].sort((a, b) => a.start - b.start);
  const spans = new Map<number, { start: number; end: number }>();
  for (const r of sorted) {
    const s = spans.get(r.connection);
    spans.set(r.connection, { start: s?.start ?? r.start, end: Math.max(s?.end ?? -Infinity, r.end) });
  }
  const laneEnds: number[] = [];
  const laneOf = new Map<number, number>();
  for (const [connection, span] of [...spans].sort((a, b) => a[1].start - b[1].start)) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane < 0) lane = laneEnds.push(span.end) - 1;
    else laneEnds[lane] = span.end;
    laneOf.set(connection, lane);
  }
  return sorted.map((r, j) => ({
    text: r.text,
    values: r.values,
    lane: laneOf.get(r.connection) ?? 0,
    after: sorted.flatMap((x, i) => (i < j && x.end <= r.start ? [i] : [])),
  }));
}

/** The guard's session lookup (TypeORM's `FROM "sessions" "SessionEntity"` join) and its seen-at touch. */
const GUARD_SQL = /"SessionEntity"|^\s*UPDATE "sessions"/;

/** The built API in this process (no port), on `url`, to capture the SQL of requests made through Fastify's inject. */
export class InProcessApi {
  private constructor(
    private readonly app: NestFastifyApplication,
    readonly capture: SqlCapture,
  ) {}

  static async start(url: string): Promise<InProcessApi> {
    const load = <T>(file: string): Promise<T> =>
      import(pathToFileURL(join(API_DIST, file)).href) as Promise<T>;
    const capture = new SqlCapture();
    const { createApp } = await load<typeof AppFactory>('app.factory.js');
    const { AppConfig } = await load<typeof AppConfigModule>('config/app-config.js');
    const { loadEnv } = await load<typeof EnvModule>('config/env.js');
    // NODE_ENV=test: no scheduler runs beside the captured requests.
    const env = loadEnv({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      WEB_DIST: '/nonexistent',
      DB_POOL_MAX: '5',
    });
    const app = await createApp(new AppConfig(env, url));
    await app.getHttpAdapter().getInstance().ready();
    return new InProcessApi(app, capture);
  }

  /**
   * The statements of one GET as `token`'s session, after one unrecorded call (warm pool and caches). The guard's
   * session lookup is left out: authentication is part of the API's cost, not of the SQL behind the endpoint.
   */
  async statementsOf(path: string, token: string): Promise<{ statements: Statement[]; excluded: string[] }> {
    const call = async () => {
      const res = await this.app.inject({ method: 'GET', url: path, headers: { cookie: `sid=${token}` } });
      if (res.statusCode !== 200)
        throw new Error(`GET ${path} answered ${res.statusCode} in process: ${res.body.slice(0, 300)}`);
    };
    await call();
    const captured = await this.capture.record(call, GUARD_SQL);
    if (!captured.statements.length) throw new Error(`GET ${path} ran no SQL`);
    return captured;
  }

  async close(): Promise<void> {
    await this.app.close();
    this.capture.restore();
  }
}
