import type { AdminUser } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const resetMfa = (id: string): Promise<AdminUser> =>
  api.post<AdminUser>(`/admin/users/${encodeURIComponent(id)}/reset-mfa`);

export function useResetMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetMfa,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
