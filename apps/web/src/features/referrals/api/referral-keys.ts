import type { ReferralListQuery, YouthMatchQuery } from '@pathways/contracts';

export const referralKeys = {
  all: ['referrals'] as const,
  lists: () => [...referralKeys.all, 'list'] as const,
  list: (params: ReferralListQuery) => [...referralKeys.lists(), params] as const,
  details: () => [...referralKeys.all, 'detail'] as const,
  detail: (id: string) => [...referralKeys.details(), id] as const,
  /** Outreach attempts on one referral; under its detail, so reloading the referral reloads them too. */
  contacts: (id: string) => [...referralKeys.detail(id), 'contacts'] as const,
  youthMatches: (params: YouthMatchQuery) => [...referralKeys.all, 'youth-matches', params] as const,
};
