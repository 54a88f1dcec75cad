import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { BASE_URL, chromiumPath, E2E_PORT, SKIP_REASON_ENV } from './env';

declare global {
  var __PATHWAYS_E2E_SERVER__: ChildProcess | undefined;
}

const MAIN = 'dist/apps/api/apps/api/src/main.js';
const PG_DIR = process.env.E2E_PG_DIR ?? '.data/e2e-pg';

export default async function globalSetup(): Promise<void> {
  if (!chromiumPath()) {
    const reason = 'Chromium is not installed (apt-get install chromium): browser tests skipped';
    if (process.env.CI === 'true') throw new Error(`${reason} — not allowed under CI=true`);
    process.env[SKIP_REASON_ENV] = reason;
    console.warn(`\n${reason}\n`);
    return;
  }
  if (!existsSync(MAIN) || !existsSync('dist/apps/web/index.html'))
    throw new Error('Build first: npm run build (the browser tests run the built app)');
  // A fresh database for every run: the app migrates and seeds it itself, as on a newcomer's machine.
  rmSync(PG_DIR, { recursive: true, force: true });
  mkdirSync('e2e/artifacts/screenshots', { recursive: true });
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const server = spawn(process.execPath, [MAIN], {
    env: {
      ...inherited,
      NODE_ENV: 'test',
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      EMBEDDED_PG_DIR: PG_DIR,
      EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 54340)),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_IP: '10000',
      LOGIN_RATE_LIMIT_PER_ACCOUNT: '10000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  globalThis.__PATHWAYS_E2E_SERVER__ = server;
  await waitForHealth(server, 120_000);
}

async function waitForHealth(server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${BASE_URL}/api/health`, { headers: { connection: 'close' } });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s`);
}
