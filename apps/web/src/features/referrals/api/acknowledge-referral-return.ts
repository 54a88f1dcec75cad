import { postReferralTransition, useReferralTransition } from './referral-transition';

/** The referring officer confirms having read a decision returned to them (ineligible, not reached, declined, unsuccessful). */
export const acknowledgeReferralReturn = ({ id, version }: { id: string; version: number }) =>
  postReferralTransition(id, 'acknowledge-return', { version });

export const useAcknowledgeReferralReturn = () => useReferralTransition(acknowledgeReferralReturn);
