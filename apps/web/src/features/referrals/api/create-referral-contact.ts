import type { ContactRequest, ContactView } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workKeys } from '../../../lib/work/work-keys';
import { referralKeys } from './referral-keys';

export const createReferralContact = ({
  id,
  body,
}: {
  id: string;
  body: ContactRequest;
}): Promise<ContactView> => api.post<ContactView>(`/referrals/${encodeURIComponent(id)}/contacts`, body);

/** A COMPLETED contact moves OUTREACH to CONSENT_PENDING, so the referral itself reloads too. */
export function useCreateReferralContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReferralContact,
    onSuccess: (_contact, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referralKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: referralKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: workKeys.all }),
      ]),
  });
}
