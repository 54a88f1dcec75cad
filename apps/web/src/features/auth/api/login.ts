import type { LoginRequest, LoginResponse, MfaRequiredResponse } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { startSession } from './start-session';

export type LoginResult = LoginResponse | MfaRequiredResponse;

export const isMfaRequired = (result: LoginResult): result is MfaRequiredResponse =>
  'mfaRequired' in result && result.mfaRequired;

export const login = (body: LoginRequest): Promise<LoginResult> =>
  api.post<LoginResult>('/auth/login', body, { expectUnauthorized: true, sessionless: true });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async (result) => {
      if (!isMfaRequired(result)) await startSession(queryClient, result);
    },
  });
}
