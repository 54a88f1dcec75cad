import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { endSession } from './start-session';

export const logout = (): Promise<void> =>
  api.post<void>('/auth/logout', undefined, { expectUnauthorized: true, sessionless: true });

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even when the server call fails: the session cookie is useless without the token.
    onSettled: () => endSession(queryClient),
  });
}
