import { useState, type BaseSyntheticEvent } from 'react';
import type { FieldValues, Path, UseFormReturn, UseFormSetError } from 'react-hook-form';
import { useUnsavedChangesGuard } from '../../../components/ui/unsaved-changes';
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

/**
 * The submit of every case form: send the validated body, then `onSaved`; on failure a 400's details land on
 * their fields and what matches no field is returned as `unmatched` for the form's alert. Unsaved input is guarded
 * (leaving the page, closing the dialog) until it is saved.
 */
export function useServerSubmit<V extends FieldValues, B>(
  form: UseFormReturn<V, unknown, B>,
  fields: readonly Path<V>[],
  send: (body: B) => Promise<unknown>,
  onSaved: () => void,
): { onSubmit: (event?: BaseSyntheticEvent) => Promise<void>; unmatched: string[] } {
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const onSubmit = form.handleSubmit(async (body) => {
    setUnmatched([]);
    try {
      await send(body);
      guard.release();
      onSaved();
    } catch (error) {
      setUnmatched(serverErrors(error, form.setError, fields));
    }
  });
  return { onSubmit, unmatched };
}
