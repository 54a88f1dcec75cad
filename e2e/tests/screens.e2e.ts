import type { Browser, Page } from 'playwright-core';
import { api, apiToken, demo, setAccountLocale } from '../support/api';
import { appRoutePatterns, constStringList } from '../support/app-source';
import {
  axeViolations,
  describeBrowser,
  DESKTOP,
  launch,
  newPage,
  PHONE,
  screenshot,
  settled,
  sidewaysOverflow,
  signIn,
} from '../support/browser';
import { englishOn, englishStrings, pageTexts } from '../support/spanish';

/**
 * Every screen of the SPA, one row each: who can see it, how to reach it, what shows it has loaded. Each row is
 * checked at 1280 px and at 390 px (axe WCAG 2.1 A/AA with no serious or critical finding, no sideways scrolling, a
 * full-page screenshot `<screen>-desktop.png` / `<screen>-phone.png`), then in Spanish on the phone (no English
 * string that has a Spanish translation, no sideways scrolling; `<screen>-phone-es.png` for the key screens).
 * Records come from the demo data the app seeds, found through the API with the role's own session.
 */

type Role = 'SRO' | 'PD_SUPERVISOR' | 'COUNSELOR' | 'PROVIDER_SUPERVISOR' | 'ADMIN' | 'AUDITOR';
const ROLES: Role[] = ['SRO', 'PD_SUPERVISOR', 'COUNSELOR', 'PROVIDER_SUPERVISOR', 'ADMIN', 'AUDITOR'];
const ACCOUNT: Record<Role, string> = {
  SRO: demo('sro'),
  PD_SUPERVISOR: demo('sergeant'),
  COUNSELOR: demo('counselor'),
  PROVIDER_SUPERVISOR: demo('supervisor'),
  ADMIN: demo('admin'),
  AUDITOR: demo('auditor'),
};

/** The demo records the screens open. */
interface Ids {
  /** The SRO's: a saved draft, one sent back for information, an enrolled one with resources, a sealed one. */
  draft: string;
  needsInfo: string;
  enrolled: string;
  sealed: string;
  notice: string;
  communityEvent: string;
  /** The provider's: a new referral in the intake queue, one the counselor is reaching, her longest-open case. */
  submitted: string;
  outreach: string;
  activeCase: string;
}

interface Screen {
  /** The screenshot's name. */
  name: string;
  /** Its pattern in route-config.tsx. */
  route: string;
  /** Patterns this row reaches too (a redirect). */
  alsoRoutes?: string[];
  /** The catalog kind, case tab or referral step the row shows. */
  variant?: string;
  /** Signed in as; null: signed out. */
  role: Role | null;
  path: (ids: Ids) => string;
  /** What shows the screen has loaded, beyond its h1 and no loading indicator (language-neutral). */
  ready?: (page: Page) => Promise<void>;
  /** A screenshot in Spanish too (`-phone-es`). */
  keyScreen?: boolean;
}

const testId = (id: string) => (page: Page) => page.getByTestId(id).first().waitFor();
const tabPanel = (page: Page) => page.getByRole('tabpanel').first().waitFor();

const STEPS = constStringList('features/referrals/components/referral-form/form-model.ts', 'STEPS');
const CASE_TABS = constStringList('features/cases/components/detail/case-detail-screen.tsx', 'CASE_TABS');
const CATALOG_KINDS = constStringList('features/catalogs/api/catalog-kinds.ts', 'CATALOG_KINDS');

/** A step of the referral wizard, by its place in the stepper (the stepper lets a saved referral jump to any step). */
function wizardStep(index: number) {
  return async (page: Page) => {
    await page.locator('.mantine-Stepper-step').nth(index).click();
    await page.waitForFunction(
      (i) => document.querySelectorAll('.mantine-Stepper-step')[i]?.getAttribute('aria-current') === 'step',
      index,
    );
  };
}

