import type { AuditVerifyResponse } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { auditKeys } from './audit-keys';

export const verifyAuditChain = (signal?: AbortSignal): Promise<AuditVerifyResponse> =>
  api.get<AuditVerifyResponse>('/audit/verify', { signal });

export const auditVerifyQueries = {
  status: () =>
    queryOptions({
      queryKey: auditKeys.verify(),
      queryFn: ({ signal }) => verifyAuditChain(signal),
      staleTime: 60_000,
    }),
};

export const useAuditChainStatus = () => useQuery(auditVerifyQueries.status());
