import type { CreateReferralResponse, ReferralDraftInput, ReferralSubmitInput } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

export type CreateReferralBody =
  ({ submit: false } & ReferralDraftInput) | ({ submit: true } & ReferralSubmitInput);

export interface CreateReferralVariables {
  body: CreateReferralBody;
  /** One key per form session, reused on every retry: the API then creates the referral at most once. */
  idempotencyKey: string;
}

export const createReferral = ({
  body,
  idempotencyKey,
}: CreateReferralVariables): Promise<CreateReferralResponse> =>
  api.post<CreateReferralResponse>('/referrals', body, { headers: { 'Idempotency-Key': idempotencyKey } });

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReferral,
    onSuccess: (created) => {
      queryClient.setQueryData(referralKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: referralKeys.lists() });
    },
  });
}
