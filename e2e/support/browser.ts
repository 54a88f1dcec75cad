import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ARTIFACTS, BASE_URL, chromiumPath, DEMO_PASSWORD, SKIP_REASON_ENV } from './env';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** `describe`, or `describe.skip` with the reason printed when Chromium is absent outside CI. */
export function describeBrowser(name: string, fn: () => void): void {
  const reason = process.env[SKIP_REASON_ENV];
  if (reason) {
    describe.skip(`${name} (${reason})`, fn);
    return;
  }
  describe(name, fn);
}

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found');
  return chromium.launch({
    executablePath,
    headless: true,
    // No sandbox as root; no background traffic on this closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, viewport = DESKTOP, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, baseURL: BASE_URL });
  return context.newPage();
}

/** Signs in through the form; unless `expectFailure`, waits until the app has left the sign-in screen. */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  options: { expectFailure?: boolean } = {},
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (!options.expectFailure) await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/screenshots/${name}.png`, fullPage: true });
}

export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/**
 * Each screen a journey reaches: a screenshot (the pointer resting off the content, so a hover state is not what
 * is recorded), no serious or critical axe finding, no horizontal scrolling.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await screenshot(page, name);
  expect({ name, violations: await axeViolations(page) }).toEqual({ name, violations: [] });
  expect({ name, horizontalScroll: await hasHorizontalScroll(page) }).toEqual({
    name,
    horizontalScroll: false,
  });
}
