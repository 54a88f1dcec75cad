/** Enumerations shared by the API, the web app and the database (values are stored as-is). */

export const ROLES = [
  'SRO',
  'PD_SUPERVISOR',
  'COUNSELOR',
  'PROVIDER_SUPERVISOR',
  'ADMIN',
  'AUDITOR',
] as const;
export type Role = (typeof ROLES)[number];

export const POLICE_ROLES: readonly Role[] = ['SRO', 'PD_SUPERVISOR'];
export const PROVIDER_ROLES: readonly Role[] = ['COUNSELOR', 'PROVIDER_SUPERVISOR'];

export const ORGANIZATION_KINDS = ['LAW_ENFORCEMENT', 'SERVICE_PROVIDER', 'SCHOOL_DISTRICT'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const AUDIT_ACTIONS = [
  'VIEW',
  'CREATE',
  'UPDATE',
  'TRANSITION',
  'EXPORT',
  'LOGIN',
  'LOGIN_FAILED',
  'LOGOUT',
  'LOCKOUT',
  'SEAL',
  'OVERRIDE',
  'PERMISSION_CHANGE',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['SUCCESS', 'DENIED', 'ERROR'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const SCHOOL_LEVELS = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'K8', 'K12', 'ADULT'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const SCHOOL_KINDS = ['PUBLIC', 'CHARTER', 'ALTERNATIVE', 'ADULT', 'PRIVATE'] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export const REASON_CODE_KINDS = ['OFFENSE', 'SCHOOL_RULE', 'STATUS', 'CONCERN'] as const;
export type ReasonCodeKind = (typeof REASON_CODE_KINDS)[number];
