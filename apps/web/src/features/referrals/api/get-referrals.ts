import {
  PATHWAYS,
  REFERRAL_STATUSES,
  type Page,
  type Pathway,
  type ReferralListItem,
  type ReferralListQuery,
  type ReferralStatus,
} from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { referralKeys } from './referral-keys';

export const getReferrals = (
  params: ReferralListQuery,
  signal?: AbortSignal,
): Promise<Page<ReferralListItem>> =>
  api.get<Page<ReferralListItem>>('/referrals', { query: { ...params }, signal });

export const referralQueries = {
  list: (params: ReferralListQuery) =>
    queryOptions({
      queryKey: referralKeys.list(params),
      queryFn: ({ signal }) => getReferrals(params, signal),
      placeholderData: keepPreviousData,
    }),
};

export const useReferrals = (params: ReferralListQuery) => useQuery(referralQueries.list(params));

export const REFERRAL_PAGE_SIZE = 20;
export const REFERRAL_SORTS = [
  'receivedAt:desc',
  'receivedAt:asc',
  'createdAt:desc',
  'dueServiceStartAt:asc',
  'referenceNumber:asc',
  'status:asc',
] as const;
export type ReferralSort = (typeof REFERRAL_SORTS)[number];
export const DEFAULT_REFERRAL_SORT: ReferralSort = 'receivedAt:desc';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isStatus = (v: string | null): v is ReferralStatus =>
  v !== null && (REFERRAL_STATUSES as readonly string[]).includes(v);
const isPathway = (v: string | null): v is Pathway =>
  v !== null && (PATHWAYS as readonly string[]).includes(v);
const isSort = (v: string | null): v is ReferralSort =>
  v !== null && (REFERRAL_SORTS as readonly string[]).includes(v);

/** The list filters live in the URL, so a reload, the back button or a shared link keeps them. */
export function parseReferralFilters(search: URLSearchParams): ReferralListQuery {
  const status = search.get('status');
  const pathway = search.get('pathway');
  const schoolId = search.get('schoolId');
  const q = search.get('q')?.trim().slice(0, 100);
  const from = search.get('from');
  const to = search.get('to');
  const sort = search.get('sort');
  const page = Number(search.get('page'));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: REFERRAL_PAGE_SIZE,
    sort: isSort(sort) ? sort : DEFAULT_REFERRAL_SORT,
    ...(isStatus(status) ? { status } : {}),
    ...(isPathway(pathway) ? { pathway } : {}),
    ...(schoolId && UUID.test(schoolId) ? { schoolId } : {}),
    ...(q ? { q } : {}),
    ...(from && DATE.test(from) ? { from } : {}),
    ...(to && DATE.test(to) ? { to } : {}),
  };
}

export function referralFiltersToSearch(filters: ReferralListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.pathway) params.set('pathway', filters.pathway);
  if (filters.schoolId) params.set('schoolId', filters.schoolId);
  if (filters.q) params.set('q', filters.q);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.sort && filters.sort !== DEFAULT_REFERRAL_SORT) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}
