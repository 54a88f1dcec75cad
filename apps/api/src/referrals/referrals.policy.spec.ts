import type { Role } from '@pathways/contracts';
import { canSeeReferral, isSealedFor, referralScope, type ReferralAccessFacts } from './referrals.policy';

const POLICE = 'org-police';
const PROVIDER = 'org-provider';
const viewer = (
  role: Role,
  userId = 'u-1',
  organizationId = ['SRO', 'PD_SUPERVISOR'].includes(role) ? POLICE : PROVIDER,
) => ({
  role,
  userId,
  organizationId,
});
const referral = (over: Partial<ReferralAccessFacts> = {}): ReferralAccessFacts => ({
  status: 'SUBMITTED',
  referringUserId: 'sro-1',
  referringOrgId: POLICE,
  providerOrgId: PROVIDER,
  assignedCounselorId: 'counselor-1',
  ...over,
});

describe('referral visibility', () => {
  it('shows an SRO only the referrals they made', () => {
    expect(canSeeReferral(viewer('SRO', 'sro-1'), referral())).toBe(true);
    expect(canSeeReferral(viewer('SRO', 'sro-2'), referral())).toBe(false);
  });
  it('shows a PD supervisor the agency’s referrals but never someone’s draft', () => {
    expect(canSeeReferral(viewer('PD_SUPERVISOR', 'sgt'), referral())).toBe(true);
    expect(canSeeReferral(viewer('PD_SUPERVISOR', 'sgt', 'other-agency'), referral())).toBe(false);
    expect(canSeeReferral(viewer('PD_SUPERVISOR', 'sgt'), referral({ status: 'DRAFT' }))).toBe(false);
  });
  it('shows a counselor only referrals assigned to them', () => {
    expect(canSeeReferral(viewer('COUNSELOR', 'counselor-1'), referral())).toBe(true);
    expect(canSeeReferral(viewer('COUNSELOR', 'counselor-2'), referral())).toBe(false);
  });
  it('shows a provider supervisor all of the provider’s referrals except drafts', () => {
    expect(canSeeReferral(viewer('PROVIDER_SUPERVISOR', 'sup'), referral())).toBe(true);
    expect(canSeeReferral(viewer('PROVIDER_SUPERVISOR', 'sup'), referral({ status: 'DRAFT' }))).toBe(false);
    expect(canSeeReferral(viewer('PROVIDER_SUPERVISOR', 'sup', 'other'), referral())).toBe(false);
  });
  it('shows a draft to its author only', () => {
    expect(canSeeReferral(viewer('SRO', 'sro-1'), referral({ status: 'DRAFT' }))).toBe(true);
    expect(canSeeReferral(viewer('SRO', 'sro-2'), referral({ status: 'DRAFT' }))).toBe(false);
  });
  it('opens nothing to administrators and auditors', () => {
    for (const role of ['ADMIN', 'AUDITOR'] as const) {
      expect(referralScope(viewer(role))).toEqual({ kind: 'none' });
      expect(canSeeReferral(viewer(role), referral())).toBe(false);
    }
  });
  it('seals a referral for police users only', () => {
    const at = new Date();
    expect(isSealedFor('SRO', at)).toBe(true);
    expect(isSealedFor('PD_SUPERVISOR', at)).toBe(true);
    expect(isSealedFor('PROVIDER_SUPERVISOR', at)).toBe(false);
    expect(isSealedFor('SRO', null)).toBe(false);
  });
});