const SCREENS: Screen[] = [
  // Signed out.
  { name: 'sign-in', route: '/sign-in', role: null, path: () => '/sign-in', keyScreen: true },
  { name: 'public-resources', route: '/resources/public', role: null, path: () => '/resources/public' },
  {
    name: 'public-dashboard',
    route: '/public/dashboard',
    role: null,
    path: () => '/public/dashboard',
    keyScreen: true,
  },
  // Every role's home.
  ...ROLES.map((role): Screen => ({
    name: `home-${role}`,
    route: '/',
    variant: role,
    role,
    path: () => '/',
    ready: testId(`home-${role}`),
    keyScreen: role === 'SRO' || role === 'COUNSELOR',
  })),
  // The officer.
  { name: 'referrals-SRO', route: '/referrals', role: 'SRO', path: () => '/referrals', keyScreen: true },
  {
    name: 'referral-new',
    route: '/referrals/new',
    variant: 'youth',
    role: 'SRO',
    path: () => '/referrals/new',
    keyScreen: true,
  },
  ...STEPS.map((step, index): Screen => ({
    name: `referral-draft-${step}`,
    route: '/referrals/:id/edit',
    variant: step,
    role: 'SRO',
    path: (ids) => `/referrals/${ids.draft}/edit`,
    ready: index === 0 ? undefined : wizardStep(index),
  })),
  {
    name: 'referral-answer-info-request',
    route: '/referrals/:id/edit',
    variant: 'needs-info',
    role: 'SRO',
    path: (ids) => `/referrals/${ids.needsInfo}/edit`,
    ready: testId('info-request'),
  },
  {
    name: 'referral-detail-SRO',
    route: '/referrals/:id',
    variant: 'police',
    role: 'SRO',
    path: (ids) => `/referrals/${ids.enrolled}`,
    ready: testId('program-status'),
    keyScreen: true,
  },
  {
    name: 'referral-sealed-SRO',
    route: '/referrals/:id',
    variant: 'sealed',
    role: 'SRO',
    path: (ids) => `/referrals/${ids.sealed}`,
    ready: testId('sealed-referral'),
  },
  {
    name: 'referral-print',
    route: '/referrals/:id/print',
    role: 'SRO',
    path: (ids) => `/referrals/${ids.enrolled}/print`,
  },
  {
    name: 'referral-family-sheet',
    route: '/referrals/:id/family-sheet',
    role: 'SRO',
    path: (ids) => `/referrals/${ids.enrolled}/family-sheet`,
    ready: testId('family-sheet'),
  },
  { name: 'school-contacts', route: '/school-contacts', role: 'SRO', path: () => '/school-contacts' },
  {
    name: 'school-contact-new',
    route: '/school-contacts/new',
    role: 'SRO',
    path: () => '/school-contacts/new',
    keyScreen: true,
  },
  { name: 'community-events', route: '/community-events', role: 'SRO', path: () => '/community-events' },
  {
    name: 'community-event-new',
    route: '/community-events/new',
    role: 'SRO',
    path: () => '/community-events/new',
  },
  {
    name: 'community-event-edit',
    route: '/community-events/:id/edit',
    role: 'SRO',
    path: (ids) => `/community-events/${ids.communityEvent}/edit`,
  },
  {
    name: 'notices-SRO',
    route: '/notices',
    role: 'SRO',
    path: () => '/notices',
    ready: testId('notice-list'),
  },
  {
    name: 'notice-print',
    route: '/notices/:id/print',
    role: 'SRO',
    path: (ids) => `/notices/${ids.notice}/print`,
    ready: testId('notice-letter'),
  },
  { name: 'resources', route: '/resources', role: 'SRO', path: () => '/resources' },
  { name: 'not-found', route: '*', role: 'SRO', path: () => '/no-such-page' },
  // The sergeant.
  { name: 'referrals-PD_SUPERVISOR', route: '/referrals', role: 'PD_SUPERVISOR', path: () => '/referrals' },
  { name: 'reports-PD_SUPERVISOR', route: '/reports', role: 'PD_SUPERVISOR', path: () => '/reports' },
  {
    name: 'account-security',
    route: '/account/security',
    role: 'PD_SUPERVISOR',
    path: () => '/account/security',
  },
  {
    name: 'change-password',
    route: '/change-password',
    role: 'PD_SUPERVISOR',
    path: () => '/change-password',
  },
  // The counselor.
  { name: 'cases-COUNSELOR', route: '/cases', role: 'COUNSELOR', path: () => '/cases' },
  ...CASE_TABS.map((tab): Screen => ({
    name: `case-${tab}`,
    route: '/cases/:id',
    variant: tab,
    role: 'COUNSELOR',
    path: (ids) => `/cases/${ids.activeCase}?tab=${tab}`,
    ready: tabPanel,
    keyScreen: tab === 'overview',
  })),
  { name: 'tasks-COUNSELOR', route: '/tasks', role: 'COUNSELOR', path: () => '/tasks' },
  {
    name: 'referral-detail-COUNSELOR',
    route: '/referrals/:id',
    variant: 'outreach',
    role: 'COUNSELOR',
    path: (ids) => `/referrals/${ids.outreach}`,
  },
  // The provider supervisor.
  {
    name: 'intake',
    route: '/intake',
    role: 'PROVIDER_SUPERVISOR',
    path: () => '/intake',
    ready: testId('intake-queue'),
    keyScreen: true,
  },
  {
    name: 'referral-detail-PROVIDER_SUPERVISOR',
    route: '/referrals/:id',
    variant: 'triage',
    role: 'PROVIDER_SUPERVISOR',
    path: (ids) => `/referrals/${ids.submitted}`,
  },
  { name: 'tasks-PROVIDER_SUPERVISOR', route: '/tasks', role: 'PROVIDER_SUPERVISOR', path: () => '/tasks' },
  {
    name: 'reports-PROVIDER_SUPERVISOR',
    route: '/reports',
    role: 'PROVIDER_SUPERVISOR',
    path: () => '/reports',
    keyScreen: true,
  },
  // The administrator.
  { name: 'admin-users', route: '/admin/users', role: 'ADMIN', path: () => '/admin/users' },
  { name: 'admin-user-new', route: '/admin/users/new', role: 'ADMIN', path: () => '/admin/users/new' },
  {
    name: 'admin-organization',
    route: '/admin/organization',
    role: 'ADMIN',
    path: () => '/admin/organization',
  },
  ...CATALOG_KINDS.map((kind, index): Screen => ({
    name: `admin-catalog-${kind}`,
    route: '/admin/catalogs/:kind',
    // The first kind is where /admin/catalogs leads.
    ...(index === 0 ? { alsoRoutes: ['/admin/catalogs'] } : {}),
    variant: kind,
    role: 'ADMIN',
    path: () => (index === 0 ? '/admin/catalogs' : `/admin/catalogs/${kind}`),
    ready: (page) => page.waitForURL(new RegExp(`/admin/catalogs/${kind}$`)),
  })),
  { name: 'admin-retention', route: '/admin/retention', role: 'ADMIN', path: () => '/admin/retention' },
  // The auditor.
  { name: 'audit', route: '/audit', role: 'AUDITOR', path: () => '/audit', ready: testId('audit-results') },
  { name: 'audit-review', route: '/audit/review', role: 'AUDITOR', path: () => '/audit/review' },
];

