import type { LoginResponse } from '@pathways/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { csrfToken } from '../../../lib/api-client';
import { i18n } from '../../../lib/i18n';
import { sessionClock } from '../../../lib/session-clock';
import { authKeys } from './auth-keys';

/**
 * After login or MFA: keep the CSRF token and the session's deadlines (for the expiry warning), seed the session
 * query, switch to the user's language.
 */
export async function startSession(queryClient: QueryClient, response: LoginResponse): Promise<void> {
  csrfToken.set(response.csrfToken);
  sessionClock.start(response);
  queryClient.removeQueries();
  queryClient.setQueryData(authKeys.me(), response.user);
  if (i18n.language !== response.user.locale) await i18n.changeLanguage(response.user.locale);
}

export function endSession(queryClient: QueryClient): void {
  csrfToken.clear();
  sessionClock.end();
  queryClient.removeQueries();
}
