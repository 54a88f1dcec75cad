import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse } from '@pathways/contracts';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig } from '../../src/config/app-config';
import { loadEnv } from '../../src/config/env';
import { DEMO_PASSWORD } from '../../src/database/seed/seed-demo';
import { FakeClock } from './fake-clock';
import { databaseUrl, TEMPLATE_DB, withAdmin } from './test-database';

export interface Session {
  token: string;
  csrfToken: string;
  user: LoginResponse['user'];
}

export interface CallOptions {
  body?: unknown;
  /** Bearer auth (no CSRF needed). */
  as?: Session;
  /** Cookie auth; `csrf` false sends no X-CSRF-Token header. */
  cookie?: Session;
  csrf?: boolean | string;
  headers?: Record<string, string>;
  rawBody?: string;
}

/**
 * What tests read from responses and rows: loose on purpose, since each test asserts the shape it depends on.
 * The one `any` of the test harness; every helper uses this alias.
 */
export type Loose = any;

export interface CallResult<T = Loose> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: { name: string; value: string; [k: string]: unknown }[];
}

/**
 * The real API (every module, the real database) on a fresh database cloned from the migrated template, driven
 * through Fastify's inject (no port). One per test file; `close()` drops the database.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly clock: FakeClock,
    readonly db: DataSource,
    private readonly database: string,
  ) {}

  static async start(
    env: Record<string, string> = {},
    options: { logDestination?: DestinationStream } = {},
  ): Promise<TestApp> {
    const database = `pathways_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${database}" TEMPLATE "${TEMPLATE_DB}"`));
    const url = databaseUrl(database);
    const config = new AppConfig(
      loadEnv({
        NODE_ENV: 'test',
        DATABASE_URL: url,
        LOG_LEVEL: 'silent',
        WEB_DIST: '/nonexistent',
        DB_POOL_MAX: '5',
        // Tests sign in far more often than people; the rate-limit test sets its own limits.
        LOGIN_RATE_LIMIT_PER_IP: '10000',
        LOGIN_RATE_LIMIT_PER_ACCOUNT: '10000',
        ...env,
      }),
      url,
    );
    const clock = new FakeClock();
    const app = await createApp(config, { clock, logDestination: options.logDestination });
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, clock, app.get(DataSource), database);
  }

  async close(): Promise<void> {
    await this.app.close();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`));
  }

  async call<T = Loose>(method: string, url: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.as) headers.authorization = `Bearer ${options.as.token}`;
    if (options.cookie) {
      headers.cookie = `sid=${options.cookie.token}`;
      if (options.csrf !== false)
        headers['x-csrf-token'] = typeof options.csrf === 'string' ? options.csrf : options.cookie.csrfToken;
    }
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    } else if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await this.app.inject({ method: method as 'GET', url, headers, payload });
    let body: unknown = res.body;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && res.body)
      body = JSON.parse(res.body);
    return {
      status: res.statusCode,
      body: body as T,
      headers: res.headers,
      cookies: res.cookies,
    };
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await this.call<LoginResponse>('POST', '/api/auth/login', { body: { email, password } });
    if (res.status !== 200)
      throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { token: res.body.token, csrfToken: res.body.csrfToken, user: res.body.user };
  }

  /** Rows of the audit trail, oldest first. */
  async auditRows(where = 'true', params: unknown[] = []): Promise<Loose[]> {
    return this.db.query(`SELECT * FROM audit_events WHERE ${where} ORDER BY seq`, params);
  }
}

export const demo = (name: string): string => `${name}@demo.pathways.local`;
