import type { ServiceEnrollmentView, ServiceType } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api-client';
import { CATALOG_STALE_TIME, catalogKeys } from './catalog-keys';

export const getServiceTypes = (signal?: AbortSignal): Promise<ServiceType[]> =>
  api.get<ServiceType[]>('/service-types', { signal });

export const serviceTypeQueries = {
  list: () =>
    queryOptions({
      queryKey: catalogKeys.serviceTypes(),
      queryFn: ({ signal }) => getServiceTypes(signal),
      staleTime: CATALOG_STALE_TIME,
    }),
};

export const useServiceTypes = () => useQuery(serviceTypeQueries.list());

/** The catalog label in the active language (Spanish where the catalog has one). */
export function serviceTypeLabel(type: ServiceType, locale: string): string {
  return locale === 'es' && type.labelEs ? type.labelEs : type.label;
}

/** A case's service enrollment named in the active language (its code where the catalog has no label). */
export function serviceEnrollmentName(
  s: Pick<ServiceEnrollmentView, 'serviceType' | 'serviceTypeLabel' | 'serviceTypeLabelEs'>,
  locale: string,
): string {
  return (locale === 'es' && s.serviceTypeLabelEs) || s.serviceTypeLabel || s.serviceType;
}
