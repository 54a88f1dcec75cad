import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { API_DIST } from '../bench/capture';
import { type Child, ensureFree, spawnGroup, waitForOk } from '../bench/processes';

/**
 * The API entry point: the build of `npm run build`, or PATHWAYS_API_MAIN (another build's main.js, e.g. one made
 * with tsc --outDir elsewhere while dist/ is being rebuilt).
 */
export const API_MAIN = process.env.PATHWAYS_API_MAIN ?? join(API_DIST, 'main.js');

export interface StackOptions {
  /** The API's port on 127.0.0.1. */
  port: number;
  /** The embedded PostgreSQL's port and data directory. */
  pgPort: number;
  pgDir: string;
  /** Start from an empty data directory (initdb, migrations, demo seed). */
  fresh: boolean;
  /** Extra environment of the API process (README "Configuration"). */
  apiEnv?: Record<string, string>;
  log: (line: string) => void;
}

/**
 * The system under test on this machine, loopback only: an embedded PostgreSQL owned by this process (so a fault
 * test can stop and start it under the API) and the built API (`dist/`, as `npm start` runs it) in a child process
 * with DATABASE_URL pointing at it. Logs go to a temporary folder, kept when a run fails.
 */
export class Stack {
  private pg: EmbeddedDatabase | null = null;
  private apiChild: Child | null = null;
  readonly logDir = mkdtempSync(join(tmpdir(), 'pathways-resilience-'));
  private apiStarts = 0;

  private constructor(
    private readonly options: StackOptions,
    readonly dbUrl: string,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get api(): Child | null {
    return this.apiChild;
  }

  static async start(options: StackOptions): Promise<Stack> {
    if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the API first (npm run build)`);
    await ensureFree(options.port, 'API');
    await ensureFree(options.pgPort, 'embedded PostgreSQL');
    const dir = resolve(options.pgDir);
    if (options.fresh) rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, '..'), { recursive: true });
    options.log(`embedded PostgreSQL in ${options.pgDir} on port ${options.pgPort}`);
    const pg = await startEmbeddedPostgres({ dir, port: options.pgPort, database: 'pathways' });
    const stack = new Stack(options, pg.url);
    stack.pg = pg;
    try {
      await stack.startApi();
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** Starts the built API against the database; resolves once /api/health answers 200 (migrations, seed done). */
  async startApi(): Promise<Child> {
    this.apiStarts += 1;
    this.apiChild = await startApiProcess({
      port: this.options.port,
      dbUrl: this.dbUrl,
      env: this.options.apiEnv,
      logFile: join(this.logDir, `api-${this.apiStarts}.log`),
      log: this.options.log,
    });
    return this.apiChild;
  }

  /** Stops PostgreSQL (fast shutdown: sessions are cut, as when the server or its host goes down). */
  async stopDatabase(): Promise<void> {
    await this.pg?.stop();
    this.pg = null;
  }

  async startDatabase(): Promise<void> {
    const dir = resolve(this.options.pgDir);
    this.pg = await startEmbeddedPostgres({ dir, port: this.options.pgPort, database: 'pathways' });
  }

  async stop(): Promise<void> {
    if (this.apiChild) await this.apiChild.stop();
    this.apiChild = null;
    await this.stopDatabase();
  }

  /** Removes the logs of a run that passed. */
  cleanLogs(): void {
    rmSync(this.logDir, { recursive: true, force: true });
  }
}

/**
 * The built API (API_MAIN) on 127.0.0.1:`port` against `dbUrl`, as `npm start` runs it (demo seed on, logs at
 * warn); resolves once /api/health answers 200.
 */
export async function startApiProcess(options: {
  port: number;
  dbUrl: string;
  env?: Record<string, string>;
  logFile: string;
  log: (line: string) => void;
}): Promise<Child> {
  const base = `http://127.0.0.1:${options.port}`;
  options.log(`API on ${base} (log ${options.logFile})`);
  const child = spawnGroup(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.dbUrl,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    log: options.logFile,
  });
  await waitForOk(`${base}/api/health`, child, 180_000);
  return child;
}
