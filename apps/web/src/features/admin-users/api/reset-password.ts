import type { OneTimePasswordResponse } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const resetPassword = (id: string): Promise<OneTimePasswordResponse> =>
  api.post<OneTimePasswordResponse>(`/admin/users/${encodeURIComponent(id)}/reset-password`);

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
