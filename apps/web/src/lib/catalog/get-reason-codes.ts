import type { ReasonCode } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api-client';
import { CATALOG_STALE_TIME, catalogKeys } from './catalog-keys';

export const getReasonCodes = (signal?: AbortSignal): Promise<ReasonCode[]> =>
  api.get<ReasonCode[]>('/reason-codes', { signal });

export const reasonCodeQueries = {
  list: () =>
    queryOptions({
      queryKey: catalogKeys.reasonCodes(),
      queryFn: ({ signal }) => getReasonCodes(signal),
      staleTime: CATALOG_STALE_TIME,
    }),
};

export const useReasonCodes = () => useQuery(reasonCodeQueries.list());

/** The catalog label in the active language (Spanish where the catalog has one). */
export function reasonCodeLabel(code: ReasonCode, locale: string): string {
  return locale === 'es' && code.labelEs ? code.labelEs : code.label;
}

/** code -> label, for showing stored codes; an unknown code is shown as stored. */
export function reasonCodeLabeller(
  codes: ReasonCode[] | undefined,
  locale: string,
): (code: string) => string {
  const byCode = new Map((codes ?? []).map((c) => [c.code, reasonCodeLabel(c, locale)]));
  return (code) => byCode.get(code) ?? code;
}
