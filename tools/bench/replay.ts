import type { Pool, PoolClient } from 'pg';

/**
 * The SQL of one API request (or of a page's requests), as captured from the driver (capture.ts), to run again
 * through bare `pg` with the same concurrency: each statement runs on its lane's connection once every statement
 * that had finished before it started, in the capture, has finished again.
 */
export interface Statement {
  text: string;
  values?: unknown[];
  /** One connection per lane: the statements of a transaction share one. */
  lane: number;
  /** Indexes of the statements to wait for. */
  after: number[];
}

export interface StatementRun {
  rows: unknown[];
}

/** Runs the statements on connections of `pool` (one per lane, held from its first statement to its last). */
export async function replay(pool: Pool, statements: readonly Statement[]): Promise<StatementRun[]> {
  const lastOfLane = new Map<number, number>();
  statements.forEach((s, i) => lastOfLane.set(s.lane, i));
  const clients = new Map<number, Promise<PoolClient>>();
  const clientOf = (lane: number): Promise<PoolClient> => {
    let c = clients.get(lane);
    if (!c) {
      c = pool.connect();
      clients.set(lane, c);
    }
    return c;
  };
  const done: Promise<StatementRun>[] = [];
  let failed = false;
  for (const [i, s] of statements.entries()) {
    done.push(
      Promise.all(s.after.map((j) => done[j])).then(async () => {
        const client = await clientOf(s.lane);
        try {
          const res = await client.query({ text: s.text, values: s.values });
          return { rows: res.rows };
        } catch (error) {
          failed = true;
          throw error;
        } finally {
          if (lastOfLane.get(s.lane) === i || failed) {
            clients.delete(s.lane);
            // A connection whose transaction failed half-way is closed rather than reused.
            client.release(failed ? true : undefined);
          }
        }
      }),
    );
  }
  const settled = await Promise.allSettled(done);
  // A lane whose last statement never ran (it waited for one that failed) still holds its connection.
  for (const c of clients.values())
    await c.then(
      (client) => client.release(true),
      () => undefined,
    );
  const rejected = settled.find((x): x is PromiseRejectedResult => x.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((x) => (x as PromiseFulfilledResult<StatementRun>).value);
}

/** `b` after `a` (the second request of a page after the first): every statement of `b` waits for all of `a`. */
export function inSequence(a: readonly Statement[], b: readonly Statement[]): Statement[] {
  const all = a.map((_, i) => i);
  return [...a, ...b.map((s) => ({ ...s, after: [...all, ...s.after.map((j) => j + a.length)] }))];
}

/** Statements that read (and may be EXPLAINed); writes are left out of the EXPLAIN pass. */
export function isRead(text: string): boolean {
  return (
    /^\s*(SELECT|WITH)\b/i.test(text) &&
    !/\b(INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+"?\w+"?\s+SET)\b/i.test(text)
  );
}

/** Transaction control and settings, which the EXPLAIN pass runs as they are (SET LOCAL changes plans). */
export function isControl(text: string): boolean {
  return /^\s*(START|BEGIN|COMMIT|ROLLBACK|SET|SAVEPOINT|RELEASE)\b/i.test(text);
}
