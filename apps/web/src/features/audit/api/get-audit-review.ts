import type { AuditReview, AuditReviewQuery } from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { auditKeys } from './audit-keys';

export const getAuditReview = (params: AuditReviewQuery, signal?: AbortSignal): Promise<AuditReview> =>
  api.get<AuditReview>('/audit/review', { query: params, signal });

export const auditReviewQueries = {
  week: (params: AuditReviewQuery) =>
    queryOptions({
      queryKey: auditKeys.review(params),
      queryFn: ({ signal }) => getAuditReview(params, signal),
      placeholderData: keepPreviousData,
    }),
};

export const useAuditReview = (params: AuditReviewQuery) => useQuery(auditReviewQueries.week(params));

export function parseReviewWeek(search: URLSearchParams): AuditReviewQuery {
  const weekOf = search.get('week');
  return weekOf && /^\d{4}-\d{2}-\d{2}$/.test(weekOf) ? { weekOf } : {};
}
