import type { RetentionKind, RetentionValues } from '@pathways/contracts';
import { addCalendarMonths } from '../cases/calendar';
import { calendarDateIn, PROGRAM_TIME_ZONE } from '../referrals/youth-matching';
import { RETENTION_MIN_AGE_YEARS } from './organization-settings';

/**
 * The retention schedule turned into cut-off instants. The retention job's SQL selects with these, and the rule
 * below says the same thing for one record, so the two can be tested against each other.
 */
export interface RetentionCutoffs {
  /** Closed cases whose closure is before this are past retention... */
  closedCasesBefore: Date;
  /** ...as are referrals that ended without a case before this... */
  endedReferralsBefore: Date;
  /** ...but a youth's records stay until the youth is 19: born on or before this date. */
  bornOnOrBefore: string;
  /** Sessions that ended (expired or revoked) before this are purged. */
  sessionsEndedBefore: Date;
  /** Idempotency keys that expired before this are purged. */
  idempotencyExpiredBefore: Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** `instant` moved by whole calendar months in the program's time zone (keeps the time of day). */
function monthsBefore(instant: Date, months: number): Date {
  const date = calendarDateIn(instant, PROGRAM_TIME_ZONE);
  return new Date(instant.getTime() + (Date.parse(addCalendarMonths(date, -months)) - Date.parse(date)));
}

export function retentionCutoffs(now: Date, schedule: RetentionValues): RetentionCutoffs {
  const today = calendarDateIn(now, PROGRAM_TIME_ZONE);
  return {
    closedCasesBefore: monthsBefore(now, schedule.closedCaseMonths),
    endedReferralsBefore: monthsBefore(now, schedule.endedReferralMonths),
    bornOnOrBefore: addCalendarMonths(today, -12 * RETENTION_MIN_AGE_YEARS),
    sessionsEndedBefore: new Date(now.getTime() - schedule.sessionDays * DAY_MS),
    idempotencyExpiredBefore: new Date(now.getTime() - schedule.idempotencyKeyHours * HOUR_MS),
  };
}

export interface YouthRecordEnd {
  /** When the record ended: the case's closure, or the referral's end without a case. */
  endedAt: Date;
  kind: Extract<RetentionKind, 'CLOSED_CASES' | 'ENDED_REFERRALS'>;
  dateOfBirth: string;
}

/** Whether one closed case or ended referral is past retention and may be de-identified. */
export function isPastRetention(record: YouthRecordEnd, now: Date, schedule: RetentionValues): boolean {
  const c = retentionCutoffs(now, schedule);
  const before = record.kind === 'CLOSED_CASES' ? c.closedCasesBefore : c.endedReferralsBefore;
  return record.endedAt.getTime() < before.getTime() && record.dateOfBirth <= c.bornOnOrBefore;
}

/** What the job does to each kind of record: identity is removed from youth records, other rows deleted. */
export const RETENTION_ACTION_OF = {
  CLOSED_CASES: 'DEIDENTIFY',
  ENDED_REFERRALS: 'DEIDENTIFY',
  SESSIONS: 'PURGE',
  IDEMPOTENCY_KEYS: 'PURGE',
} as const satisfies Record<RetentionKind, 'DEIDENTIFY' | 'PURGE'>;

/** Replaces names in de-identified records (a constant, so the record still reads as a record). */
export const REDACTED = '[removed]';
