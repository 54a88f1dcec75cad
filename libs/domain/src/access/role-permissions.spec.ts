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
  it('gives organization settings, catalogs and retention to ADMIN only', () => {
    for (const p of [
      PERMISSIONS.ADMIN_ORGANIZATION_MANAGE,
      PERMISSIONS.ADMIN_CATALOGS_MANAGE,
      PERMISSIONS.ADMIN_RETENTION_MANAGE,
    ])
      expect(ROLES.filter((r) => hasPermission(r, p))).toEqual(['ADMIN']);
  });
});

describe('case management permissions', () => {
  it('gives case work to provider roles only, and supervision to the provider supervisor', () => {
    for (const p of [PERMISSIONS.CASE_READ, PERMISSIONS.CASE_WRITE, PERMISSIONS.REFERRAL_WORK])
      expect(ROLES.filter((r) => hasPermission(r, p))).toEqual(['COUNSELOR', 'PROVIDER_SUPERVISOR']);
    expect(ROLES.filter((r) => hasPermission(r, PERMISSIONS.CASE_SUPERVISE))).toEqual([
      'PROVIDER_SUPERVISOR',
    ]);
  });
  it('shows notices and tasks to police and provider roles, never to ADMIN or AUDITOR', () => {
    for (const p of [PERMISSIONS.NOTICE_READ, PERMISSIONS.TASK_READ])
      expect(ROLES.filter((r) => hasPermission(r, p))).toEqual([
        'SRO',
        'PD_SUPERVISOR',
        'COUNSELOR',
        'PROVIDER_SUPERVISOR',
      ]);
  });
});

describe('report permissions', () => {
  it('gives outcome reports to police and provider roles, never to ADMIN or AUDITOR', () => {
    expect(ROLES.filter((r) => hasPermission(r, PERMISSIONS.REPORT_READ))).toEqual([
      'SRO',
      'PD_SUPERVISOR',
      'COUNSELOR',
      'PROVIDER_SUPERVISOR',
    ]);
  });
});
