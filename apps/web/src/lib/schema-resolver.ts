import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { localizedErrorMap } from './form';

/**
 * A react-hook-form resolver for forms whose inputs hold strings: `toPayload` turns what the inputs hold into the
 * contract's shape, the contract schema validates it, and each issue lands on the input of the same path.
 */
export function payloadResolver<TValues extends FieldValues, TSchema extends z.ZodType>(
  schema: TSchema,
  toPayload: (values: TValues) => unknown,
): Resolver<TValues, unknown, z.output<TSchema>> {
  return (values, _context, options) => {
    const result = schema.safeParse(toPayload(values), { error: localizedErrorMap });
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      // A list's item error (reasonCodes.2) belongs to the list's input.
      const path = issue.path
        .map(String)
        .filter((p) => !/^\d+$/.test(p))
        .join('.');
      if (!flat[path]) flat[path] = { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}

/** `<input type="datetime-local">` value for an instant, in the device's time zone. */
export function toLocalDateTimeInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as an ISO instant (UTC); the raw text when it is not a date, so validation names it. */
export function localDateTimeToIso(value: string): string {
  const d = new Date(value);
  return value && !Number.isNaN(d.getTime()) ? d.toISOString() : value;
}
