/**
 * SQL text builders for the generator. Every pseudo-random value is a pure function of a row number, the seed and
 * the name of the decision it feeds (`hashint8extended`), never `random()`: the data does not depend on the plan,
 * the row order or parallel workers, and a decision added later draws from its own stream without shifting the
 * others. Times are epoch seconds (float8) until they are written.
 */

export const DAY = 86_400;
export const HOUR = 3_600;
export const MIN = 60;

/**
 * A decision returned to the officer (ineligible, declined, unable to contact, unsuccessful) is mostly answered
 * within days; one in eight waits, but none longer than this: an officer's work list holds last month's returns,
 * not two years of them.
 */
export const RETURN_ANSWERED_WITHIN_DAYS = 30;

/** A SQL string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A uuid literal. */
export const uuidLit = (id: string): string => `'${id}'::uuid`;

/** A text[] literal. */
export const textArray = (xs: readonly string[]): string => `ARRAY[${xs.map(lit).join(',')}]::text[]`;

/** A uuid[] literal (the values are uuids read from the database). */
export const uuidArray = (xs: readonly string[]): string => `'{${xs.join(',')}}'::uuid[]`;

/** FNV-1a (32 bits) of a decision's name: its stream. */
function stream(name: string): bigint {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return BigInt(h);
}

export class Rand {
  private readonly base: bigint;

  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0 || seed >= 2 ** 30)
      throw new Error('--seed must be an integer from 0 to 2^30 - 1');
    this.base = BigInt(seed) << 32n;
  }

  private key(name: string): string {
    return (this.base + stream(name)).toString();
  }

  /** A uniform float in [0, 1) for row `i` (a bigint SQL expression) and decision `name`. */
  u(i: string, name: string): string {
    // The top 53 bits of the hash, scaled exactly into [0, 1) (every value k * 2^-53 is a float8).
    return `((hashint8extended((${i})::bigint, ${this.key(name)}) >> 11)::float8 * 1.1102230246251565e-16 + 0.5)`;
  }

  /** An integer in [lo, hi]. */
  int(i: string, name: string, lo: number, hi: number): string {
    return `(${lo} + floor(${this.u(i, name)} * ${hi - lo + 1}))::int`;
  }

  /**
   * A uuid for row `i` (0 <= i < 2^40) of the id space `name`, in the RFC 9562 version-4 layout (version and variant
   * bits set, so every validator accepts it). The first six bytes are a per-name byte followed by the row number,
   * the rest is hashed: ids grow with the row number, so a table's primary key is written in order (like a
   * time-ordered id) instead of at random places, which keeps the load fast.
   */
  uid(i: string, name: string): string {
    const salt = Number(stream(name) & 0x7fn);
    const high = `((${salt}::bigint << 56) | ((${i})::bigint << 16) | 16384 | (hashint8extended((${i})::bigint, ${this.key(`${name}#uid-a`)}) & 4095))`;
    const low = `((hashint8extended((${i})::bigint, ${this.key(`${name}#uid-b`)}) & 4611686018427387903) | -9223372036854775808)`;
    return `encode(int8send(${high}) || int8send(${low}), 'hex')::uuid`;
  }
}

/** One of `values` (a text array literal of `n` elements) at uniform `u`. */
export const pick = (values: readonly string[], u: string): string =>
  `(${textArray(values)})[1 + floor(${u} * ${values.length})::int]`;

/** One of `values`, early ones more often: index = n * u^skew (skew > 1 favours the head of the list). */
export const pickSkewed = (values: readonly string[], u: string, skew: number): string =>
  `(${textArray(values)})[1 + floor(power(${u}, ${skew}) * ${values.length})::int]`;

/** A weighted choice evaluating `u` once: width_bucket over the cumulative weights. */
export function weighted(pairs: readonly (readonly [string, number])[], u: string, type = 'text'): string {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let cum = 0;
  const bounds = pairs.map(([, w]) => {
    const b = cum / total;
    cum += w;
    return b;
  });
  const values = pairs.map(([v]) => (type === 'text' ? lit(v) : v));
  return `(ARRAY[${values.join(',')}]::${type}[])[width_bucket(${u}, ARRAY[${bounds.join(',')}]::float8[])]`;
}

/** A SQL CASE mapping `expr` through a table (unmapped values give `fallback`). */
export function mapCase(expr: string, map: Record<string, string>, fallback = 'NULL'): string {
  const arms = Object.entries(map)
    .map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`)
    .join(' ');
  return `(CASE ${expr} ${arms} ELSE ${fallback} END)`;
}

/**
 * Working hours: the instant `x` moved to its program-local day (Pacific, standard time: the hour of daylight
 * saving time is not worth a time zone lookup per row), Monday when that day falls on a weekend, at a time between
 * 8:30 and 17:15 chosen by `u`. `x` should be a column or a cheap expression (it appears twice).
 */
export function wt(x: string, u: string): string {
  const day = `floor(((${x}) - 28800) / 86400)`;
  return `((${day} + CASE ((${day})::bigint + 3) % 7 WHEN 5 THEN 2 WHEN 6 THEN 1 ELSE 0 END) * 86400 + 59400 + floor(${u} * 36) * 900)`;
}

/** About `gapDays` after `prev`, in working hours, never before prev + 10 minutes. `prev` appears three times. */
export const after = (prev: string, gapDays: string, u: string): string =>
  `greatest(${wt(`(${prev}) + (${gapDays}) * 86400`, u)}, (${prev}) + 600)`;

/**
 * The program-local year of an epoch-seconds instant, exactly: the year turns in winter, when Pacific time is always
 * UTC-8, so no time zone lookup is needed (a third of the cost).
 */
export const localYear = (x: string): string => `extract(year FROM to_timestamp((${x}) - 28800))::int`;

/** Epoch seconds to timestamptz. */
export const ts = (x: string): string => `to_timestamp(${x})`;
/** WIC 652.5: the 20-day instant of a referral received at `rt` (epoch seconds), on the referral and its case. */
export const dueServiceStart = (rt: string): string => ts(`${rt} + ${20 * DAY}`);

/** The program-local calendar date of an epoch-seconds instant. */
export const localDate = (x: string): string =>
  `(to_timestamp(${x}) AT TIME ZONE 'America/Los_Angeles')::date`;

/**
 * ISO-8601 text of an epoch-seconds instant as the API writes instants into JSON (`2026-03-02T17:45:00.000Z`);
 * the instant is rounded to the second (to_char would cost three times as much per row). Needs TimeZone = UTC and
 * DateStyle = ISO, which the generator's session sets.
 */
export const isoText = (x: string): string =>
  `overlay(replace(to_timestamp(round(${x}))::text, '+00', '.000Z') placing 'T' from 11 for 1)`;
