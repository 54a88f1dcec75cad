import { postReferralTransition, useReferralTransition } from './referral-transition';

/** CONSENT_PENDING -> DECLINED: the family said no. The reason is kept (an equity measure). */
export const declineReferral = ({ id, version, reason }: { id: string; version: number; reason: string }) =>
  postReferralTransition(id, 'decline', { version, reason });

export const useDeclineReferral = () => useReferralTransition(declineReferral);
