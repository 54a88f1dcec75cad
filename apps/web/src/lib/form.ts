import type { z } from 'zod';
import type { FieldValues, Path, RefCallBack, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-client';
import { i18n } from './i18n';

/**
 * Turns zod issues into messages in the active language. Schemas from @pathways/contracts carry no custom
 * messages, so this map decides the wording that people see under each field.
 */
export const localizedErrorMap: z.core.$ZodErrorMap = (issue) => {
  const t = i18n.t.bind(i18n);
  if (issue.code === 'invalid_type') {
    return issue.input === undefined || issue.input === null || issue.input === ''
      ? t('common.validation.required')
      : t('common.validation.invalid');
  }
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (issue.origin !== 'string') return t('common.validation.invalid');
    return min <= 1 ? t('common.validation.required') : t('common.validation.tooShort', { min });
  }
  if (issue.code === 'too_big') {
    return issue.origin === 'string'
      ? t('common.validation.tooLong', { max: Number(issue.maximum) })
      : t('common.validation.invalid');
  }
  if (issue.code === 'invalid_format' && issue.format === 'email') return t('common.validation.email');
  if (issue.code === 'invalid_value') return t('common.validation.choose');
  return t('common.validation.invalid');
};

/** Second argument of `zodResolver`: localized messages for every form. */
export const zodOptions = { error: localizedErrorMap };

/**
 * Maps the `details` of an API 400 onto form fields. Returns the details that match no field, so the
 * form can show them in its summary instead of dropping them.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string[] {
  if (!isApiError(error)) return [];
  const unmatched: string[] = [];
  let focused = false;
  for (const detail of error.details) {
    const path = detail.path.replace(/^body\./, '');
    const field = fields.find((candidate) => candidate === path);
    if (field) {
      setError(field, { type: 'server', message: detail.message }, { shouldFocus: !focused });
      focused = true;
    } else {
      unmatched.push(detail.message);
    }
  }
  return unmatched;
}

/**
 * Binds a Mantine Select to a react-hook-form Controller field holding a string ('' when nothing is chosen).
 * Spread into the Select: `<Select {...selectFieldProps(field, fieldState)} />`.
 */
export function selectFieldProps(
  field: { value: unknown; onChange: (value: string) => void; onBlur: () => void; ref: RefCallBack },
  fieldState: { error?: { message?: string } },
) {
  return {
    value: (field.value as string | undefined) || null,
    onChange: (value: string | null) => field.onChange(value ?? ''),
    onBlur: field.onBlur,
    ref: field.ref,
    error: fieldState.error?.message,
  };
}
