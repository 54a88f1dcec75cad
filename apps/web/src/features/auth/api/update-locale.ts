import type { Locale, Me } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

export const updateLocale = (locale: Locale): Promise<Me> => api.patch<Me>('/auth/me', { locale });

/** Remembers the language on the account, so it follows the person to other devices. */
export function useUpdateLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLocale,
    onSuccess: (me) => queryClient.setQueryData(authKeys.me(), me),
  });
}
