import type { ReferralDetail } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

export const submitReferral = ({ id, version }: { id: string; version: number }): Promise<ReferralDetail> =>
  api.post<ReferralDetail>(`/referrals/${encodeURIComponent(id)}/submit`, { version });

export function useSubmitReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitReferral,
    onSuccess: (submitted) => {
      queryClient.setQueryData(referralKeys.detail(submitted.id), submitted);
      return queryClient.invalidateQueries({ queryKey: referralKeys.lists() });
    },
  });
}
