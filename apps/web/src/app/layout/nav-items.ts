import { PERMISSIONS, type Me, type Permission } from '@pathways/contracts';
import { paths } from '../paths';

export interface NavItem {
  key:
    | 'home'
    | 'resources'
    | 'users'
    | 'organization'
    | 'catalogs'
    | 'retention'
    | 'audit'
    | 'auditReview'
    | 'newReferral'
    | 'myReferrals'
    | 'referrals'
    | 'logContact'
    | 'schoolContacts'
    | 'communityEvents'
    | 'intake'
    | 'cases'
    | 'providerReferrals'
    | 'tasks'
    | 'notices'
    | 'reports';
  to: string;
  /** Shown only to people holding every one of these permissions; none means every signed-in user. */
  permissions?: Permission[];
  /** Hidden from people holding this one: the creator's own item replaces the reader's (e.g. "My referrals"). */
  unless?: Permission;
  end?: boolean;
  /** Paths under `to` that another item owns, so both are not marked current at once. */
  excludes?: string[];
}

const P = PERMISSIONS;
const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: paths.home, end: true },
  { key: 'newReferral', to: paths.referralNew, permissions: [P.REFERRAL_CREATE] },
  {
    key: 'myReferrals',
    to: paths.referrals,
    permissions: [P.REFERRAL_CREATE, P.REFERRAL_READ],
    excludes: [paths.referralNew],
  },
  // The police supervisor reads the agency's referrals and contacts.
  {
    key: 'referrals',
    to: paths.referrals,
    permissions: [P.REFERRAL_READ, P.SCHOOL_CONTACT_READ],
    unless: P.REFERRAL_CREATE,
  },
  { key: 'intake', to: paths.intake, permissions: [P.REFERRAL_TRIAGE] },
  { key: 'cases', to: paths.cases, permissions: [P.CASE_READ] },
  // Provider staff reach the referrals they work (assigned, or all of the provider's for a supervisor).
  { key: 'providerReferrals', to: paths.referrals, permissions: [P.REFERRAL_WORK] },
  { key: 'tasks', to: paths.tasks, permissions: [P.TASK_READ] },
  { key: 'logContact', to: paths.schoolContactNew, permissions: [P.SCHOOL_CONTACT_CREATE] },
  {
    key: 'schoolContacts',
    to: paths.schoolContacts,
    permissions: [P.SCHOOL_CONTACT_READ],
    unless: P.SCHOOL_CONTACT_CREATE,
  },
  { key: 'communityEvents', to: paths.communityEvents, permissions: [P.COMMUNITY_EVENT_MANAGE] },
  { key: 'notices', to: paths.notices, permissions: [P.NOTICE_READ] },
  { key: 'reports', to: paths.reports, permissions: [P.REPORT_READ] },
  { key: 'resources', to: paths.resources, permissions: [P.CATALOG_READ] },
  { key: 'users', to: paths.adminUsers, permissions: [P.ADMIN_USERS_MANAGE] },
  { key: 'organization', to: paths.adminOrganization, permissions: [P.ADMIN_ORGANIZATION_MANAGE] },
  { key: 'catalogs', to: paths.adminCatalogs, permissions: [P.ADMIN_CATALOGS_MANAGE] },
  { key: 'retention', to: paths.adminRetention, permissions: [P.ADMIN_RETENTION_MANAGE] },
  { key: 'audit', to: paths.audit, permissions: [P.AUDIT_READ], excludes: [paths.auditReview] },
  { key: 'auditReview', to: paths.auditReview, permissions: [P.AUDIT_READ] },
];

/** Deny by default: an item needing permissions appears only when the session lists them all. */
export function navItemsFor(me: Pick<Me, 'permissions'>): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (item.permissions ?? []).every((p) => me.permissions.includes(p)) &&
      !(item.unless && me.permissions.includes(item.unless)),
  );
}
