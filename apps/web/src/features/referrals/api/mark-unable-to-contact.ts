import { postReferralTransition, useReferralTransition } from './referral-transition';

/** OUTREACH -> UNABLE_TO_CONTACT, once the attempt rule is met (the API checks it again). */
export const markUnableToContact = ({ id, version }: { id: string; version: number }) =>
  postReferralTransition(id, 'unable-to-contact', { version });

export const useMarkUnableToContact = () => useReferralTransition(markUnableToContact);
