import type { ReferralDetail } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workKeys } from '../../../lib/work/work-keys';
import { referralKeys } from './referral-keys';

/** The provider's and the officer's moves on a submitted referral (API.md "Referrals", each with `version`). */
export type ReferralTransition =
  | 'acknowledge'
  | 'request-info'
  | 'assign'
  | 'ineligible'
  | 'mark-duplicate'
  | 'override-eligibility'
  | 'unable-to-contact'
  | 'decline'
  | 'acknowledge-return';

export const postReferralTransition = (
  id: string,
  action: ReferralTransition,
  body: { version: number } & Record<string, unknown>,
): Promise<ReferralDetail> =>
  api.post<ReferralDetail>(`/referrals/${encodeURIComponent(id)}/${action}`, body);

/**
 * After a move the referral, the lists, the tasks and the caseloads are stale. A 409 reloads nothing by itself: the
 * screen first says what changed, and the person chooses to reload.
 */
export function useReferralTransition<TVariables extends { id: string }>(
  mutationFn: (variables: TVariables) => Promise<ReferralDetail>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referralKeys.all }),
        queryClient.invalidateQueries({ queryKey: workKeys.all }),
      ]),
  });
}
