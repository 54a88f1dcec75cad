import type { MarkDuplicateRequest } from '@pathways/contracts';
import { postReferralTransition, useReferralTransition } from './referral-transition';

/** -> DUPLICATE of another referral of the provider (`duplicateOfId`). */
export const markReferralDuplicate = ({ id, ...body }: MarkDuplicateRequest & { id: string }) =>
  postReferralTransition(id, 'mark-duplicate', body);

export const useMarkReferralDuplicate = () => useReferralTransition(markReferralDuplicate);
