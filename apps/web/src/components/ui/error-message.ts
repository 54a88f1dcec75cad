import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api-client';

/** A message a person can act on, for errors that no screen handles more specifically. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('common.errors.network');
    if (error.status === 403) return t('common.errors.forbidden');
    if (error.status === 404) return t('common.errors.notFound');
    if (error.status === 429) return t('common.errors.rateLimited');
    if (error.status === 400) return t('common.errors.validation');
  }
  return t('common.errors.generic');
}
