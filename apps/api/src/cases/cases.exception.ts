import { HttpStatus } from '@nestjs/common';
import type { CaseStatus } from '@pathways/contracts';
import { AppException } from '../common/app-exception';

/**
 * The case workspace's own refusals. A person acting outside their part of the record gets 403 with a code
 * (the role may touch the case, but not this way); a record in the wrong state gets 409 with `currentStatus`.
 */

/** Clinical data (assessments, clinical and psychotherapy notes) is written by the assigned counselor only. */
export const clinicalWriteDenied = (): AppException =>
  new AppException(HttpStatus.FORBIDDEN, {
    code: 'CLINICAL_WRITE_DENIED',
    message: 'Only the assigned counselor records clinical information on this case.',
  });

/** Holding, reassigning and resuming from hold belong to the provider supervisor. */
export const supervisorOnly = (what: string): AppException =>
  new AppException(HttpStatus.FORBIDDEN, {
    code: 'SUPERVISOR_ONLY',
    message: `Only a provider supervisor can ${what}.`,
  });

/** Two people: whoever asked for a closure (or recorded an override) never approves it. */
export const selfApproval = (what: string): AppException =>
  new AppException(HttpStatus.FORBIDDEN, {
    code: 'SELF_APPROVAL',
    message: `You cannot approve ${what} you asked for yourself. Another supervisor must approve it.`,
  });

/** A closed case is read-only except for notes, consent revocation and follow-ups. */
export const caseClosed = (): AppException =>
  new AppException(HttpStatus.CONFLICT, {
    code: 'CASE_CLOSED',
    message: 'This case is closed. A supervisor can reopen it within 30 days of closing.',
    currentStatus: 'CLOSED' satisfies CaseStatus,
  });

export const reopenWindowPassed = (): AppException =>
  new AppException(HttpStatus.CONFLICT, {
    code: 'REOPEN_WINDOW_PASSED',
    message: 'A case can be reopened only within 30 days of closing. Open a new referral instead.',
    currentStatus: 'CLOSED' satisfies CaseStatus,
  });

export const noteAlreadyAmended = (): AppException =>
  new AppException(HttpStatus.CONFLICT, {
    code: 'NOTE_ALREADY_AMENDED',
    message: 'This note already has an amendment. Amend the latest amendment instead.',
  });

/** An assessment override that is missing or already approved. */
export const overrideNotPending = (currentStatus: 'NO_OVERRIDE' | 'APPROVED'): AppException =>
  new AppException(HttpStatus.CONFLICT, {
    code: 'OVERRIDE_NOT_PENDING',
    message:
      currentStatus === 'APPROVED'
        ? 'This override is already approved.'
        : 'This assessment has no override to approve.',
    currentStatus,
  });

export const consentAlreadyRevoked = (): AppException =>
  new AppException(HttpStatus.CONFLICT, {
    code: 'CONSENT_REVOKED',
    message: 'This consent is already revoked.',
    currentStatus: 'REVOKED',
  });

/** Deny by default: a case role that does not read clinical data gets no assessments. */
export const clinicalReadDenied = (): AppException =>
  new AppException(HttpStatus.FORBIDDEN, {
    code: 'CLINICAL_READ_DENIED',
    message: 'Your role on this case does not include clinical information.',
  });
