import { postReferralTransition, useReferralTransition } from './referral-transition';

/** -> INELIGIBLE with a reason; the decision returns to the referring officer with a notice. */
export const markReferralIneligible = ({
  id,
  version,
  reason,
}: {
  id: string;
  version: number;
  reason: string;
}) => postReferralTransition(id, 'ineligible', { version, reason });

export const useMarkReferralIneligible = () => useReferralTransition(markReferralIneligible);
