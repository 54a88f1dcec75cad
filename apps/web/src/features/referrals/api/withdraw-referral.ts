import type { ReferralDetail } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

export interface WithdrawReferralVariables {
  id: string;
  version: number;
  reason: string;
}

export const withdrawReferral = ({
  id,
  version,
  reason,
}: WithdrawReferralVariables): Promise<ReferralDetail> =>
  api.post<ReferralDetail>(`/referrals/${encodeURIComponent(id)}/withdraw`, { version, reason });

/** Either way the record may have moved on (409), so the detail and lists reload. */
export function useWithdrawReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawReferral,
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
}
