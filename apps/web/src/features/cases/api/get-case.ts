import type { CaseDetail } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export const getCase = (id: string, signal?: AbortSignal): Promise<CaseDetail> =>
  api.get<CaseDetail>(casePath(id), { signal });

export const caseDetailQueries = {
  detail: (id: string) =>
    queryOptions({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => getCase(id, signal) }),
};

export const useCase = (id: string) => useQuery(caseDetailQueries.detail(id));
