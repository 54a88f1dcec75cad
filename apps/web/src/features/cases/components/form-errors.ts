import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { applyServerFieldErrors } from '../../../lib/form';
import { isApiError } from '../../../lib/api-client';

/**
 * After a failed submit: a 400's details land on their fields and the rest are returned for the form's alert;
 * other errors (a 409, a network failure) are left to the alert, which reads the mutation's error.
 */
export function serverErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string[] {
  return isApiError(error, 400) ? applyServerFieldErrors(error, setError, fields) : [];
}
