import {
  type EntityManager,
  type EntitySubscriberInterface,
  EventSubscriber,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEventEntity } from './audit-event.entity';

export type AuditRow = QueryDeepPartialEntity<AuditEventEntity>;

/**
 * The audit rows of each open transaction, inserted when it commits. The chain trigger takes one advisory lock for
 * every audited transaction (seq order is commit order) and holds it to the transaction's end: inserted where the
 * action records it, a row held that lock through the rest of its transaction (a read records its VIEW first, then
 * runs its queries), so every audited request queued behind every other; under 200 users (npm run load) most of
 * the pool's connections waited on that lock. Inserted at commit, the lock covers the inserts and the commit only.
 * Same transaction, same order, still all or nothing: a failed insert fails the commit, which rolls back.
 */
const pendingRows = new WeakMap<QueryRunner, { depth: number; row: AuditRow }[]>();

/** TypeORM's savepoint depth (1 = the outermost transaction); it keeps the counter protected. */
const depthOf = (runner: QueryRunner): number =>
  (runner as unknown as { transactionDepth: number }).transactionDepth;

/** Queues `row` for the commit of `manager`'s transaction; false when there is no transaction (insert it now). */
export function deferUntilCommit(manager: EntityManager, row: AuditRow): boolean {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return false;
  const rows = pendingRows.get(runner) ?? [];
  rows.push({ depth: depthOf(runner), row });
  pendingRows.set(runner, rows);
  return true;
}

/** Registered with the data source (data-source.ts): inserts a transaction's audit rows just before its COMMIT. */
@EventSubscriber()
export class AuditCommitSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    const rows = pendingRows.get(runner);
    // A savepoint's release: its rows wait for the outer transaction's commit.
    if (!rows?.length || depthOf(runner) > 1) return;
    pendingRows.delete(runner);
    // One statement, rows in the order recorded: the chain trigger fires per row and sees the rows before it
    // (as recordMany's inserts do), so the lock is taken one round trip before the COMMIT.
    await runner.manager.insert(
      AuditEventEntity,
      rows.map((r) => r.row),
    );
  }

  /** Rows recorded inside what rolls back (the transaction, or a savepoint) are dropped with it. */
  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    const runner = event.queryRunner;
    const depth = depthOf(runner);
    const kept = pendingRows.get(runner)?.filter((r) => r.depth < depth);
    if (kept?.length) pendingRows.set(runner, kept);
    else pendingRows.delete(runner);
  }
}
