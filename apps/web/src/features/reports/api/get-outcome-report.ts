import {
  outcomeReportQuerySchema,
  PATHWAYS,
  REPORT_GROUP_BY,
  SCHOOL_LEVELS,
  type OutcomeReport,
  type OutcomeReportQuery,
} from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportKeys } from './report-keys';

export const getOutcomeReport = (params: OutcomeReportQuery, signal?: AbortSignal): Promise<OutcomeReport> =>
  api.get<OutcomeReport>('/reports/outcomes', { query: { ...params }, signal });

export const reportQueries = {
  outcome: (params: OutcomeReportQuery) =>
    queryOptions({
      queryKey: reportKeys.outcome(params),
      queryFn: ({ signal }) => getOutcomeReport(params, signal),
      // A new filter keeps the last report on screen (marked as updating) instead of a blank page.
      placeholderData: keepPreviousData,
    }),
};

export const useOutcomeReport = (params: OutcomeReportQuery) => useQuery(reportQueries.outcome(params));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

/**
 * The report's filters live in the URL (`?from=&to=&schoolId=&schoolLevel=&pathway=&groupBy=`), so a reload, the
 * back button or a shared link shows the same report. Anything the contract would refuse is dropped.
 */
export function parseReportFilters(search: URLSearchParams): OutcomeReportQuery {
  const get = (key: string) => search.get(key)?.trim() || null;
  const schoolId = get('schoolId');
  const schoolLevel = get('schoolLevel');
  const pathway = get('pathway');
  const groupBy = get('groupBy');
  const date = (key: string) => {
    const value = get(key);
    return value && outcomeReportQuerySchema.safeParse({ from: value }).success ? value : undefined;
  };
  const from = date('from');
  const to = date('to');
  const period = outcomeReportQuerySchema.safeParse({ from, to }).success ? { from, to } : {};
  return {
    ...(period.from ? { from: period.from } : {}),
    ...(period.to ? { to: period.to } : {}),
    ...(schoolId && UUID.test(schoolId) ? { schoolId } : {}),
    ...(oneOf(SCHOOL_LEVELS, schoolLevel) ? { schoolLevel } : {}),
    ...(oneOf(PATHWAYS, pathway) ? { pathway } : {}),
    ...(oneOf(REPORT_GROUP_BY, groupBy) ? { groupBy } : {}),
  };
}

export function reportFiltersToSearch(filters: OutcomeReportQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'schoolId', 'schoolLevel', 'pathway', 'groupBy'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

export const hasReportFilters = (filters: OutcomeReportQuery): boolean =>
  Object.values(filters).some((value) => value !== undefined);
