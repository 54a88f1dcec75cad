import type { PipeTransform } from '@nestjs/common';
import { FOLLOW_UP_WINDOWS, type ErrorDetail, type FollowUpWindow } from '@pathways/contracts';
import { validationFailed } from '../common/app-exception';

/** A browser's clock may run a little ahead of the server's: "now" from a form is still the past. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Adds a problem when `value` (an ISO instant) lies in the future; returns it as a Date. */
export function pastInstant(
  value: string | undefined,
  path: string,
  now: Date,
  problems: ErrorDetail[],
): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    problems.push({ path, message: 'This cannot be in the future' });
  return at;
}

/** The route an Idempotency-Key is scoped to: the same key on another case is another request. */
export function caseRoute(caseId: string, part: string): string {
  return `POST /api/cases/${caseId}/${part}`;
}

/** `:window` of the follow-up routes: M6 or M12, else 400 naming the parameter. */
export class FollowUpWindowPipe implements PipeTransform<string, FollowUpWindow> {
  transform(value: string): FollowUpWindow {
    const window = FOLLOW_UP_WINDOWS.find((w) => w === value);
    if (!window) throw validationFailed([{ path: 'window', message: 'Use M6 or M12' }]);
    return window;
  }
}
