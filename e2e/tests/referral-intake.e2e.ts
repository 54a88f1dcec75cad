import type { Browser, Locator, Page } from 'playwright-core';
import {
  axeViolations,
  describeBrowser,
  hasHorizontalScroll,
  launch,
  newPage,
  PHONE,
  screenshot,
  signIn,
} from '../support/browser';

const SRO = 'sro@demo.pathways.local';

/** A last name no seeded youth has, so the search finds only this run's referral. */
function uniqueLastName(): string {
  const letters = Date.now()
    .toString(26)
    .split('')
    .map((c) => String.fromCharCode(97 + parseInt(c, 26)))
    .join('');
  return `Keyboard${letters.slice(-6)}`;
}

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in tab order. */
async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  await target.waitFor({ state: 'attached' });
  for (let i = 0; i < maxPresses; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target.toString()} with Tab`);
}

/** Each screen: no serious or critical axe finding, no horizontal scrolling at 390 px, a screenshot. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect({ name, violations: await axeViolations(page) }).toEqual({ name, violations: [] });
  expect({ name, horizontalScroll: await hasHorizontalScroll(page) }).toEqual({
    name,
    horizontalScroll: false,
  });
}

/** Tabs to a link or button and presses Enter: no pointer anywhere in this journey. */
async function press(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

async function expectStep(page: Page, title: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 2, name: title });
  await heading.waitFor();
  // Focus moves to the new step's heading, so keyboard users start there.
  await page.waitForFunction(() => document.activeElement?.id === 'referral-step-heading');
}

async function next(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
}

describeBrowser('referral intake: an SRO refers a youth from a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('files a referral with the keyboard, finds it in My referrals and opens the family sheet', async () => {
    const page = await newPage(browser, PHONE);
    // A stuck step fails fast, naming what it waited for, instead of eating the whole journey's time.
    page.setDefaultTimeout(15_000);
    const lastName = uniqueLastName();

    await signIn(page, SRO);
    await page.getByTestId('home-SRO').waitFor();
    await checkScreen(page, 'intake-01-home-SRO-phone');
    await press(page, page.getByRole('link', { name: 'Refer a youth' }));
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();

    // Step 1: the youth.
    await page.getByRole('heading', { level: 2, name: 'Youth' }).waitFor();
    await checkScreen(page, 'intake-02-youth-phone');
    await tabTo(page, page.getByLabel('First name'));
    await page.keyboard.type('Ana');
    await page.keyboard.press('Tab');
    await page.keyboard.type(lastName);
    await page.keyboard.press('Tab');
    await page.keyboard.type('04092011'); // mm dd yyyy segments of the native date input
    await page.getByText(/No youth with this name|possible match/).waitFor();
    await tabTo(page, page.getByLabel("Youth's primary language"));
    await page.keyboard.type('Spanish');
    expect(await page.getByLabel("Youth's primary language").inputValue()).toBe('es');
    await next(page);

    // Step 2: the incident.
    await expectStep(page, 'Incident');
    await tabTo(page, page.getByRole('combobox', { name: 'School' }));
    await page.keyboard.type('Castle Park Senior High');
    await page.getByRole('option', { name: 'Castle Park Senior High' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('combobox', { name: 'School' }).inputValue()).toBe('Castle Park Senior High');
    await tabTo(page, page.getByLabel('Grade'));
    await page.keyboard.type('Grade 9');
    await tabTo(page, page.getByLabel('Where it happened'));
    await page.keyboard.type('On campus');
    await tabTo(page, page.getByLabel('Pathway'));
    await page.keyboard.type('Police');
    expect(await page.getByLabel('Pathway').inputValue()).toBe('LE_DIVERSION_626B');
    await tabTo(page, page.getByRole('combobox', { name: 'Reasons' }));
    await page.keyboard.type('Mutual');
    await page.getByRole('option', { name: 'Mutual fight' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await tabTo(page, page.getByLabel('What happened'));
    await page.keyboard.type(
      'Two students argued at lunch and pushed each other. Both calmed down with staff.',
    );
    await checkScreen(page, 'intake-03-incident-phone');
    await next(page);

    // Step 3: guardian and language.
    await expectStep(page, 'Guardian and language');
    await tabTo(page, page.getByLabel('Full name'));
    await page.keyboard.type(`Rosa ${lastName}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Mother');
    await tabTo(page, page.getByLabel('Phone'));
    await page.keyboard.type('(619) 555-0142');
    await tabTo(page, page.getByLabel('Preferred language'));
    await page.keyboard.type('Spanish');
    await tabTo(page, page.getByLabel('Needs an interpreter'));
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Needs an interpreter').isChecked()).toBe(true);
    await checkScreen(page, 'intake-04-guardian-phone');
    await next(page);

    // Step 4: resources to recommend.
    await expectStep(page, 'Resources');
    const counseling = page.getByLabel('Free counseling for children exposed to violence');
    await tabTo(page, counseling);
    await page.keyboard.press('Space');
    expect(await counseling.isChecked()).toBe(true);
    await checkScreen(page, 'intake-05-resources-phone');
    await next(page);

    // Step 5: review and submit.
    await expectStep(page, 'Review and submit');
    await page.getByText(`Rosa ${lastName}`).waitFor();
    await checkScreen(page, 'intake-06-review-phone');
    await tabTo(page, page.getByRole('button', { name: 'Submit referral' }));
    await page.keyboard.press('Enter');

    const reference = (await page.getByTestId('reference-number').innerText()).trim();
    expect(reference).toMatch(/^R-\d{4}-\d{6}$/);
    await page.getByText(/must start services by/).waitFor();
    await checkScreen(page, 'intake-07-submitted-phone');

    // My referrals: search by the youth's last name.
    await press(page, page.getByRole('button', { name: 'Toggle navigation' }));
    await press(page, page.getByRole('link', { name: 'My referrals' }));
    await page.getByRole('heading', { level: 1, name: 'My referrals' }).waitFor();
    await tabTo(page, page.getByRole('searchbox', { name: 'Search' }));
    await page.keyboard.type(lastName);
    await page.waitForURL(/[?&]q=/);
    const row = page.getByRole('link', { name: reference });
    await row.waitFor();
    expect(await page.getByTestId('referral-list').getByRole('listitem').count()).toBe(1);
    await checkScreen(page, 'intake-08-my-referrals-phone');

    // The referral's detail, then the family sheet in the guardian's language (Spanish).
    await press(page, row);
    await page.getByRole('heading', { level: 1, name: `Referral ${reference}` }).waitFor();
    await page.getByTestId('referral-status').first().waitFor();
    await checkScreen(page, 'intake-09-detail-phone');
    await press(page, page.getByRole('link', { name: 'Family resource sheet' }));
    await page.getByRole('heading', { level: 1, name: 'Recursos para su familia' }).waitFor();
    const sheet = page.getByTestId('family-sheet');
    expect(await sheet.getAttribute('lang')).toBe('es');
    await sheet.getByText('Free counseling for children exposed to violence').waitFor();
    expect(await sheet.innerText()).not.toMatch(/pushed|lunch|Mutual fight/);
    await checkScreen(page, 'intake-10-family-sheet-phone');
    await page.context().close();
  }, 240_000);
});
