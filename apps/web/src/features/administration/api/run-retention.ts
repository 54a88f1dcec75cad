import type { RetentionReport } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { administrationKeys } from './administration-keys';

export const runRetention = (): Promise<RetentionReport> => api.post<RetentionReport>('/admin/retention/run');

export function useRunRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runRetention,
    onSettled: () => queryClient.invalidateQueries({ queryKey: administrationKeys.retention() }),
  });
}
