import type { EnrollRequest, EnrollResponse } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workKeys } from '../../../lib/work/work-keys';
import { referralKeys } from './referral-keys';

export interface EnrollVariables {
  id: string;
  body: EnrollRequest;
  /** One key per enroll dialog: a retry after a lost answer opens the case once. */
  idempotencyKey: string;
}

/** Records the consents and opens the case (201 `{ caseId, caseNumber }`), all or nothing. */
export const enrollReferral = ({ id, body, idempotencyKey }: EnrollVariables): Promise<EnrollResponse> =>
  api.post<EnrollResponse>(`/referrals/${encodeURIComponent(id)}/enroll`, body, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export function useEnrollReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enrollReferral,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referralKeys.all }),
        queryClient.invalidateQueries({ queryKey: workKeys.all }),
      ]),
  });
}
