import type { ReferralDetail } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

export const getReferral = (id: string, signal?: AbortSignal): Promise<ReferralDetail> =>
  api.get<ReferralDetail>(`/referrals/${encodeURIComponent(id)}`, { signal });

export const referralDetailQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: referralKeys.detail(id),
      queryFn: ({ signal }) => getReferral(id, signal),
    }),
};

export const useReferral = (id: string) => useQuery(referralDetailQueries.detail(id));
