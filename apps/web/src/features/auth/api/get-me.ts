import type { Me } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, csrfToken } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

/** Also picks up the session's CSRF token, so a tab opened after sign-in (empty sessionStorage) can write. */
export const getMe = async (signal?: AbortSignal): Promise<Me> => {
  const me = await api.get<Me>('/auth/me', { signal });
  if (me.csrfToken) csrfToken.set(me.csrfToken);
  return me;
};

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    // The server enforces the idle timeout; refetching on focus notices an expired session promptly.
    staleTime: 60_000,
  });

export const useMe = () => useQuery(meQueryOptions());
