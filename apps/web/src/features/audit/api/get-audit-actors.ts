import type { AuditActor } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { auditKeys } from './audit-keys';

export const getAuditActors = (signal?: AbortSignal): Promise<AuditActor[]> =>
  api.get<AuditActor[]>('/audit/actors', { signal });

export const auditActorQueries = {
  list: () =>
    queryOptions({
      queryKey: auditKeys.actors(),
      queryFn: ({ signal }) => getAuditActors(signal),
      staleTime: 5 * 60_000,
    }),
};

export const useAuditActors = () => useQuery(auditActorQueries.list());
