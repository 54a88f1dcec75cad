import type { TestApp } from './test-app';

/** The statement a fault is injected into. */
export interface FaultPoint {
  table: string;
  on: 'INSERT' | 'UPDATE';
}

export const faultName = (p: FaultPoint): string => `${p.on} ${p.table}`;

/**
 * Runs `fn` while PostgreSQL itself refuses one kind of write: a temporary row trigger that RAISEs on every
 * `on` of `table`, dropped afterwards. The fault lives in the database, so production code needs no test hook;
 * the error reaches the service exactly as a real failure of that statement would (mid-transaction).
 */
export async function withFailingWrite<T>(t: TestApp, point: FaultPoint, fn: () => Promise<T>): Promise<T> {
  if (!/^[a-z_]+$/.test(point.table)) throw new Error(`not a table name: ${point.table}`);
  await t.db.query(`
    CREATE OR REPLACE FUNCTION test_injected_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected fault on % %', TG_OP, TG_TABLE_NAME; END $$`);
  await t.db.query(
    `CREATE TRIGGER tr_test_injected_fault BEFORE ${point.on} ON ${point.table}
     FOR EACH ROW EXECUTE FUNCTION test_injected_fault()`,
  );
  try {
    return await fn();
  } finally {
    await t.db.query(`DROP TRIGGER tr_test_injected_fault ON ${point.table}`);
  }
}
