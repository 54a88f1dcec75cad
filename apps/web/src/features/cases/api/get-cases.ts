import {
  CASE_STATUSES,
  type CaseListItem,
  type CaseListQuery,
  type CaseStatus,
  type Page,
} from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { caseKeys } from './case-keys';

export const getCases = (params: CaseListQuery, signal?: AbortSignal): Promise<Page<CaseListItem>> =>
  api.get<Page<CaseListItem>>('/cases', { query: { ...params }, signal });

export const caseQueries = {
  list: (params: CaseListQuery) =>
    queryOptions({
      queryKey: caseKeys.list(params),
      queryFn: ({ signal }) => getCases(params, signal),
      placeholderData: keepPreviousData,
    }),
};

export const useCases = (params: CaseListQuery) => useQuery(caseQueries.list(params));

export const CASE_PAGE_SIZE = 25;
export const CASE_SORTS = [
  'targetEndAt:asc',
  'lastContactAt:asc',
  'openedAt:desc',
  'openedAt:asc',
  'caseNumber:asc',
  'status:asc',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const DEFAULT_CASE_SORT: CaseSort = 'targetEndAt:asc';

/** `status=ALL` lists closed cases too; no status lists the open ones (the default caseload). */
export const ALL_CASES = 'ALL';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isStatus = (v: string | null): v is CaseStatus =>
  v !== null && (CASE_STATUSES as readonly string[]).includes(v);
const isSort = (v: string | null): v is CaseSort =>
  v !== null && (CASE_SORTS as readonly string[]).includes(v);

/** The list filters live in the URL, so a reload, the back button or a shared link keeps them. */
export function parseCaseFilters(search: URLSearchParams): CaseListQuery {
  const status = search.get('status');
  const counselorId = search.get('counselorId');
  const q = search.get('q')?.trim().slice(0, 100);
  const sort = search.get('sort');
  const page = Number(search.get('page'));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: CASE_PAGE_SIZE,
    sort: isSort(sort) ? sort : DEFAULT_CASE_SORT,
    ...(isStatus(status) ? { status } : status === ALL_CASES ? {} : { open: 'true' as const }),
    ...(counselorId && UUID.test(counselorId) ? { counselorId } : {}),
    ...(q ? { q } : {}),
  };
}

export function caseFiltersToSearch(filters: CaseListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  else if (filters.open !== 'true') params.set('status', ALL_CASES);
  if (filters.counselorId) params.set('counselorId', filters.counselorId);
  if (filters.q) params.set('q', filters.q);
  if (filters.sort && filters.sort !== DEFAULT_CASE_SORT) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}
