import type { LoginResponse, MfaChallengeRequest } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { startSession } from './start-session';

export const verifyMfa = (body: MfaChallengeRequest): Promise<LoginResponse> =>
  api.post<LoginResponse>('/auth/mfa', body, { expectUnauthorized: true, sessionless: true });

export function useVerifyMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyMfa,
    onSuccess: (result) => startSession(queryClient, result),
  });
}
