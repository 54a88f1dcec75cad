import { postReferralTransition, useReferralTransition } from './referral-transition';

/** SUBMITTED -> TRIAGE: the provider has received it (the triage clock stops). */
export const acknowledgeReferral = ({ id, version }: { id: string; version: number }) =>
  postReferralTransition(id, 'acknowledge', { version });

export const useAcknowledgeReferral = () => useReferralTransition(acknowledgeReferral);
