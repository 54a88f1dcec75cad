import type { ContactModality } from '@pathways/contracts';
import { addBusinessDays } from './calendar';
import { OUTREACH_RULE } from './clocks';
import { calendarDateIn, PROGRAM_TIME_ZONE } from '../referrals/youth-matching';

export interface OutreachAttempt {
  occurredAt: Date;
  modality: ContactModality;
}

/**
 * The attempt rule of DOMAIN.md before a referral may close as UNABLE_TO_CONTACT: at least 3 attempts over at
 * least 2 modalities, all within a window of 10 business days (counted in the program's time zone).
 */
export function attemptRuleMet(attempts: readonly OutreachAttempt[]): boolean {
  const sorted = [...attempts].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (let i = 0; i < sorted.length; i++) {
    const start = calendarDateIn(sorted[i].occurredAt, PROGRAM_TIME_ZONE);
    const last = addBusinessDays(start, OUTREACH_RULE.windowBusinessDays);
    const inWindow = sorted.slice(i).filter((a) => calendarDateIn(a.occurredAt, PROGRAM_TIME_ZONE) <= last);
    const modalities = new Set(inWindow.map((a) => a.modality));
    if (inWindow.length >= OUTREACH_RULE.attempts && modalities.size >= OUTREACH_RULE.modalities) return true;
  }
  return false;
}
