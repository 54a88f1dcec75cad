/** The source of "now" for every rule with a clock, so tests can move time (timeouts, lockouts, due dates). */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
