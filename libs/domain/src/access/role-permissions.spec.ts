import { ALL_PERMISSIONS, PERMISSIONS, ROLES } from '@pathways/contracts';
import { hasPermission, ROLE_PERMISSIONS } from './role-permissions';

describe('role permissions', () => {
  it('names only known permissions', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(ALL_PERMISSIONS).toContain(p);
  });
  it('lets every role manage its own session and read catalogs', () => {
    for (const role of ROLES) {
      expect(hasPermission(role, PERMISSIONS.SESSION_SELF)).toBe(true);
      expect(hasPermission(role, PERMISSIONS.CATALOG_READ)).toBe(true);
    }
  });
  it('gives account management to ADMIN only and the audit trail to AUDITOR only', () => {
    expect(ROLES.filter((r) => hasPermission(r, PERMISSIONS.ADMIN_USERS_MANAGE))).toEqual(['ADMIN']);
    expect(ROLES.filter((r) => hasPermission(r, PERMISSIONS.AUDIT_READ))).toEqual(['AUDITOR']);
  });
});