interface Page1<T> {
  items: T[];
}
type ReferralRow = { id: string; status: string };

/** Finds the demo records through the API, each with the session of the role that opens it. */
async function findIds(tokens: Record<Role, string>): Promise<Ids> {
  const sro = tokens.SRO;
  const first = async <T extends { id: string }>(path: string, token: string): Promise<T> => {
    const { items } = await api<Page1<T>>(path, { token });
    if (!items[0]) throw new Error(`the demo data has nothing at ${path}`);
    return items[0];
  };
  let sealed: string | undefined;
  for (let page = 1; !sealed && page <= 10; page += 1) {
    const { items } = await api<Page1<ReferralRow>>(`/referrals?pageSize=100&page=${page}`, { token: sro });
    sealed = items.find((r) => r.status === 'SEALED')?.id;
    if (items.length < 100) break;
  }
  if (!sealed) throw new Error('the demo data has no sealed referral of the SRO');
  // An enrolled referral with recommended resources, so the family sheet lists some.
  const { items: enrolled } = await api<Page1<ReferralRow>>('/referrals?status=ENROLLED&pageSize=20', {
    token: sro,
  });
  let withResources: string | undefined;
  for (const r of enrolled) {
    const detail = await api<{ recommendedResourceIds: string[] }>(`/referrals/${r.id}`, { token: sro });
    if (detail.recommendedResourceIds.length > 0) {
      withResources = r.id;
      break;
    }
  }
  if (!withResources) throw new Error('the demo data has no enrolled referral with resources');
  const { items: cases } = await api<Page1<{ id: string; openedAt: string }>>(
    '/cases?status=ACTIVE&pageSize=100',
    { token: tokens.COUNSELOR },
  );
  const longest = [...cases].sort((a, b) => a.openedAt.localeCompare(b.openedAt))[0];
  if (!longest) throw new Error('the demo data has no active case of the counselor');
  return {
    draft: (await first('/referrals?status=DRAFT&pageSize=1', sro)).id,
    needsInfo: (await first('/referrals?status=NEEDS_INFO&pageSize=1', sro)).id,
    enrolled: withResources,
    sealed,
    notice: (await first('/notices?pageSize=1', sro)).id,
    communityEvent: (await first('/community-events?pageSize=1', sro)).id,
    submitted: (await first('/referrals?status=SUBMITTED&pageSize=1', tokens.PROVIDER_SUPERVISOR)).id,
    outreach: (await first('/referrals?status=OUTREACH&pageSize=1', tokens.COUNSELOR)).id,
    activeCase: longest.id,
  };
}

