import {
  chartsCheck,
  type JsLoaded,
  manifestSignInJs,
  readManifest,
  SIGN_IN_BUDGET_KB,
  signInJs,
} from '../support/spa-budget';
import { describeBrowser } from '../support/browser';
import { BASE_URL } from '../support/env';

/**
 * QUALITY.md's front-end budget on the built SPA (the build writes dist/apps/web/.vite/manifest.json): the
 * JavaScript needed before the sign-in screen is usable, gzipped, at most 250 KB; the charts (recharts) only on the
 * report routes. `npm run bench` measures the same with the same module (e2e/support/spa-budget.ts).
 */
/** The built SPA, where the server serves it from (WEB_DIST, as the API reads it). */
const DIST = process.env.WEB_DIST ?? 'dist/apps/web';
const REPORT_ROUTES = ['src/app/routes/public-dashboard.tsx', 'src/app/routes/reports.tsx'];
const kb = (bytes: number) => bytes / 1024;
const list = (js: JsLoaded) => js.files.map((f) => `${f.file} ${kb(f.gzipBytes).toFixed(1)} KB`).join(', ');

describe('front-end budget: the built SPA', () => {
  const manifest = readManifest(DIST);
  const signIn = manifestSignInJs(DIST, manifest);

  it(`needs at most ${SIGN_IN_BUDGET_KB} KB of gzipped JavaScript before the sign-in screen is usable`, () => {
    console.log(
      `sign-in JavaScript: ${kb(signIn.gzipBytes).toFixed(1)} KB gzipped in ${signIn.files.length} files (${signIn.how})`,
    );
    expect(signIn.files.length).toBeGreaterThan(0);
    // On failure the received object lists every file and its size: where the weight came from.
    expect({
      gzipKb: Math.round(kb(signIn.gzipBytes) * 10) / 10,
      withinBudget: kb(signIn.gzipBytes) <= SIGN_IN_BUDGET_KB,
      files: list(signIn),
    }).toMatchObject({ withinBudget: true });
  });

  it('loads the charts library only on the report routes (reports, public dashboard)', () => {
    const charts = chartsCheck(DIST, manifest, [signIn]);
    // Found through the source maps: none found would prove nothing.
    expect(charts.chartFiles.length).toBeGreaterThan(0);
    expect(charts.routes).toContain('src/app/routes/reports.tsx');
    expect(charts.routes.filter((r) => !REPORT_ROUTES.includes(r))).toEqual([]);
    expect(charts.offending).toEqual([]);
  });
});

describeBrowser('front-end budget: what Chromium loads', () => {
  it('loads at /sign-in and at / (signed out) no script beyond the manifest estimate', async () => {
    const manifest = readManifest(DIST);
    const estimate = new Set(manifestSignInJs(DIST, manifest).files.map((f) => f.file));
    for (const visit of await signInJs(BASE_URL, DIST, manifest)) {
      const beyond = visit.files.map((f) => f.file).filter((f) => !estimate.has(f));
      expect({ how: visit.how, beyond }).toEqual({ how: visit.how, beyond: [] });
      expect(kb(visit.gzipBytes)).toBeLessThanOrEqual(SIGN_IN_BUDGET_KB);
    }
  }, 60_000);
});
