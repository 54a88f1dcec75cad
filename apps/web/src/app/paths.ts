/** Every route path in one place; links and redirects build on these. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  changePassword: '/change-password',
  accountSecurity: '/account/security',
  resources: '/resources',
  publicResources: '/resources/public',
  publicDashboard: '/public/dashboard',
  adminUsers: '/admin/users',
  adminUserNew: '/admin/users/new',
  adminOrganization: '/admin/organization',
  adminCatalogs: '/admin/catalogs',
  adminRetention: '/admin/retention',
  audit: '/audit',
  auditReview: '/audit/review',
  referrals: '/referrals',
  referralNew: '/referrals/new',
  schoolContacts: '/school-contacts',
  schoolContactNew: '/school-contacts/new',
  communityEvents: '/community-events',
  communityEventNew: '/community-events/new',
  intake: '/intake',
  cases: '/cases',
  tasks: '/tasks',
  notices: '/notices',
  reports: '/reports',
} as const;

const seg = (id: string) => encodeURIComponent(id);

/** Paths of one record; the route patterns (`:id`) are in route-config.tsx. */
export const recordPaths = {
  referral: (id: string) => `${paths.referrals}/${seg(id)}`,
  referralEdit: (id: string) => `${paths.referrals}/${seg(id)}/edit`,
  referralPrint: (id: string) => `${paths.referrals}/${seg(id)}/print`,
  referralFamilySheet: (id: string) => `${paths.referrals}/${seg(id)}/family-sheet`,
  communityEventEdit: (id: string) => `${paths.communityEvents}/${seg(id)}/edit`,
  adminCatalog: (kind: string) => `${paths.adminCatalogs}/${seg(kind)}`,
  case: (id: string) => `${paths.cases}/${seg(id)}`,
  /** The letter on its own page, in `lang` (else the reader's language); `referral` lets it be read from there. */
  noticePrint: (id: string, lang?: 'en' | 'es', referralId?: string) => {
    const search = new URLSearchParams();
    if (lang) search.set('lang', lang);
    if (referralId) search.set('referral', referralId);
    const query = search.toString();
    return `${paths.notices}/${seg(id)}/print${query ? `?${query}` : ''}`;
  },
};

/** Only same-origin paths survive as a post-sign-in target (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.home;
  if (next.startsWith(paths.signIn)) return paths.home;
  return next;
}

export function signInHref(options: { expired?: boolean; signedOut?: boolean; next?: string } = {}): string {
  const params = new URLSearchParams();
  if (options.expired) params.set('expired', '1');
  if (options.signedOut) params.set('signedOut', '1');
  const next = safeNext(options.next);
  if (next !== paths.home) params.set('next', next);
  const search = params.toString();
  return search ? `${paths.signIn}?${search}` : paths.signIn;
}

/** The links the referral screens need (features do not import the app). */
export const referralLinks = {
  list: paths.referrals,
  newReferral: paths.referralNew,
  detail: recordPaths.referral,
  edit: recordPaths.referralEdit,
  print: recordPaths.referralPrint,
  familySheet: recordPaths.referralFamilySheet,
  caseDetail: recordPaths.case,
};

/** The links the case screens need. */
export const caseLinks = {
  list: paths.cases,
  detail: recordPaths.case,
  referral: recordPaths.referral,
  noticePrint: recordPaths.noticePrint,
};

/** Each task opens its referral or its case. */
export const taskLinks = {
  tasks: paths.tasks,
  referral: recordPaths.referral,
  case: recordPaths.case,
};

export const noticeLinks = {
  list: paths.notices,
  print: recordPaths.noticePrint,
  referral: recordPaths.referral,
};
