import type { PublicDashboard } from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportKeys } from './report-keys';

export const getPublicDashboard = (
  year: number | undefined,
  signal?: AbortSignal,
): Promise<PublicDashboard> =>
  api.get<PublicDashboard>('/public/dashboard', { query: { year }, signal, sessionless: true });

export const publicDashboardQueries = {
  detail: (year: number | undefined) =>
    queryOptions({
      queryKey: reportKeys.publicDashboard(year),
      queryFn: ({ signal }) => getPublicDashboard(year, signal),
      placeholderData: keepPreviousData,
      staleTime: 5 * 60_000,
    }),
};

export const usePublicDashboard = (year: number | undefined) => useQuery(publicDashboardQueries.detail(year));

/** `?year=2025`; anything else is the newest year with data (the server's default). */
export function parseDashboardYear(search: URLSearchParams): number | undefined {
  const year = Number(search.get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}
