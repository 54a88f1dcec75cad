import { HttpStatus, Injectable } from '@nestjs/common';
import type { CaseStatus } from '@pathways/contracts';
import { canSeeCase, caseTransition, type CaseAction } from '@pathways/domain';
import { DataSource, In, type EntityManager, type EntityTarget } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService, type AuditInput } from '../audit/audit.service';
import { notFound, staleVersion, transitionNotAllowed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { UserEntity } from '../users/user.entity';
import type { Names } from './case-views';
import { CaseEntity, CaseEventEntity } from './case.entity';
import { caseClosed } from './cases.exception';

export interface WriteOptions {
  /** Work that stays possible on a closed case (notes, consent revocation, follow-ups). */
  allowClosed?: boolean;
  /** A creating POST with an Idempotency-Key: a retry returns the first response and writes nothing. */
  idempotency?: { key: string | undefined; route: string; body: unknown };
}

/** Case columns a write may change (the rest are fixed at opening). */
export type CaseChanges = Partial<
  Pick<
    CaseEntity,
    | 'status'
    | 'statusReason'
    | 'statusBeforeClosure'
    | 'intakeCompletedAt'
    | 'serviceProgramInitiatedAt'
    | 'targetEndAt'
    | 'primaryCounselorId'
    | 'closureRequestedAt'
    | 'closureRequestedBy'
    | 'closureReason'
    | 'closureSummary'
    | 'closureRejectedComment'
    | 'closureApprovedBy'
    | 'closedAt'
    | 'outcomeClass'
    | 'completionNoticeSentAt'
  >
>;

/**
 * What every case use case shares: loading a case the caller may see (404 otherwise), one transaction per request
 * with its audit row, the optimistic version of the case row, and its status history (case_events).
 */
@Injectable()
export class CaseStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** The case, if the caller may see it; 404 otherwise (existence never leaks). `lock` serializes writers. */
  async loadVisible(m: EntityManager, actor: Actor, id: string, lock = false): Promise<CaseEntity> {
    const c = await m
      .getRepository(CaseEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!c || !canSeeCase(actor, c)) throw notFound('Case');
    return c;
  }

  /** A read of the case or one of its parts: one VIEW audit row per request (`case` or `case.<part>`). */
  async read<T>(
    actor: Actor,
    caseId: string,
    part: string | null,
    fn: (m: EntityManager, c: CaseEntity) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.loadVisible(m, actor, caseId);
      await this.audit.record(m, actor, {
        action: 'VIEW',
        entityType: part ? `case.${part}` : 'case',
        entityId: c.id,
        youthId: c.youthId,
      });
      return fn(m, c);
    });
  }

  /**
   * A write on a case: one transaction holding the case row locked (so stage changes and version checks are
   * serialized), refused on a closed case unless `allowClosed`. `fn` writes its own audit row through `audit`.
   */
  async write<T>(
    actor: Actor,
    caseId: string,
    options: WriteOptions,
    fn: (m: EntityManager, c: CaseEntity) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      let claimId: string | null = null;
      const once = options.idempotency;
      if (once?.key) {
        const claim = await this.idempotency.claim<T>(m, actor, once.key, once.route, once.body);
        if (claim.kind === 'replay') return claim.body;
        claimId = claim.id;
      }
      const c = await this.loadVisible(m, actor, caseId, true);
      if (c.status === 'CLOSED' && !options.allowClosed) throw caseClosed();
      const result = await fn(m, c);
      if (claimId) await this.idempotency.complete(m, claimId, HttpStatus.CREATED, result);
      return result;
    });
  }

  async record(m: EntityManager, actor: Actor, c: CaseEntity, input: Omit<AuditInput, 'youthId'>) {
    await this.audit.record(m, actor, { ...input, youthId: c.youthId });
  }

  /** Updates the case row at the version read (bumping it); `c` is updated in place. */
  async update(m: EntityManager, c: CaseEntity, changes: CaseChanges): Promise<void> {
    const result = await m
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: c.id, version: c.version })
      .execute();
    if (result.affected !== 1) throw staleVersion(c.version);
    Object.assign(c, changes, { version: c.version + 1 });
  }

  /**
   * Updates a row of case work at the version read (bumping it), with its UPDATE audit row; nothing when nothing
   * changed. 409 with `currentVersion` when someone changed it first.
   */
  async updateRow<T extends { id: string; version: number }>(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    entity: EntityTarget<T>,
    row: T,
    changes: QueryDeepPartialEntity<T>,
    entityType: string,
  ): Promise<void> {
    const changedFields = Object.keys(changes);
    if (!changedFields.length) return;
    const result = await m
      .createQueryBuilder()
      .update(entity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: row.id, version: row.version })
      .execute();
    if (result.affected !== 1) throw staleVersion(row.version);
    await this.record(m, actor, c, { action: 'UPDATE', entityType, entityId: row.id, changedFields });
  }

  /**
   * An explicit transition (status, closure, reopen): the domain decides, 409 with `currentStatus` otherwise.
   * `detail` is a code for the timeline, never free text.
   */
  async transition(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    action: CaseAction,
    changes: CaseChanges = {},
    detail: string | null = null,
  ): Promise<CaseStatus> {
    const next = caseTransition(c.status, action, c.statusBeforeClosure);
    if (!next.allowed) throw transitionNotAllowed(c.status, action);
    const from = c.status;
    await this.update(m, c, { ...changes, status: next.to });
    await this.event(m, actor, c, from, action, detail);
    return next.to;
  }

  /**
   * A stage advanced by recorded work (intake, first assessment, first service): the status moves when the
   * domain moves it; otherwise the work is recorded and the status stays (work is never refused for its stage).
   */
  async advance(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    action: CaseAction,
    changes: CaseChanges = {},
  ): Promise<void> {
    const next = caseTransition(c.status, action, c.statusBeforeClosure);
    const from = c.status;
    const moves = next.allowed && next.to !== from;
    if (!moves && !Object.keys(changes).length) return;
    await this.update(m, c, moves ? { ...changes, status: next.to } : changes);
    if (moves) await this.event(m, actor, c, from, action, null);
  }

  /** A case_events row for a change that keeps the status (reassignment, new target end). */
  async event(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    from: CaseStatus | null,
    action: CaseEventEntity['action'],
    detail: string | null,
  ): Promise<void> {
    await m.insert(CaseEventEntity, {
      caseId: c.id,
      at: this.clock.now(),
      actorId: actor.userId,
      statusFrom: from,
      statusTo: c.status,
      action,
      detail,
      organizationId: c.organizationId,
    });
  }

  /** Staff display names for the given user ids (one query). */
  async names(m: EntityManager, ids: (string | null | undefined)[]): Promise<Names> {
    const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (!unique.length) return new Map();
    const users = await m
      .getRepository(UserEntity)
      .find({ where: { id: In(unique) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}
