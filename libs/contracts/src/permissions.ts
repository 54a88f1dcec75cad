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
  /** The own organization's profile and settings: clocks, MFA and session policy, reporting (ADMIN). */
  ADMIN_ORGANIZATION_MANAGE: 'admin.organization.manage',
  /** Catalogs: add, edit and retire schools, reason codes, service types and resources (ADMIN). */
  ADMIN_CATALOGS_MANAGE: 'admin.catalogs.manage',
  /** The retention schedule, its dry-run report and the retention job (ADMIN). */
  ADMIN_RETENTION_MANAGE: 'admin.retention.manage',
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
  /** Counselor work on an assigned referral: outreach contacts, unable-to-contact, decline, enroll. */
  REFERRAL_WORK: 'referral.work',
  /** Read cases within the role's scope (counselor: assigned; provider supervisor: all of the provider's). */
  CASE_READ: 'case.read',
  /** Record case work: consents, assessments, plan, services, contacts, notes, follow-ups, closure requests. */
  CASE_WRITE: 'case.write',
  /** Supervise cases: approve or reject closure, reopen, hold, reassign, approve assessment overrides. */
  CASE_SUPERVISE: 'case.supervise',
  /** Notices (letters) to or from the caller's organization. */
  NOTICE_READ: 'notice.read',
  /** Own derived due and overdue work. */
  TASK_READ: 'task.read',
  /** Outcome reports: the agency's (police, suppressed) or the provider's (exact for the provider supervisor). */
  REPORT_READ: 'report.read',
  /** Log school contacts that did not become referrals (SRO). */
  SCHOOL_CONTACT_CREATE: 'school-contact.create',
  /** Read school contacts: own (SRO) or the agency's (PD supervisor). */
  SCHOOL_CONTACT_READ: 'school-contact.read',
  /** Record and edit community events (police users). */
  COMMUNITY_EVENT_MANAGE: 'community-event.manage',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);
