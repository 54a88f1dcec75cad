import { authenticator } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  describeBrowser,
  DESKTOP,
  hasHorizontalScroll,
  launch,
  newPage,
  PHONE,
  screenshot,
  signIn,
} from '../support/browser';

const ROLES: [string, string][] = [
  ['sro', 'SRO'],
  ['sergeant', 'PD_SUPERVISOR'],
  ['counselor', 'COUNSELOR'],
  ['supervisor', 'PROVIDER_SUPERVISOR'],
  ['admin', 'ADMIN'],
  ['auditor', 'AUDITOR'],
];
const demo = (name: string) => `${name}@demo.pathways.local`;

describeBrowser('foundation: sign-in, homes, language, accessibility', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function fresh(viewport = DESKTOP): Promise<Page> {
    return newPage(browser, viewport);
  }

  it('shows the system-use notice on the sign-in screen, accessible at desktop and phone width', async () => {
    for (const [viewport, label] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await fresh(viewport);
      await page.goto('/sign-in');
      await page.getByTestId('system-use-notice').waitFor();
      await screenshot(page, `sign-in-${label}`);
      expect(await page.getByTestId('system-use-notice').innerText()).toMatch(/monitored/i);
      expect(await axeViolations(page)).toEqual([]);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await page.context().close();
    }
  });

  it('tells the person when the e-mail or password is wrong', async () => {
    const page = await fresh();
    await signIn(page, demo('sro'), 'not-the-password', { expectFailure: true });
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').innerText()).toMatch(/not correct/i);
    await page.context().close();
  });

  for (const [name, role] of ROLES) {
    it(`signs in the ${role} demo account and lands on its home`, async () => {
      const page = await fresh();
      await signIn(page, demo(name));
      await page.getByTestId(`home-${role}`).waitFor();
      await screenshot(page, `home-${role}-desktop`);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('fits a phone: the SRO home has no horizontal scrolling at 390 px and no serious axe finding', async () => {
    const page = await fresh(PHONE);
    await signIn(page, demo('sro'));
    await page.getByTestId('home-SRO').waitFor();
    await screenshot(page, 'home-SRO-phone');
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('switches to Spanish at once and remembers the choice on the account', async () => {
    const page = await fresh();
    await signIn(page, demo('sro2'));
    await page.getByTestId('home-SRO').waitFor();
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('es');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    await page.getByRole('combobox', { name: 'Idioma' }).first().waitFor();
    await screenshot(page, 'home-SRO-spanish');
    expect(await axeViolations(page)).toEqual([]);

    // A new browser (no local state) signing in as the same person gets Spanish from the account.
    const other = await fresh();
    await signIn(other, demo('sro2'));
    await other.getByTestId('home-SRO').waitFor();
    await other.waitForFunction(() => document.documentElement.lang === 'es');
    await other.context().close();
    await page.context().close();
  });

  it('shows the resource directory and the admin users screen without accessibility violations', async () => {
    const page = await fresh();
    await signIn(page, demo('admin'));
    await page.getByTestId('home-ADMIN').waitFor();
    await page.goto('/resources');
    await page.getByText('SBCS Youth Prevention and Intervention (YPI)').waitFor();
    await screenshot(page, 'resources-desktop');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/admin/users');
    await page.getByText('counselor@demo.pathways.local').first().waitFor();
    await screenshot(page, 'admin-users-desktop');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('lets an administrator create an account whose one-time password works once', async () => {
    const page = await fresh();
    await signIn(page, demo('admin'));
    await page.goto('/admin/users');
    await page
      .getByRole('button', { name: /new user|create user|add user/i })
      .first()
      .click();
    await page.getByLabel('E-mail').fill('e2e.counselor@sbcs.example');
    await page.getByLabel('Name', { exact: false }).first().fill('E2E Counselor');
    await page
      .getByLabel('Role')
      .selectOption('COUNSELOR')
      .catch(async () => {
        await page.getByLabel('Role').click();
        await page
          .getByRole('option', { name: /counselor/i })
          .first()
          .click();
      });
    await page.getByRole('button', { name: /^create/i }).click();
    const otp = await page.getByTestId('one-time-password').innerText();
    expect(otp).toMatch(/^[\w-]{19}$/);
    await screenshot(page, 'admin-users-one-time-password');
    await page.context().close();

    const first = await fresh();
    await signIn(first, 'e2e.counselor@sbcs.example', otp.trim());
    await first.getByLabel(/^New password/).waitFor();
    await screenshot(first, 'change-password-required');
    await first.context().close();
  });

  it('lets a person turn on two-step verification and then asks for the code at sign-in', async () => {
    const page = await fresh();
    await signIn(page, demo('counselor2'));
    await page.getByTestId('home-COUNSELOR').waitFor();
    await page.getByRole('link', { name: 'Two-step verification' }).click();
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s/g, '');
    await page.getByLabel(/^Verification code/).fill(authenticator.generate(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByTestId('mfa-enabled').waitFor();
    await screenshot(page, 'account-security-desktop');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();

    const again = await fresh();
    await signIn(again, demo('counselor2'), undefined, { expectFailure: true });
    await again.getByLabel(/^Verification code/).fill(authenticator.generate(secret));
    await again.getByRole('button', { name: 'Verify' }).click();
    await again.getByTestId('home-COUNSELOR').waitFor();
    await again.context().close();
  });
});
