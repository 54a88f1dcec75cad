import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/app-exception';

/** One message for an unknown e-mail and a wrong password, so sign-in does not reveal who has an account. */
export const invalidCredentials = (): AppException =>
  new AppException(HttpStatus.UNAUTHORIZED, {
    code: 'AUTH_INVALID_CREDENTIALS',
    message: 'The e-mail or password is not correct.',
  });

export const accountLocked = (): AppException =>
  new AppException(HttpStatus.LOCKED, {
    code: 'AUTH_LOCKED',
    message:
      'This account is locked after too many failed sign-ins. Ask your administrator to unlock it, or try again later.',
  });

export const notSignedIn = (): AppException =>
  new AppException(HttpStatus.UNAUTHORIZED, { code: 'AUTH_REQUIRED', message: 'Sign in to continue.' });

export const sessionExpired = (): AppException =>
  new AppException(HttpStatus.UNAUTHORIZED, {
    code: 'AUTH_SESSION_EXPIRED',
    message: 'Your session has ended. Sign in again.',
  });

export const csrfRejected = (): AppException =>
  new AppException(HttpStatus.FORBIDDEN, {
    code: 'AUTH_CSRF',
    message: 'This request is missing its X-CSRF-Token header. Reload the page and try again.',
  });

export const permissionDenied = (): AppException =>
  new AppException(HttpStatus.FORBIDDEN, {
    code: 'FORBIDDEN',
    message: 'Your role does not allow this action.',
  });

export const passwordChangeRequired = (): AppException =>
  new AppException(HttpStatus.FORBIDDEN, {
    code: 'AUTH_PASSWORD_CHANGE_REQUIRED',
    message: 'Choose a new password before continuing.',
  });

export const mfaSetupRequired = (): AppException =>
  new AppException(HttpStatus.FORBIDDEN, {
    code: 'AUTH_MFA_SETUP_REQUIRED',
    message: 'Your organization requires two-step verification. Set it up before continuing.',
  });

export const invalidMfaChallenge = (): AppException =>
  new AppException(HttpStatus.UNAUTHORIZED, {
    code: 'AUTH_MFA_INVALID',
    message: 'The code is not correct or the sign-in attempt expired. Sign in again.',
  });
