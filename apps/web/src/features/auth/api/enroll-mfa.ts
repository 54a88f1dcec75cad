import type { MfaEnrollResponse } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

/** Without a code: a new secret for the authenticator app. With the app's first code: turns two-step sign-in on. */
export const enrollMfa = (code?: string): Promise<MfaEnrollResponse> =>
  api.post<MfaEnrollResponse>('/auth/mfa/enroll', code === undefined ? {} : { code });

export function useEnrollMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enrollMfa,
    onSuccess: (result) => {
      if (result.enabled) void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}
