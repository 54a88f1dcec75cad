import type { OrganizationKind, Role } from '@pathways/contracts';

/** Which roles an organization of each kind may hold (ACCESS.md "Roles"). */
const ROLES_BY_KIND: Record<OrganizationKind, readonly Role[]> = {
  LAW_ENFORCEMENT: ['SRO', 'PD_SUPERVISOR', 'ADMIN', 'AUDITOR'],
  SERVICE_PROVIDER: ['COUNSELOR', 'PROVIDER_SUPERVISOR', 'ADMIN', 'AUDITOR'],
  SCHOOL_DISTRICT: ['ADMIN', 'AUDITOR'],
};

export function roleFitsOrganization(role: Role, kind: OrganizationKind): boolean {
  return ROLES_BY_KIND[kind].includes(role);
}
