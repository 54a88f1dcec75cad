import { postReferralTransition, useReferralTransition } from './referral-transition';

/** NEEDS_OVERRIDE -> OVERRIDDEN (WIC 654.3 exclusions): a supervisor's decision, with the reason kept. */
export const overrideReferralEligibility = ({
  id,
  version,
  reason,
}: {
  id: string;
  version: number;
  reason: string;
}) => postReferralTransition(id, 'override-eligibility', { version, reason });

export const useOverrideReferralEligibility = () => useReferralTransition(overrideReferralEligibility);
