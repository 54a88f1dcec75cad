import { PERMISSIONS, type Permission, type Role } from '@pathways/contracts';

const P = PERMISSIONS;
const EVERY_SIGNED_IN: Permission[] = [P.SESSION_SELF, P.CATALOG_READ];

/**
 * The role -> permission table (ACCESS.md). Deny by default: a permission not listed for a role is refused.
 * Record-level visibility (own / agency / assigned) is decided by the feature policies, not here.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  SRO: [
    ...EVERY_SIGNED_IN,
    P.YOUTH_MATCH,
    P.REFERRAL_CREATE,
    P.REFERRAL_READ,
    P.SCHOOL_CONTACT_CREATE,
    P.SCHOOL_CONTACT_READ,
    P.COMMUNITY_EVENT_MANAGE,
    P.NOTICE_READ,
    P.TASK_READ,
    P.REPORT_READ,
  ],
  PD_SUPERVISOR: [
    ...EVERY_SIGNED_IN,
    P.USERS_READ,
    P.REFERRAL_READ,
    P.SCHOOL_CONTACT_READ,
    P.COMMUNITY_EVENT_MANAGE,
    P.NOTICE_READ,
    P.TASK_READ,
    P.REPORT_READ,
  ],
  COUNSELOR: [
    ...EVERY_SIGNED_IN,
    P.YOUTH_MATCH,
    P.REFERRAL_READ,
    P.REFERRAL_WORK,
    P.CASE_READ,
    P.CASE_WRITE,
    P.NOTICE_READ,
    P.TASK_READ,
    P.REPORT_READ,
  ],
  PROVIDER_SUPERVISOR: [
    ...EVERY_SIGNED_IN,
    P.USERS_READ,
    P.YOUTH_MATCH,
    P.REFERRAL_READ,
    P.REFERRAL_TRIAGE,
    P.REFERRAL_WORK,
    P.CASE_READ,
    P.CASE_WRITE,
    P.CASE_SUPERVISE,
    P.NOTICE_READ,
    P.TASK_READ,
    P.REPORT_READ,
  ],
  ADMIN: [
    ...EVERY_SIGNED_IN,
    P.USERS_READ,
    P.ADMIN_USERS_MANAGE,
    P.ADMIN_ORGANIZATION_MANAGE,
    P.ADMIN_CATALOGS_MANAGE,
    P.ADMIN_RETENTION_MANAGE,
  ],
  AUDITOR: [...EVERY_SIGNED_IN, P.AUDIT_READ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}
