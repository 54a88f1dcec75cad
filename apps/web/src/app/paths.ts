/** Every route path in one place; links and redirects build on these. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  changePassword: '/change-password',
  accountSecurity: '/account/security',
  resources: '/resources',
  publicResources: '/resources/public',
  adminUsers: '/admin/users',
  adminUserNew: '/admin/users/new',
  audit: '/audit',
  referrals: '/referrals',
  referralNew: '/referrals/new',
  schoolContacts: '/school-contacts',
  schoolContactNew: '/school-contacts/new',
  communityEvents: '/community-events',
  communityEventNew: '/community-events/new',
} as const;

const seg = (id: string) => encodeURIComponent(id);

/** Paths of one record; the route patterns (`:id`) are in route-config.tsx. */
export const recordPaths = {
  referral: (id: string) => `${paths.referrals}/${seg(id)}`,
  referralEdit: (id: string) => `${paths.referrals}/${seg(id)}/edit`,
  referralPrint: (id: string) => `${paths.referrals}/${seg(id)}/print`,
  referralFamilySheet: (id: string) => `${paths.referrals}/${seg(id)}/family-sheet`,
  communityEventEdit: (id: string) => `${paths.communityEvents}/${seg(id)}/edit`,
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
};
