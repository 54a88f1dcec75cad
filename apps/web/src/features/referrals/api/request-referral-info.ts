import { postReferralTransition, useReferralTransition } from './referral-transition';

/** -> NEEDS_INFO: the officer sees the message and answers by editing and resubmitting. */
export const requestReferralInfo = ({
  id,
  version,
  message,
}: {
  id: string;
  version: number;
  message: string;
}) => postReferralTransition(id, 'request-info', { version, message });

export const useRequestReferralInfo = () => useReferralTransition(requestReferralInfo);
