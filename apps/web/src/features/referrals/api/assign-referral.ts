import type { AssignRequest } from '@pathways/contracts';
import { postReferralTransition, useReferralTransition } from './referral-transition';

/** TRIAGE -> OUTREACH with a counselor; later assignments change the counselor only. */
export const assignReferral = ({ id, ...body }: AssignRequest & { id: string }) =>
  postReferralTransition(id, 'assign', body);

export const useAssignReferral = () => useReferralTransition(assignReferral);
