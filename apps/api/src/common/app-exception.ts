import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorDetail } from '@pathways/contracts';

export interface AppExceptionBody {
  code: string;
  message: string;
  details?: ErrorDetail[];
  currentStatus?: string;
  currentVersion?: number;
}

/** An error a person can act on: an HTTP status, a stable code and a plain message (STYLE.md). */
export class AppException extends HttpException {
  constructor(status: HttpStatus, body: AppExceptionBody) {
    super(body, status);
  }

  get body(): AppExceptionBody {
    return this.getResponse() as AppExceptionBody;
  }
}

export const notFound = (what = 'Record'): AppException =>
  new AppException(HttpStatus.NOT_FOUND, { code: 'NOT_FOUND', message: `${what} not found` });

export const staleVersion = (currentVersion: number): AppException =>
  new AppException(HttpStatus.CONFLICT, {
    code: 'STALE_VERSION',
    message: 'Someone else changed this record after you opened it. Reload to see the current version.',
    currentVersion,
  });

export const validationFailed = (details: ErrorDetail[]): AppException =>
  new AppException(HttpStatus.BAD_REQUEST, {
    code: 'VALIDATION_FAILED',
    message: 'Some fields are not valid',
    details,
  });

export const transitionNotAllowed = (currentStatus: string, action: string): AppException =>
  new AppException(HttpStatus.CONFLICT, {
    code: 'TRANSITION_NOT_ALLOWED',
    message: `This record is ${currentStatus}; "${action}" is not possible from there. Reload to see its current state.`,
    currentStatus,
  });
