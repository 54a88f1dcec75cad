import type { Browser, Page } from 'playwright-core';
import { describeBrowser, DESKTOP, launch, newPage, PHONE, screenshot, signIn } from '../support/browser';

const demo = (name: string) => `${name}@demo.pathways.local`;

/** What the page's keyboard focus is on: its text. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describeBrowser('a daily tool: session warning, unsaved input, not found, page titles', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A counselor signed in on a browser whose clock the test moves (page.clock), not with sleeps. */
  async function counselorWithClock(viewport = DESKTOP): Promise<Page> {
    const page = await newPage(browser, viewport);
    page.setDefaultTimeout(15_000);
    await page.clock.install();
    await signIn(page, demo('counselor'));
    await page.getByTestId('home-COUNSELOR').waitFor();
    return page;
  }

  it('warns two minutes before the idle timeout, and "Stay signed in" keeps the session', async () => {
    const page = await counselorWithClock();
    const warning = page.getByRole('alertdialog', { name: 'Your session is about to end' });

    await page.clock.fastForward('27:50');
    expect(await warning.count()).toBe(0);
    await page.clock.fastForward('00:15');
    await warning.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Stay signed in');
    expect(await warning.getByRole('timer').innerText()).toMatch(/^1:5\d left$/);
    await screenshot(page, 'daily-session-warning-desktop');

    const me = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.ok());
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await me;
    await warning.waitFor({ state: 'hidden' });

    // The idle clock started again at the click: 27 more minutes pass without a word.
    await page.clock.fastForward('27:00');
    expect(await warning.count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Cases' })
      .click();
    await page.waitForURL(/\/cases$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases');
    await page.context().close();
  });

  it('shows the warning on a phone too, and when the time runs out goes to sign-in saying the session expired', async () => {
    const page = await counselorWithClock(PHONE);
    await page.clock.fastForward('28:05');
    await page.getByRole('alertdialog', { name: 'Your session is about to end' }).waitFor();
    await screenshot(page, 'daily-session-warning-phone');

    await page.clock.fastForward('02:00');

    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('expired') === '1');
    await page.getByTestId('session-expired').waitFor();
    // The session is over on the server too.
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    await page.context().close();
  });

  it('asks before a case note with unsaved text is thrown away: leaving, closing the dialog or the tab', async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, demo('counselor'));
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Cases' })
      .click();
    await page
      .getByRole('link', { name: /^C-\d{4}-\d+$/ })
      .first()
      .click();
    await page.waitForURL(/\/cases\/[^/?]+/);
    await page
      .getByRole('tablist', { name: 'Case sections' })
      .getByRole('tab', { name: 'Notes', exact: true })
      .click();
    await page.waitForURL(/\?tab=notes$/);
    const caseUrl = page.url();
    await page.getByRole('button', { name: 'Write a note', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Write a note' });
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('Met with the family; next session Tuesday.');

    // The browser's Back button: the app asks, and staying keeps the text.
    await page.goBack();
    const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await leave.waitFor();
    expect(await focusedText(page)).toBe('Stay on this page');
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(page.url()).toBe(caseUrl);
    expect(await dialog.getByRole('textbox', { name: /^Note/ }).inputValue()).toBe(
      'Met with the family; next session Tuesday.',
    );

    // Reloading the tab: the browser's own question (dismissed: the page stays).
    const prompt = page.waitForEvent('dialog');
    await page.evaluate(() => setTimeout(() => window.location.reload(), 0));
    const question = await prompt;
    expect(question.type()).toBe('beforeunload');
    await question.dismiss();
    expect(await dialog.getByRole('textbox', { name: /^Note/ }).inputValue()).toBe(
      'Met with the family; next session Tuesday.',
    );

    // Escape on the form dialog: asks whether to discard; discarding closes it.
    await dialog.getByRole('textbox', { name: /^Note/ }).press('Escape');
    const discard = page.getByRole('alertdialog', { name: 'Discard your changes?' });
    await discard.waitFor();
    await discard.getByRole('button', { name: 'Discard changes' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Nothing typed any more: leaving asks nothing.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Tasks' })
      .click();
    await page.waitForURL(/\/tasks$/);
    await page.context().close();
  });

  it('answers an unknown address with "Page not found" and a way back', async () => {
    const page = await newPage(browser);
    await signIn(page, demo('sro'));
    await page.getByTestId('home-SRO').waitFor();
    await page.goto('/no/such/page');

    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found · Pathways');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.getByTestId('home-SRO').waitFor();
    expect(await page.title()).toBe('Home · Pathways');
    await page.context().close();
  });

  it('names each screen in the browser tab, in the language chosen, without a youth name', async () => {
    const page = await newPage(browser);
    await signIn(page, demo('counselor'));
    await page.getByTestId('home-COUNSELOR').waitFor();
    expect(await page.title()).toBe('Home · Pathways');

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Cases' }).click();
    await page.waitForURL(/\/cases$/);
    await page.waitForFunction(() => document.title === 'Cases · Pathways');

    const first = page.getByRole('link', { name: /^C-\d{4}-\d+$/ }).first();
    const caseNumber = (await first.innerText()).trim();
    await first.click();
    await page.waitForFunction((n) => document.title === `Case ${n} · Pathways`, caseNumber);
    const heading = await page.getByRole('heading', { level: 1 }).innerText();
    expect(heading).toBe(`Case ${caseNumber}`);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.waitForFunction((n) => document.title === `Caso ${n} · Pathways`, caseNumber);
    await page.goto('/tasks');
    await page.waitForFunction(() => document.title === 'Tareas · Pathways');
    // Back to English for the other journeys of this account.
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await page.waitForFunction(() => document.title === 'Tasks · Pathways');
    await page.context().close();
  });
});
