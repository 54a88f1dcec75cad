import type { CaseloadRow } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workKeys } from '../../../lib/work/work-keys';

export const getCaseloads = (signal?: AbortSignal): Promise<CaseloadRow[]> =>
  api.get<CaseloadRow[]>('/caseloads', { signal });

export const caseloadQueries = {
  list: () =>
    queryOptions({
      queryKey: workKeys.caseloads(),
      queryFn: ({ signal }) => getCaseloads(signal),
    }),
};

export const useCaseloads = () => useQuery(caseloadQueries.list());
