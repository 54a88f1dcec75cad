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
    return parseOrThrow(this.schema, value ?? {});
  }
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
