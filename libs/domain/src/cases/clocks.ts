import { addCalendarDays, addCalendarMonths, addDaysAt, businessDueAt, isBusinessDay } from './calendar';
import { calendarDateIn, PROGRAM_TIME_ZONE } from '../referrals/youth-matching';
import { SERVICE_START_DAYS } from '../referrals/referral-states';

/**
 * The clocks of DOMAIN.md with their defaults. A provider may shorten them; the 20-day service-start clock is
 * statutory (WIC 652.5) and can never be lengthened.
 */
export interface ClockSettings {
  triageBusinessDays: number;
  firstContactBusinessDays: number;
  intakeBusinessDays: number;
  serviceStartDays: number;
  assessmentDays: number;
  casePlanDays: number;
  noContactDays: number;
  targetDays: number;
  maxMonths: number;
  completionNoticeBusinessDays: number;
  followUpToleranceDays: number;
  onHoldMaxDays: number;
  reopenDays: number;
}

export const DEFAULT_CLOCKS: Readonly<ClockSettings> = {
  triageBusinessDays: 1,
  firstContactBusinessDays: 2,
  intakeBusinessDays: 10,
  serviceStartDays: SERVICE_START_DAYS,
  assessmentDays: 14,
  casePlanDays: 30,
  noContactDays: 30,
  targetDays: 90,
  maxMonths: 6,
  completionNoticeBusinessDays: 5,
  followUpToleranceDays: 14,
  onHoldMaxDays: 30,
  reopenDays: 30,
};

/** Outreach attempt rule: >= 3 attempts over >= 2 modalities within 10 business days. */
export const OUTREACH_RULE = { attempts: 3, modalities: 2, windowBusinessDays: 10 } as const;

export interface CaseClockInput {
  receivedAt: Date;
  openedAt: Date;
  intakeCompletedAt: Date | null;
}

/** The due instants of a case's clocks (the same arithmetic the tasks query does in SQL). */
export function caseClocks(c: CaseClockInput, s: ClockSettings = DEFAULT_CLOCKS) {
  const openedDate = calendarDateIn(c.openedAt, PROGRAM_TIME_ZONE);
  return {
    dueServiceStartAt: addDaysAt(c.receivedAt, s.serviceStartDays),
    intakeDueAt: businessDueAt(c.receivedAt, s.intakeBusinessDays),
    assessmentDueAt: addDaysAt(c.intakeCompletedAt ?? c.openedAt, s.assessmentDays),
    casePlanDueAt: addDaysAt(c.receivedAt, s.casePlanDays),
    targetEndAt: addDaysAt(c.openedAt, s.targetDays),
    maxEndAt: new Date(
      c.openedAt.getTime() +
        (Date.parse(addCalendarMonths(openedDate, s.maxMonths)) - Date.parse(openedDate)),
    ),
  };
}

/** Follow-ups are due 6 and 12 months after closure (± the tolerance). */
export function followUpDueAt(closedAt: Date, window: 'M6' | 'M12'): Date {
  const months = window === 'M6' ? 6 : 12;
  const closedDate = calendarDateIn(closedAt, PROGRAM_TIME_ZONE);
  return new Date(
    closedAt.getTime() + (Date.parse(addCalendarMonths(closedDate, months)) - Date.parse(closedDate)),
  );
}

/**
 * A follow-up is recorded in its window, due ± the tolerance: an outcome recorded months early would count a youth
 * as not re-contacted before the months have passed (recidivism). New-contact facts may be noted any time.
 */
export function followUpWindow(
  dueAt: Date,
  s: ClockSettings = DEFAULT_CLOCKS,
): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: addDaysAt(dueAt, -s.followUpToleranceDays),
    closesAt: addDaysAt(dueAt, s.followUpToleranceDays),
  };
}

export function reopenUntil(closedAt: Date, s: ClockSettings = DEFAULT_CLOCKS): Date {
  return addDaysAt(closedAt, s.reopenDays);
}

/** Notices are kept at least 30 days (WIC 652.5); the program keeps them three years. */
export function noticeRetainUntil(sentAt: Date): Date {
  const date = calendarDateIn(sentAt, PROGRAM_TIME_ZONE);
  return new Date(sentAt.getTime() + (Date.parse(addCalendarMonths(date, 36)) - Date.parse(date)));
}

/**
 * Every business day from `from` to `to` inclusive, in order. The database keeps this as the table
 * `business_days` (with an ordinal) so the tasks query adds business days in SQL with the same holidays.
 */
export function businessDaysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) if (isBusinessDay(d)) out.push(d);
  return out;
}
