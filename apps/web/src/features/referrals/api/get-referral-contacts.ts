import type { OutreachSummary } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

export const getReferralContacts = (id: string, signal?: AbortSignal): Promise<OutreachSummary> =>
  api.get<OutreachSummary>(`/referrals/${encodeURIComponent(id)}/contacts`, { signal });

export const referralContactQueries = {
  list: (id: string) =>
    queryOptions({
      queryKey: referralKeys.contacts(id),
      queryFn: ({ signal }) => getReferralContacts(id, signal),
    }),
};

export const useReferralContacts = (id: string, enabled = true) =>
  useQuery({ ...referralContactQueries.list(id), enabled });
