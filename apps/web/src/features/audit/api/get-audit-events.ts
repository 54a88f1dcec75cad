import {
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  type AuditAction,
  type AuditEventView,
  type AuditExportQuery,
  type AuditOutcome,
  type AuditQuery,
  type Page,
} from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { auditKeys } from './audit-keys';

export const AUDIT_PAGE_SIZE = 25;

export const getAuditEvents = (params: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEventView>> =>
  api.get<Page<AuditEventView>>('/audit', { query: params, signal });

export const auditQueries = {
  list: (params: AuditQuery) =>
    queryOptions({
      queryKey: auditKeys.list(params),
      queryFn: ({ signal }) => getAuditEvents(params, signal),
      placeholderData: keepPreviousData,
    }),
};

export const useAuditEvents = (params: AuditQuery) => useQuery(auditQueries.list(params));

/** The console's filters as they sit in the URL: dates are calendar days, read in the browser's time zone. */
export interface AuditFilters {
  actorId?: string;
  action?: AuditAction;
  outcome?: AuditOutcome;
  entityType?: string;
  entityId?: string;
  /** `YYYY-MM-DD`, inclusive. */
  fromDate?: string;
  toDate?: string;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ENTITY = /^[a-z_-]{1,60}$/;

export function parseAuditFilters(search: URLSearchParams): AuditFilters {
  const get = (k: string) => search.get(k)?.trim() || undefined;
  const action = get('action');
  const outcome = get('outcome');
  const page = Number(get('page') ?? 1);
  return {
    ...(get('actorId') && UUID.test(get('actorId')!) ? { actorId: get('actorId') } : {}),
    ...(action && (AUDIT_ACTIONS as readonly string[]).includes(action)
      ? { action: action as AuditAction }
      : {}),
    ...(outcome && (AUDIT_OUTCOMES as readonly string[]).includes(outcome)
      ? { outcome: outcome as AuditOutcome }
      : {}),
    ...(get('entityType') && ENTITY.test(get('entityType')!) ? { entityType: get('entityType') } : {}),
    ...(get('entityId') && UUID.test(get('entityId')!) ? { entityId: get('entityId') } : {}),
    ...(get('from') && DATE.test(get('from')!) ? { fromDate: get('from') } : {}),
    ...(get('to') && DATE.test(get('to')!) ? { toDate: get('to') } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function auditFiltersToSearch(f: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.actorId) params.set('actorId', f.actorId);
  if (f.action) params.set('action', f.action);
  if (f.outcome) params.set('outcome', f.outcome);
  if (f.entityType) params.set('entityType', f.entityType);
  if (f.entityId) params.set('entityId', f.entityId);
  if (f.fromDate) params.set('from', f.fromDate);
  if (f.toDate) params.set('to', f.toDate);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

/** The day's first instant in the browser's time zone; `to` is exclusive, so the last day is included. */
const startOfLocalDay = (date: string, plusDays = 0): string => {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

export function toExportQuery(f: AuditFilters): AuditExportQuery {
  return {
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.fromDate ? { from: startOfLocalDay(f.fromDate) } : {}),
    ...(f.toDate ? { to: startOfLocalDay(f.toDate, 1) } : {}),
  };
}

export function toAuditQuery(f: AuditFilters): AuditQuery {
  return { ...toExportQuery(f), page: f.page, pageSize: AUDIT_PAGE_SIZE };
}

/** A plain link: the browser downloads the CSV with the session cookie (a GET needs no CSRF token). */
export function auditExportHref(f: AuditFilters): string {
  const search = new URLSearchParams(
    Object.entries(toExportQuery(f)).filter((e): e is [string, string] => typeof e[1] === 'string'),
  ).toString();
  return `/api/audit/export${search ? `?${search}` : ''}`;
}
