import { PERMISSIONS, type Permission, type Role } from '@pathways/contracts';

const P = PERMISSIONS;
const EVERY_SIGNED_IN: Permission[] = [P.SESSION_SELF, P.CATALOG_READ];

/**
 * The role -> permission table (ACCESS.md). Deny by default: a permission not listed for a role is refused.
 * Record-level visibility (own / agency / assigned) is decided by the feature policies, not here.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  SRO: [...EVERY_SIGNED_IN],
  PD_SUPERVISOR: [...EVERY_SIGNED_IN, P.USERS_READ],
  COUNSELOR: [...EVERY_SIGNED_IN],
  PROVIDER_SUPERVISOR: [...EVERY_SIGNED_IN, P.USERS_READ],
  ADMIN: [...EVERY_SIGNED_IN, P.USERS_READ, P.ADMIN_USERS_MANAGE],
  AUDITOR: [...EVERY_SIGNED_IN, P.AUDIT_READ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}