/**
 * Words the demo data brings that the interface does not translate: catalog labels without a Spanish label (the seed
 * gives none; the screens fall back to `label`, as designed), school and resource names, community event titles.
 */
async function dataStrings(tokens: Record<Role, string>): Promise<Set<string>> {
  const token = tokens.SRO;
  const out = new Set<string>();
  const labelled = [
    ...(await api<{ label: string; labelEs: string | null }[]>('/reason-codes', { token })),
    ...(await api<{ label: string; labelEs: string | null }[]>('/service-types', { token })),
  ];
  for (const c of labelled) if (!c.labelEs) out.add(c.label);
  for (const s of await api<{ name: string }[]>('/schools', { token })) out.add(s.name);
  for (const r of await api<{ name: string }[]>('/resources', { token })) out.add(r.name);
  for (let page = 1; page <= 10; page += 1) {
    const { items } = await api<Page1<{ title: string }>>(`/community-events?pageSize=100&page=${page}`, {
      token,
    });
    for (const e of items) out.add(e.title);
    if (items.length < 100) break;
  }
  return out;
}

/** Opens the screen and waits until it has loaded: its h1, its own sign, no loader or busy region, a quiet network. */
async function show(page: Page, screen: Screen, ids: Ids): Promise<void> {
  await page.goto(screen.path(ids));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await screen.ready?.(page);
  await page.waitForLoadState('networkidle');
  // A report is the slowest query a screen waits for.
  await page.waitForFunction(
    () => {
      const busy = document.querySelector('[aria-busy="true"]');
      const loader = Array.from(document.querySelectorAll('.mantine-Loader-root')).some(
        (l) => !l.closest('button') && l.checkVisibility(),
      );
      return !busy && !loader;
    },
    undefined,
    { timeout: 30_000 },
  );
  await settled(page);
}

