import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

/** Deletes a DRAFT (204); submitted referrals cannot be deleted, only withdrawn. */
export const discardReferral = (id: string): Promise<void> =>
  api.delete<void>(`/referrals/${encodeURIComponent(id)}`);

export function useDiscardReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: discardReferral,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: referralKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: referralKeys.lists() });
    },
  });
}
