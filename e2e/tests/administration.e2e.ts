import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  checkScreen,
  describeBrowser,
  DESKTOP,
  launch,
  newPage,
  PHONE,
  screenshot,
  signIn,
} from '../support/browser';

const ADMIN = 'admin@demo.pathways.local';
const AUDITOR = 'auditor@demo.pathways.local';

/** Waits for a confirmation toast with this text. */
async function toast(page: Page, text: RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
}

describeBrowser('administration and oversight: an administrator and an auditor at work', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the administrator deactivate an account (audited) and bring it back', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    const row = page.getByRole('row', { name: /James Nguyen/ });
    await row.getByRole('button', { name: 'Actions for James Nguyen' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    await page
      .getByRole('dialog', { name: 'Deactivate James Nguyen?' })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await row.getByText('Inactive').waitFor();
    await row.getByRole('button', { name: 'Actions for James Nguyen' }).click();
    await page.getByRole('menuitem', { name: 'Reactivate' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    await page.context().close();
  });

  it('lets the administrator shorten a clock, and refuses to lengthen the statutory 20-day clock', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Organization', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Organization settings' }).waitFor();
    const clocks = page.getByRole('region', { name: 'Program clocks' });

    await clocks.getByLabel(/^Service program started/).fill('21');
    await clocks.getByRole('button', { name: 'Save' }).click();
    await clocks.getByText(/set by law \(WIC 652\.5\)/).waitFor();

    await clocks.getByLabel(/^Service program started/).fill('20');
    await clocks.getByLabel(/^Intake and consent/).fill('7');
    await clocks.getByRole('button', { name: 'Save' }).click();
    await toast(page, /Program clocks: changes saved/);
    await page.reload();
    expect(await page.getByLabel(/^Intake and consent/).inputValue()).toBe('7');

    const security = page.getByRole('region', { name: 'Sign-in and sessions' });
    await security.getByLabel(/^Sign out after inactivity/).fill('45');
    await security.getByRole('button', { name: 'Save' }).click();
    await security.getByText('Enter a whole number from 5 to 30').waitFor();
    await checkScreen(page, 'admin-organization-desktop');
    await page.context().close();
  });

  it('lets the administrator add a school, find it, mark it outside the jurisdiction and retire it', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, ADMIN);
    // The navigation's link (the home page links to the catalogs too).
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Catalogs', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Catalogs' }).waitFor();
    await page.getByRole('button', { name: 'Add to Schools' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to Schools' });
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByLabel(/^Name/).and(page.locator('[aria-invalid="true"]')).waitFor();
    await dialog.getByLabel(/^Name/).fill('E2E Bayfront Academy');
    await dialog.getByLabel(/^Level/).selectOption('MIDDLE');
    await dialog.getByLabel(/^Type/).selectOption('CHARTER');
    await dialog.getByLabel(/^District/).fill('Chula Vista Elementary School District');
    await dialog.getByLabel(/^ZIP code/).fill('91910');
    await screenshot(page, 'admin-catalog-school-form');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await toast(page, /E2E Bayfront Academy saved/);

    await page.getByRole('searchbox', { name: 'Search' }).fill('Bayfront');
    const row = page.getByRole('row', { name: /E2E Bayfront Academy/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'Actions for E2E Bayfront Academy' }).click();
    await page.getByRole('menuitem', { name: 'Mark outside the jurisdiction' }).click();
    await row.getByText('Outside jurisdiction').waitFor();
    await row.getByRole('button', { name: 'Actions for E2E Bayfront Academy' }).click();
    await page.getByRole('menuitem', { name: 'Retire' }).click();
    await page
      .getByRole('dialog', { name: 'Retire E2E Bayfront Academy?' })
      .getByRole('button', { name: 'Retire' })
      .click();
    await row.getByText('Retired').waitFor();
    await checkScreen(page, 'admin-catalog-schools-desktop');

    await page.getByRole('link', { name: 'Resources', exact: true }).last().click();
    await page.waitForURL(/\/admin\/catalogs\/resources/);
    const ypi = page.getByRole('row', { name: /SBCS Youth Prevention and Intervention/ });
    await ypi.getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Mark verified today' }).click();
    await ypi.getByText(/^Verified /).waitFor();
    await checkScreen(page, 'admin-catalog-resources-desktop');
    await page.context().close();
  });

  it('shows the administrator what the retention job would do, runs it, and lists the run', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Retention', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Retention' }).waitFor();
    await page.getByTestId('retention-count-CLOSED_CASES').waitFor();
    await page.getByText('The job has not run yet.').waitFor();
    await checkScreen(page, 'admin-retention-desktop');
    await page.getByRole('button', { name: 'Run the retention job' }).click();
    await page
      .getByRole('dialog', { name: 'Run the retention job now?' })
      .getByRole('button', { name: 'Run the retention job' })
      .click();
    await page.getByTestId('retention-result').waitFor();
    await page.getByText('By an administrator').waitFor();
    await page.context().close();
  });

  it('fits a phone and speaks Spanish on the administration screens', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, ADMIN);
    await page.goto('/admin/organization');
    await page.getByRole('heading', { level: 1, name: 'Organization settings' }).waitFor();
    await checkScreen(page, 'admin-organization-phone');
    await page.goto('/admin/catalogs/reason-codes');
    await page.getByRole('heading', { level: 1, name: 'Catalogs' }).waitFor();
    await page.getByText('Excluded from diversion').first().waitFor();
    await checkScreen(page, 'admin-catalog-reason-codes-phone');
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Catálogos' }).waitFor();
    await page.getByText('Excluido de la derivación').first().waitFor();
    await checkScreen(page, 'admin-catalog-reason-codes-phone-es');
    await page.goto('/admin/retention');
    await page.getByRole('heading', { level: 1, name: 'Conservación' }).waitFor();
    await checkScreen(page, 'admin-retention-phone-es');
    // Back to English for the other journeys of this account.
    await page.getByRole('combobox', { name: 'Idioma' }).first().selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.context().close();
  });

  it('lets the auditor search the trail, see the chain intact and export what was found', async () => {
    // A failed sign-in of a provider account, for the auditor to find.
    const other = await newPage(browser, DESKTOP);
    await signIn(other, 'counselor2@demo.pathways.local', 'not-the-password', { expectFailure: true });
    await other.getByTestId('sign-in-error').waitFor();
    await other.context().close();

    const page = await newPage(browser, DESKTOP);
    await signIn(page, AUDITOR);
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByText('Hash chain intact').waitFor();
    await page.getByLabel('Action').selectOption('LOGIN_FAILED');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/action=LOGIN_FAILED/);
    // The previous rows stay on screen (busy) until the filtered ones arrive: wait for a finished search whose rows
    // are all failed sign-ins, then read them.
    await page.waitForFunction(() => {
      const results = document.querySelector('[data-testid="audit-results"]');
      if (results?.getAttribute('aria-busy') !== 'false') return false;
      const cells = Array.from(results.querySelectorAll('[data-testid="audit-row"] td:nth-child(3)'));
      return cells.length > 0 && cells.every((c) => c.textContent === 'Failed sign-in');
    });
    const actions = await page.getByTestId('audit-row').locator('td:nth-child(3)').allInnerTexts();
    expect(new Set(actions)).toEqual(new Set(['Failed sign-in']));
    await checkScreen(page, 'audit-console-desktop');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^seq,at,actor_id,actor_name,actor_role,action,/);
    expect(csv).toMatch(/LOGIN_FAILED/);
    expect(csv).not.toMatch(/,LOGIN,/);

    await page.getByRole('link', { name: 'Weekly review', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Weekly review' }).waitFor();
    await page.getByTestId('review-FAILED_LOGINS').getByTestId('audit-row').first().waitFor();
    await page.getByTestId('review-EXPORTS').getByTestId('audit-row').first().waitFor();
    await page.getByTestId('review-PERMISSION_CHANGES').getByTestId('audit-row').first().waitFor();
    await checkScreen(page, 'audit-review-desktop');
    await page.getByRole('link', { name: 'Previous week' }).click();
    await page.waitForURL(/week=/);
    await page.getByText('None this week.').first().waitFor();
    await page.context().close();
  });

  it('fits the audit screens on a phone', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, AUDITOR);
    await page.goto('/audit');
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByText('Hash chain intact').waitFor();
    await checkScreen(page, 'audit-console-phone');
    await page.goto('/audit/review');
    await page.getByRole('heading', { level: 1, name: 'Weekly review' }).waitFor();
    await checkScreen(page, 'audit-review-phone');
    await page.context().close();
  });
});
