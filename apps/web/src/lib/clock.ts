const DAY_MS = 86_400_000;

/** Whole days from `now` until `value` (negative once it has passed); null for a missing or invalid instant. */
export function daysUntil(value: string | null | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return null;
  return Math.floor((at - now.getTime()) / DAY_MS);
}

/** Whole days since `value` (0 on the day itself); null for a missing or invalid instant. */
export function daysSince(value: string | null | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((now.getTime() - at) / DAY_MS));
}

export type DueState = 'overdue' | 'near' | 'ok';

/** Past the instant: overdue; within `nearDays` of it: near; otherwise ok. */
export function dueState(
  value: string | null | undefined,
  nearDays: number,
  now: Date = new Date(),
): DueState {
  if (!value) return 'ok';
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return 'ok';
  if (at < now.getTime()) return 'overdue';
  return at - now.getTime() <= nearDays * DAY_MS ? 'near' : 'ok';
}

/** The instant at the end of the local day of `now` (23:59:59.999), for "due today". */
export function endOfToday(now: Date = new Date()): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}
