import { addCalendarDays, startOfDayIn } from '../cases/calendar';
import { calendarDateIn, PROGRAM_TIME_ZONE } from '../referrals/youth-matching';

export interface ReviewWeek {
  /** The Monday the week starts on, `YYYY-MM-DD`. */
  weekOf: string;
  /** The instants the week spans in the program's time zone: [from, to). */
  from: Date;
  to: Date;
}

/** The Monday-to-Sunday week holding `date` (a calendar date in the program's time zone). */
export function reviewWeek(date: string, timeZone: string = PROGRAM_TIME_ZONE): ReviewWeek {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const monday = addCalendarDays(date, -((weekday + 6) % 7));
  return {
    weekOf: monday,
    from: startOfDayIn(monday, timeZone),
    to: startOfDayIn(addCalendarDays(monday, 7), timeZone),
  };
}

/** The week under review by default: the one holding `now`. */
export function currentReviewWeek(now: Date, timeZone: string = PROGRAM_TIME_ZONE): ReviewWeek {
  return reviewWeek(calendarDateIn(now, timeZone), timeZone);
}
