import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/**
 * The SPA's front-end budget (QUALITY.md): the JavaScript the sign-in screen needs, from the built SPA's Vite
 * manifest and as Chromium loads it, and which routes load the charts. One module for `npm run bench`
 * (tools/bench/main.ts, rows spa-sign-in and spa-charts) and the browser suite's e2e/tests/bundle-budget.e2e.ts.
 */

/** One chunk of the Vite manifest (`build.manifest: true` in apps/web/vite.config.mts). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The route modules a visitor needs for the sign-in screen when opening /sign-in directly (the manifest estimate). */
export const SIGN_IN_ROUTES = ['src/app/routes/root.tsx', 'src/app/routes/sign-in.tsx'];
/** Route modules that may load the charts. */
export const REPORT_ROUTE = /^src\/app\/routes\/[^/]*(report|dashboard)[^/]*\.tsx$/;
const CHART_LIBRARY = /\/node_modules\/recharts\//;

/** QUALITY.md: JavaScript loaded before the sign-in screen is usable, gzipped. */
export const SIGN_IN_BUDGET_KB = 250;

export interface JsLoaded {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  how: string;
}

export function readManifest(dist: string): Manifest {
  const path = join(dist, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing (build the SPA: npx nx run web:build)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The chunks `keys` import statically, themselves included (what the browser loads with them). */
export function closure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const k of manifest[key].imports ?? []) visit(k);
  };
  keys.forEach(visit);
  return seen;
}

/** Gzipped size at zlib's default level, as a server or CDN would send it. */
export const gzipBytes = (body: Buffer): number => gzipSync(body).length;

export const sumGzip = (files: { gzipBytes: number }[]): number => files.reduce((s, f) => s + f.gzipBytes, 0);

/** The entry chunk, plus the root and sign-in route chunks, with everything they import statically. */
export function manifestSignInJs(dist: string, manifest: Manifest): JsLoaded {
  const entry = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const files = [...closure(manifest, [...entry, ...SIGN_IN_ROUTES])]
    .map((k) => manifest[k]?.file ?? '')
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, gzipBytes: gzipBytes(readFileSync(join(dist, file))) }));
  return { files, gzipBytes: sumGzip(files), how: 'manifest: entry + /sign-in route chunks' };
}

/**
 * JavaScript loaded before the sign-in screen is usable: Chromium opens the app signed out, at its address (`/`,
 * which redirects) and at /sign-in, waits for the password field and for the network to go idle, and every script
 * response counts, gzipped (zlib's default level). Without Chromium: the manifest's entry plus the root and sign-in
 * route chunks with their static imports.
 */
export async function signInJs(base: string, dist: string, manifest: Manifest): Promise<JsLoaded[]> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => !!p && existsSync(p),
  );
  if (!executablePath)
    return [
      { ...manifestSignInJs(dist, manifest), how: 'manifest: entry + /sign-in route chunks, no Chromium' },
    ];
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const visit = async (path: string): Promise<JsLoaded> => {
      // A new context each time: an empty cache.
      const page = await (await browser.newContext()).newPage();
      const bodies: Promise<{ file: string; gzipBytes: number } | null>[] = [];
      page.on('response', (res) => {
        const file = new URL(res.url()).pathname;
        if (!/\.m?js$/.test(file) && !(res.headers()['content-type'] ?? '').includes('javascript')) return;
        bodies.push(
          res.body().then(
            (body) => ({ file: file.replace(/^\//, ''), gzipBytes: gzipBytes(body) }),
            () => null,
          ),
        );
      });
      await page.goto(`${base}${path}`);
      await page.locator('input[type="password"]').waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const files = (await Promise.all(bodies)).filter((f): f is { file: string; gzipBytes: number } => !!f);
      await page.context().close();
      return { files, gzipBytes: sumGzip(files), how: `Chromium at ${path}` };
    };
    // The app's address (signed out: redirected to the sign-in screen), then the sign-in screen's own address.
    return [await visit('/'), await visit('/sign-in')];
  } finally {
    await browser.close();
  }
}

export interface ChartsCheck {
  /** Chunk files that contain the chart library (from their source maps). */
  chartFiles: string[];
  /** Route modules that load a chart chunk. */
  routes: string[];
  /** Of those, routes that are not report routes; and whether the entry or the sign-in screen loads charts. */
  offending: string[];
}

/** Which route modules load recharts (a chunk whose source map lists its files), by the manifest's static imports. */
export function chartsCheck(dist: string, manifest: Manifest, signIn: JsLoaded[]): ChartsCheck {
  const charts = new Set(
    Object.keys(manifest).filter((k) => {
      const file = manifest[k]?.file ?? '';
      const map = join(dist, `${file}.map`);
      if (!file.endsWith('.js') || !existsSync(map)) return false;
      const sources = (JSON.parse(readFileSync(map, 'utf8')) as { sources?: string[] }).sources ?? [];
      return sources.some((s) => CHART_LIBRARY.test(s));
    }),
  );
  const chartFiles = [...charts].map((k) => manifest[k]?.file ?? k);
  const loadsCharts = (keys: string[]) => [...closure(manifest, keys)].some((k) => charts.has(k));
  const routes = Object.keys(manifest)
    .filter((k) => manifest[k]?.isDynamicEntry && k.startsWith('src/app/routes/') && loadsCharts([k]))
    .sort();
  const offending = routes.filter((k) => !REPORT_ROUTE.test(k));
  const entry = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  if (loadsCharts(entry)) offending.push('the entry chunk');
  if (signIn.some((v) => v.files.some((f) => chartFiles.includes(f.file))))
    offending.push('the sign-in screen');
  return { chartFiles, routes, offending };
}
