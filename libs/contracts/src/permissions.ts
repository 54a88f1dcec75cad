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
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);
