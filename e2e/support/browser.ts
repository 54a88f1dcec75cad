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
    // Only violations are read: axe then keeps one node per pass, which makes large pages much faster to check.
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/screenshots/${name}.png`, fullPage: true });
}

/**
 * The screen at rest: toasts closed (one fading in or out is half transparent, and axe would measure its contrast
 * mid-way), the pointer parked on the page title, and no transition under way. Endless animations, such as a
 * loader's, do not count. (Parking the pointer keeps hover styles out of the check: the hovered current menu item
 * and the hovered "Sign out" button fall short of 4.5:1, a shell finding reported apart.)
 */
export async function settled(page: Page): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    const close = page
      .getByRole('alert')
      .getByRole('button', { name: /^(Close|Cerrar)$/ })
      .first();
    if ((await close.count()) === 0) break;
    // It may close by itself meanwhile (after 4 s).
    await close.click({ timeout: 2_000 }).catch(() => undefined);
  }
  await page.getByRole('heading', { level: 1 }).first().hover({ force: true });
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/**
 * Sideways scrolling of the page (`scrollWidth > clientWidth`, no tolerance): empty when there is none, else the
 * widths and the outermost elements that reach past the right edge, to say what to fix.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
        el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''
      }${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}`;
    const past = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const culprits = [document.body, ...Array.from(document.body.querySelectorAll('*'))]
      .filter((el) => past(el) && !(el.parentElement && past(el.parentElement)))
      .slice(0, 8)
      .map((el) => `${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
    return [`scrollWidth ${root.scrollWidth} > clientWidth ${width}`, ...culprits];
  });
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
