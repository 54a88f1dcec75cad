/**
 * Permission names. Every API route declares exactly one of these (or is public);
 * the role -> permission table lives in libs/domain (access/role-permissions.ts).
 */
export const PERMISSIONS = {
  /** Own session: me, logout, password change, MFA enrollment, own locale. */
  SESSION_SELF: 'session.self',
  /** Catalogs: schools, reason codes, service types, resources. */
  CATALOG_READ: 'catalog.read',
  /** Active users of the caller's organization (supervisors assigning work). */
  USERS_READ: 'users.read',
  /** Accounts of the caller's organization: create, edit role, deactivate, unlock, reset password. */
  ADMIN_USERS_MANAGE: 'admin.users.manage',
  /** Audit events of the caller's organization and chain verification. */
  AUDIT_READ: 'audit.read',
  /** Duplicate search in the youth registry (police users get minimal fields). */
  YOUTH_MATCH: 'youth.match',
  /** Create referrals and edit own drafts / NEEDS_INFO referrals, submit, withdraw (SRO). */
  REFERRAL_CREATE: 'referral.create',
  /** Read referrals within the role's scope (ACCESS.md: own, agency's, assigned, provider's). */
  REFERRAL_READ: 'referral.read',
  /** Provider triage: acknowledge, request information, assign, ineligible, duplicate, override (supervisor). */
  REFERRAL_TRIAGE: 'referral.triage',
  /** Log school contacts that did not become referrals (SRO). */
  SCHOOL_CONTACT_CREATE: 'school-contact.create',
  /** Read school contacts: own (SRO) or the agency's (PD supervisor). */
  SCHOOL_CONTACT_READ: 'school-contact.read',
  /** Record and edit community events (police users). */
  COMMUNITY_EVENT_MANAGE: 'community-event.manage',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);
