import type { RetentionOverview, RetentionReport } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { administrationKeys } from './administration-keys';

export const getRetention = (signal?: AbortSignal): Promise<RetentionOverview> =>
  api.get<RetentionOverview>('/admin/retention', { signal });

export const getRetentionDryRun = (signal?: AbortSignal): Promise<RetentionReport> =>
  api.get<RetentionReport>('/admin/retention/dry-run', { signal });

export const retentionQueries = {
  overview: () =>
    queryOptions({ queryKey: administrationKeys.retention(), queryFn: ({ signal }) => getRetention(signal) }),
  /** Always fresh: a dry run answers "what would happen now". */
  dryRun: () =>
    queryOptions({
      queryKey: administrationKeys.dryRun(),
      queryFn: ({ signal }) => getRetentionDryRun(signal),
      staleTime: 0,
    }),
};

export const useRetention = () => useQuery(retentionQueries.overview());
export const useRetentionDryRun = () => useQuery(retentionQueries.dryRun());
