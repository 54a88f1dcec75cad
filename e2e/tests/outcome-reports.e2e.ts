import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { checkScreen, describeBrowser, DESKTOP, launch, newPage, PHONE, signIn } from '../support/browser';
import { BASE_URL } from '../support/env';

const SUPERVISOR = 'supervisor@demo.pathways.local';
const SERGEANT = 'sergeant@demo.pathways.local';

/** The value of the headline card with this label ("Referrals" → "412"). */
async function headline(page: Page, label: string): Promise<string> {
  const card = page
    .getByRole('list', { name: 'Headline figures' })
    .getByRole('listitem')
    .filter({ has: page.getByText(label, { exact: true }) })
    .first();
  return card.locator(':scope > *').nth(1).innerText();
}

/** Waits until `read` returns something other than `before` (a screen updating after a filter change). */
async function changed(read: () => Promise<string>, before: string, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const now = await read();
    if (now !== before || Date.now() > until) return now;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeBrowser('outcome reports: the supervisors read the dashboard, the public reads its own', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the provider supervisor filter the dashboard and download the CSV', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, SUPERVISOR);
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Outcome report' }).waitFor();
    await page.getByRole('heading', { name: 'From referral to completion' }).waitFor();
    // The provider supervisor sees exact counts.
    await page.getByText(/Your view shows exact counts/).waitFor();
    for (const section of [
      'Referrals',
      'From referral to completion',
      'Clocks met on time',
      'Completion',
      'Equity',
    ])
      await page.getByRole('heading', { name: section, exact: true }).first().waitFor();
    const allPathways = await headline(page, 'Referrals');
    await checkScreen(page, 'reports-supervisor-desktop');

    await page.getByLabel('Pathway', { exact: true }).selectOption('LE_DIVERSION_626B');
    await page.waitForURL(/pathway=LE_DIVERSION_626B/);
    await page.getByText(/Only: .*626/).waitFor();
    const diverted = Number(
      (await changed(() => headline(page, 'Referrals'), allPathways)).replace(/\D/g, ''),
    );
    expect(diverted).toBeGreaterThan(0);
    expect(diverted).toBeLessThan(Number(allPathways.replace(/\D/g, '')));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^pathways-outcomes-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('section,breakdown,key,label,measure,value');
    expect(csv).toContain(`volume,total,,,count,${diverted}`);
    await page.getByText(/^Saved pathways-outcomes-/).waitFor();
    await page.context().close();
  }, 90_000);

  it('shows the police supervisor the agency view with small cells hidden, also on a phone', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, SERGEANT);
    await page.goto(`${BASE_URL}/reports`);
    await page.getByRole('heading', { level: 1, name: 'Outcome report' }).waitFor();
    await page.getByText('Small numbers are hidden to protect privacy').waitFor();
    await page.getByText('Agency view').first().waitFor();
    expect(await page.getByText('<11', { exact: true }).count()).toBeGreaterThan(0);
    await checkScreen(page, 'reports-sergeant-phone');
    await page.context().close();
  }, 90_000);

  it('reads the dashboard in Spanish', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, SUPERVISOR);
    await page.goto(`${BASE_URL}/reports`);
    await page.getByRole('heading', { level: 1, name: 'Outcome report' }).waitFor();
    // The account's language changes at once; set back to English at the end, as it is remembered.
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('es');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    await page.getByRole('heading', { level: 1, name: 'Informe de resultados' }).waitFor();
    await page.getByRole('button', { name: 'Descargar CSV' }).waitFor();
    await page.getByRole('heading', { name: 'De la referencia a la finalización' }).waitFor();
    await checkScreen(page, 'reports-supervisor-es');
    await page.getByRole('combobox', { name: 'Idioma' }).first().selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.context().close();
  }, 90_000);

  it('renders the public dashboard without sign-in, from the sign-in screen', async () => {
    const page = await newPage(browser, DESKTOP);
    await page.goto(`${BASE_URL}/sign-in`);
    await page.getByRole('link', { name: "See the program's outcomes" }).click();
    await page.getByRole('heading', { level: 1, name: 'Program outcomes' }).waitFor();
    await page.getByText('Small numbers are hidden to protect privacy').waitFor();
    await page.getByRole('heading', { name: 'Community events' }).first().waitFor();
    await checkScreen(page, 'public-dashboard-desktop');
    const year = page.getByLabel('Year');
    const years = await year.locator('option').allInnerTexts();
    expect(years.length).toBeGreaterThanOrEqual(2);
    await year.selectOption(years[1] ?? '');
    await page.getByText(`In ${years[1]}`).first().waitFor();
    await page.getByRole('link', { name: 'Find community resources' }).first().waitFor();

    const phone = await newPage(browser, PHONE);
    await phone.goto(`${BASE_URL}/public/dashboard`);
    await phone.getByRole('heading', { level: 1, name: 'Program outcomes' }).waitFor();
    await checkScreen(phone, 'public-dashboard-phone');
    await phone.context().close();
    await page.context().close();
  }, 90_000);
});
