import type { CreateUserRequest, OneTimePasswordResponse } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const createUser = (body: CreateUserRequest): Promise<OneTimePasswordResponse> =>
  api.post<OneTimePasswordResponse>('/admin/users', body);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
