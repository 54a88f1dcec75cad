import { z } from 'zod';

export const uuidSchema = z.uuid();

/**
 * Years the program's dates live in. PostgreSQL has no year 0000 and the clocks add days, months and years to what
 * they read, so a well-formed date far outside this range would fail in the database instead of as a 400.
 */
const inProgramYears = (value: string) => value.slice(0, 4) >= '1900' && value.slice(0, 4) <= '2999';
const PROGRAM_YEARS_MESSAGE = 'Enter a date between the years 1900 and 2999';
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/** A calendar date, `YYYY-MM-DD`. (A malformed value is the format check's to report, once.) */
export const isoDateSchema = isoDate.refine(
  (v) => !isoDate.safeParse(v).success || inProgramYears(v),
  PROGRAM_YEARS_MESSAGE,
);
/** An instant, ISO-8601 with offset or Z. */
export const isoDateTimeSchema = isoDateTime.refine(
  (v) => !isoDateTime.safeParse(v).success || inProgramYears(v),
  PROGRAM_YEARS_MESSAGE,
);

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/**
 * Lists count their matches only up to this many: past it a list says "1,000+" (and pages through the first 1,000)
 * rather than counting every match of a broad filter over a million records. Narrow the filters to see the rest.
 */
export const LIST_COUNT_CAP = 1000;

export interface Page<T> {
  items: T[];
  /** The number of matches, or LIST_COUNT_CAP when `totalCapped`. */
  total: number;
  /** There are more than LIST_COUNT_CAP matches: `total` is the cap, not the count. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The error body of every non-2xx API response (API.md "Conventions"). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  /** A stable machine-readable code, e.g. `AUTH_LOCKED`. */
  code?: string;
  message: string;
  details?: ErrorDetail[];
  currentStatus?: string;
  currentVersion?: number;
}
