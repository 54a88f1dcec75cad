import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiErrorBody } from '@pathways/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { AppException } from './app-exception';
import { isDatabaseUnavailable } from './database-unavailable';

/** The database is stopped, restarting or out of connections: clients retry after this many seconds. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Fastify errors carry a statusCode and an FST_* code (bad JSON, body too large, unsupported media type). */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
}

/**
 * Renders every error in the API.md shape. Unexpected errors become a 500 with a generic message: no stack,
 * no SQL, no driver text ever reaches the client (QUALITY.md).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      // The error name and its first stack frame only: driver messages may quote submitted values.
      this.logger.error(
        { requestId: request.id, err: { name: err.name, code: (err as FastifyLikeError).code } },
        'unhandled error',
      );
    }
    if (body.code === 'DATABASE_UNAVAILABLE')
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    // JSON whatever the route meant to send: a CSV route's content-type would otherwise make the error unsendable.
    void reply
      .status(body.statusCode)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ApiErrorBody {
    if (exception instanceof AppException) {
      const status = exception.getStatus();
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', ...exception.body };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : (STATUS_CODES[status] ?? 'Error');
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        code: codeForStatus(status),
        message,
      };
    }
    const fastifyError = exception as FastifyLikeError;
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      const status = fastifyError.statusCode;
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        code: fastifyError.code ?? codeForStatus(status),
        message: messageForFastify(status, fastifyError.code),
      };
    }
    if (isDatabaseUnavailable(exception))
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        code: 'DATABASE_UNAVAILABLE',
        message: 'The service cannot reach its database right now. Try again in a few seconds.',
      };
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      code: 'INTERNAL',
      message: `Something went wrong on our side. Quote request ${String(request.id)} if you contact support.`,
    };
  }
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'ERROR';
  }
}

function messageForFastify(status: number, code: string | undefined): string {
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'The request body is not valid JSON';
  if (status === 413) return 'The request is too large';
  if (status === 415) return 'Send JSON (Content-Type: application/json)';
  if (status === 404) return 'Not found';
  return STATUS_CODES[status] ?? 'Bad request';
}
