import type { TFunction } from 'i18next';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../components/ui/error-message';

/** One message for unknown e-mail and wrong password alike, as the API does. */
export function loginErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error, 401)) return t('auth.signIn.invalidCredentials');
  if (isApiError(error, 423) || (isApiError(error) && error.code === 'AUTH_LOCKED'))
    return t('auth.signIn.locked');
  if (isApiError(error, 429)) return t('auth.signIn.rateLimited');
  return errorMessage(error, t);
}
