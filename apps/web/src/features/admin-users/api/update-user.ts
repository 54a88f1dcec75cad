import type { AdminUser, UpdateUserRequest } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const updateUser = ({ id, ...body }: UpdateUserRequest & { id: string }): Promise<AdminUser> =>
  api.patch<AdminUser>(`/admin/users/${encodeURIComponent(id)}`, body);

/** Sends the `version` it read; a 409 means someone else changed the account, so the list reloads either way. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
