import { POLICE_ROLES, type ReferralStatus, type Role } from '@pathways/contracts';

/** Who is asking, as far as record visibility goes. */
export interface Viewer {
  userId: string;
  role: Role;
  organizationId: string;
}

/** The referral columns visibility depends on. */
export interface ReferralAccessFacts {
  status: ReferralStatus;
  referringUserId: string;
  referringOrgId: string;
  providerOrgId: string;
  assignedCounselorId: string | null;
}

/**
 * Which referrals a role sees (ACCESS.md): an SRO its own (drafts included), a PD supervisor the agency's, a
 * counselor those assigned to them, a provider supervisor all of the provider's. Drafts are their author's only.
 * The list query turns the same scope into SQL (referrals-query.service.ts).
 */
export type ReferralScope =
  | { kind: 'own'; userId: string }
  | { kind: 'agency'; organizationId: string }
  | { kind: 'assigned'; organizationId: string; userId: string }
  | { kind: 'provider'; organizationId: string }
  | { kind: 'none' };

export function referralScope(viewer: Viewer): ReferralScope {
  switch (viewer.role) {
    case 'SRO':
      return { kind: 'own', userId: viewer.userId };
    case 'PD_SUPERVISOR':
      return { kind: 'agency', organizationId: viewer.organizationId };
    case 'COUNSELOR':
      return { kind: 'assigned', organizationId: viewer.organizationId, userId: viewer.userId };
    case 'PROVIDER_SUPERVISOR':
      return { kind: 'provider', organizationId: viewer.organizationId };
    case 'ADMIN':
    case 'AUDITOR':
      return { kind: 'none' };
  }
}

export function canSeeReferral(viewer: Viewer, r: ReferralAccessFacts): boolean {
  if (r.status === 'DRAFT') return r.referringUserId === viewer.userId;
  const scope = referralScope(viewer);
  switch (scope.kind) {
    case 'own':
      return r.referringUserId === scope.userId;
    case 'agency':
      return r.referringOrgId === scope.organizationId;
    case 'assigned':
      return r.providerOrgId === scope.organizationId && r.assignedCounselorId === scope.userId;
    case 'provider':
      return r.providerOrgId === scope.organizationId;
    case 'none':
      return false;
  }
}

/** Only the referring officer edits, submits, withdraws or discards a referral. */
export function isAuthor(viewer: Viewer, r: ReferralAccessFacts): boolean {
  return r.referringUserId === viewer.userId;
}

export function isPoliceViewer(role: Role): boolean {
  return POLICE_ROLES.includes(role);
}

/** WIC 827.95: once sealed, police users see only the reference number, SEALED and the completion date. */
export function isSealedFor(role: Role, sealedAt: Date | null): boolean {
  return sealedAt !== null && isPoliceViewer(role);
}
