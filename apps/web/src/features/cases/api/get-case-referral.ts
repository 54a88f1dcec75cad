import type { ReferralDetail } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { caseKeys } from './case-keys';

/**
 * The referral behind a case, read for what the case view does not carry (the referring agency, to name it in a
 * release of information). Kept under the case's key, apart from the referral screens' cache.
 */
export const getCaseReferral = (referralId: string, signal?: AbortSignal): Promise<ReferralDetail> =>
  api.get<ReferralDetail>(`/referrals/${encodeURIComponent(referralId)}`, { signal });

export const caseReferralQueries = {
  detail: (caseId: string, referralId: string) =>
    queryOptions({
      queryKey: caseKeys.part(caseId, 'referral'),
      queryFn: ({ signal }) => getCaseReferral(referralId, signal),
      staleTime: 5 * 60_000,
    }),
};

export const useCaseReferral = (caseId: string, referralId: string, enabled: boolean) =>
  useQuery({ ...caseReferralQueries.detail(caseId, referralId), enabled });
