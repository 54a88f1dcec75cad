import type { ReferralListQuery, YouthMatchQuery } from '@pathways/contracts';

export const referralKeys = {
  all: ['referrals'] as const,
  lists: () => [...referralKeys.all, 'list'] as const,
  list: (params: ReferralListQuery) => [...referralKeys.lists(), params] as const,
  details: () => [...referralKeys.all, 'detail'] as const,
  detail: (id: string) => [...referralKeys.details(), id] as const,
  youthMatches: (params: YouthMatchQuery) => [...referralKeys.all, 'youth-matches', params] as const,
};
