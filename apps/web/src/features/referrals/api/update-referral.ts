import type { ReferralDetail, ReferralDraftInput } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

export interface UpdateReferralVariables {
  id: string;
  version: number;
  fields: ReferralDraftInput;
}

/** DRAFT or NEEDS_INFO, author only; a stale `version` answers 409 `STALE_VERSION` with `currentVersion`. */
export const updateReferral = ({ id, version, fields }: UpdateReferralVariables): Promise<ReferralDetail> =>
  api.patch<ReferralDetail>(`/referrals/${encodeURIComponent(id)}`, { ...fields, version });

export function useUpdateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateReferral,
    onSuccess: (saved) => {
      queryClient.setQueryData(referralKeys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: referralKeys.lists() });
    },
  });
}
