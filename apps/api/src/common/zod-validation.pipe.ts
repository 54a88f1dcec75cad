import { Injectable, type PipeTransform } from '@nestjs/common';
import type { ErrorDetail } from '@pathways/contracts';
import type { ZodType } from 'zod';
import { validationFailed } from './app-exception';

/**
 * Validates a body or query against its contract schema (libs/contracts). A failure is a 400 listing every bad
 * field; unknown fields are rejected by the `.strict()` schemas, so nothing unexpected reaches a service.
 */
@Injectable()
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const input = value ?? {};
    const nul = nullCharacterDetails(input);
    if (nul.length)
      throw validationFailed([
        ...nul,
        ...validationDetails(this.schema, input).filter((d) => !nul.some((n) => n.path === d.path)),
      ]);
    return parseOrThrow(this.schema, input);
  }
}

const NUL_MESSAGE = 'Remove the null character (U+0000): it cannot be stored';

/**
 * Every string (value or key) holding U+0000, which PostgreSQL text and jsonb cannot store: refused here as a 400
 * naming the field, instead of failing in the database as a 500.
 */
export function nullCharacterDetails(value: unknown, path: (string | number)[] = []): ErrorDetail[] {
  const at = (p: (string | number)[]) => (p.length ? p.join('.') : '(body)');
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ path: at(path), message: NUL_MESSAGE }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullCharacterDetails(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [
      ...(key.includes('\u0000') ? [{ path: at([...path, key]), message: NUL_MESSAGE }] : []),
      ...nullCharacterDetails(item, [...path, key]),
    ]);
  return [];
}

/** Every problem of `value` against `schema`, as API error details (path prefixed by `prefix` when given). */
export function validationDetails<T>(schema: ZodType<T>, value: unknown, prefix = ''): ErrorDetail[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.length
      ? issue.path.join('.')
      : issue.code === 'unrecognized_keys'
        ? keysOf(issue)
        : '(body)';
    return { path: prefix && path !== '(body)' ? `${prefix}.${path}` : path, message: issue.message };
  });
}

/** Parses `value` with `schema`, or throws the 400 listing every bad field. Services use it for bodies whose
 * schema depends on their content (a referral draft or a submission). */
export function parseOrThrow<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationFailed(validationDetails(schema, value));
}

function keysOf(issue: { keys?: string[] }): string {
  return issue.keys?.join(',') ?? '(body)';
}
