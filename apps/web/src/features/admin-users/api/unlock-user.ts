import type { AdminUser } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const unlockUser = (id: string): Promise<AdminUser> =>
  api.post<AdminUser>(`/admin/users/${encodeURIComponent(id)}/unlock`);

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
