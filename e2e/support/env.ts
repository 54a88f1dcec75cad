import { existsSync } from 'node:fs';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The app's embedded database (started by the app itself in the global setup). */
export const E2E_DATABASE_URL = `postgres://postgres:pathways-local@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54340)}/pathways`;
export const ARTIFACTS = 'e2e/artifacts';
export const DEMO_PASSWORD = 'Pathways-demo-2026!';

/** Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Set by the global setup when Chromium is missing outside CI: the browser suites then skip and say why. */
export const SKIP_REASON_ENV = 'PATHWAYS_E2E_SKIP';
