/**
 * Whether an error means "the database cannot be reached right now" (stopped, restarting, refusing connections,
 * the connection cut), as opposed to a fault of the request or of the code. Those answer 503 with Retry-After, so
 * clients and load balancers retry instead of reporting a bug; the API recovers by itself (the pool opens new
 * connections once the database is back).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || isUnavailableSqlState(code))) return true;
    if (typeof name === 'string' && RELEASED_RUNNER.has(name)) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.includes(m))) return true;
    // TypeORM's QueryFailedError keeps the pg error as `driverError`; Node's errors may carry a `cause`.
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Socket errors of the connection to the database server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01–57P03 (shut down by the
 * administrator, crash shutdown, cannot connect now: starting or stopping), 53300 (too many connections).
 */
function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/**
 * TypeORM's errors for a query runner already released: the same event as the driver messages below, seen one
 * step later. TypeORM releases a query runner when its connection emits an error, and the transaction's next
 * statement finds it released (the services here only use `dataSource.transaction`, never a runner of their own,
 * so nothing else raises these).
 */
const RELEASED_RUNNER = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/** What `pg` and `pg-pool` say when the connection ends or never opens (they set no code). */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];
