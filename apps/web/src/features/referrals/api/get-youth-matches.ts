import type { YouthMatchMinimal, YouthMatchQuery } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

export const getYouthMatches = (
  params: YouthMatchQuery,
  signal?: AbortSignal,
): Promise<YouthMatchMinimal[]> =>
  api.get<YouthMatchMinimal[]>('/youth/matches', { query: { ...params }, signal });

export const youthMatchQueries = {
  list: (params: YouthMatchQuery) =>
    queryOptions({
      queryKey: referralKeys.youthMatches(params),
      queryFn: ({ signal }) => getYouthMatches(params, signal),
      staleTime: 60_000,
    }),
};

/** Asks only once both names are typed; `params` is already debounced by the caller. */
export const useYouthMatches = (params: YouthMatchQuery | null) =>
  useQuery({
    ...youthMatchQueries.list(params ?? { firstName: '', lastName: '' }),
    enabled: params !== null,
  });