describeBrowser('every screen: axe at 1280 and 390 px, no sideways scrolling, Spanish', () => {
  let browser: Browser;
  const tokens = {} as Record<Role, string>;
  let ids: Ids | null = null;
  let data = new Set<string>();
  /** One page per role (and one signed out), kept for the whole file; each width is a fresh load of the screen. */
  const pages = new Map<Role | 'public', Page>();

  async function pageFor(role: Role | null, locale = 'en-US'): Promise<Page> {
    const key = role ?? 'public';
    const open = pages.get(key);
    if (open) return open;
    const page = await newPage(browser, DESKTOP, locale);
    page.setDefaultTimeout(15_000);
    if (role) {
      await signIn(page, ACCOUNT[role]);
      await page.getByTestId(`home-${role}`).waitFor();
    }
    pages.set(key, page);
    return page;
  }

  function needIds(): Ids {
    if (!ids) throw new Error('the demo records were not found (see the first failure)');
    return ids;
  }

  beforeAll(async () => {
    browser = await launch();
    for (const role of ROLES) {
      tokens[role] = await apiToken(ACCOUNT[role]);
      // Another suite may have left an account in Spanish; the checks below start from English.
      await setAccountLocale(tokens[role], 'en');
    }
    ids = await findIds(tokens);
    data = await dataStrings(tokens);
  }, 60_000);

  afterAll(async () => {
    for (const role of ROLES) if (tokens[role]) await setAccountLocale(tokens[role], 'en');
    await browser?.close();
  });

  it('has a row for every route of route-config.tsx, role home, catalog kind, case tab and referral step', () => {
    const patterns = appRoutePatterns();
    const covered = new Set(SCREENS.flatMap((s) => [s.route, ...(s.alsoRoutes ?? [])]));
    expect(patterns.filter((p) => !covered.has(p))).toEqual([]);
    expect([...covered].filter((p) => !patterns.includes(p))).toEqual([]);
    const variants = (route: string) => SCREENS.filter((s) => s.route === route).map((s) => s.variant);
    expect(variants('/')).toEqual(expect.arrayContaining(ROLES));
    expect(variants('/admin/catalogs/:kind')).toEqual(expect.arrayContaining(CATALOG_KINDS));
    expect(variants('/cases/:id')).toEqual(expect.arrayContaining(CASE_TABS));
    expect(variants('/referrals/:id/edit')).toEqual(expect.arrayContaining(STEPS));
    expect(new Set(SCREENS.map((s) => s.name)).size).toBe(SCREENS.length);
  });

  for (const screen of SCREENS) {
    it(`${screen.name} (${screen.role ?? 'signed out'}): no serious axe finding at 1280 and 390 px, no sideways scrolling at 390 px`, async () => {
      const page = await pageFor(screen.role);
      const findings: Record<string, string[]> = {};
      for (const [label, viewport] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        await page.setViewportSize(viewport);
        await show(page, screen, needIds());
        await screenshot(page, `${screen.name}-${label}`);
        findings[`${label} axe`] = await axeViolations(page);
        findings[`${label} overflow`] = await sidewaysOverflow(page);
      }
      expect({ screen: screen.name, findings }).toEqual({
        screen: screen.name,
        findings: {
          'desktop axe': [],
          'desktop overflow': [],
          'phone axe': [],
          'phone overflow': [],
        },
      });
    });
  }

  describe('in Spanish, on a phone', () => {
    const english = englishStrings();
    let shown = 0;
    const dataSeen = new Set<string>();

    beforeAll(async () => {
      // The signed-in screens follow the account's language; the signed-out ones the device's.
      for (const role of ROLES) await setAccountLocale(tokens[role], 'es');
      await pages.get('public')?.context().close();
      pages.delete('public');
      await pageFor(null, 'es-US');
    });

    afterAll(() => {
      console.log(
        `Spanish check: ${english.translated} translated strings (${english.exact.size} checked as text, ` +
          `${english.patterns.length} as templates); ${shown} texts read on ${SCREENS.length} screens; ` +
          `English words of the demo data shown, not counted: ${[...dataSeen].sort().join(', ') || 'none'}`,
      );
    });

    it('knows the English strings to look for', () => {
      expect(english.exact.size).toBeGreaterThan(500);
      expect(english.patterns.length).toBeGreaterThan(50);
    });

    for (const screen of SCREENS) {
      it(`${screen.name}: shows no English string that has a Spanish translation, fits 390 px`, async () => {
        const page = await pageFor(screen.role);
        await page.setViewportSize(PHONE);
        await show(page, screen, needIds());
        await page.waitForFunction(() => document.documentElement.lang === 'es');
        if (screen.keyScreen) await screenshot(page, `${screen.name}-phone-es`);
        const texts = await pageTexts(page);
        shown += texts.length;
        expect({
          screen: screen.name,
          english: englishOn(texts, english, data, dataSeen),
          overflow: await sidewaysOverflow(page),
        }).toEqual({ screen: screen.name, english: [], overflow: [] });
      });
    }
  });
});
