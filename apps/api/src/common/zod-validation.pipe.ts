import { Injectable, type PipeTransform } from '@nestjs/common';
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
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw validationFailed(
      result.error.issues.map((issue) => ({
        path: issue.path.length
          ? issue.path.join('.')
          : issue.code === 'unrecognized_keys'
            ? keysOf(issue)
            : '(body)',
        message: issue.message,
      })),
    );
  }
}

function keysOf(issue: { keys?: string[] }): string {
  return issue.keys?.join(',') ?? '(body)';
}
