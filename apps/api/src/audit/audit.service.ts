import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditOutcome, AuditVerifyResponse } from '@pathways/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, Origin } from '../common/actor';
import { Clock } from '../common/clock';
import { type AuditRow, deferUntilCommit } from './audit-commit.subscriber';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  youthId?: string | null;
  outcome?: AuditOutcome;
  /** Names of the fields that changed, never their values. */
  changedFields?: string[];
}

/** Who the row is about when there is no signed-in actor (failed login, lockout). */
export interface AuditSubject {
  actorId: string | null;
  actorRole: string | null;
  organizationId: string | null;
}

/**
 * Writes audit rows. Callers pass the EntityManager of their transaction so the action and its audit row commit
 * or roll back together. Rows hold ids and field names only (ACCESS.md).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, actor: Actor, input: AuditInput): Promise<void> {
    await this.insert(
      manager,
      { actorId: actor.userId, actorRole: actor.role, organizationId: actor.organizationId },
      actor,
      input,
    );
  }

  async recordFor(
    manager: EntityManager,
    subject: AuditSubject,
    origin: Origin,
    input: AuditInput,
  ): Promise<void> {
    await this.insert(manager, subject, origin, input);
  }

  /**
   * One row per record, in one statement: for jobs that act on many records at once (retention, inactivity).
   * `subject` is who acted (a person, or nobody for a scheduled job).
   */
  async recordMany(
    manager: EntityManager,
    subject: AuditSubject,
    origin: Origin,
    input: Omit<AuditInput, 'entityId' | 'youthId'>,
    records: { entityId: string; youthId?: string | null }[],
  ): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO audit_events (at, actor_id, actor_role, organization_id, action, entity_type, entity_id, youth_id,
                                 outcome, ip, user_agent, request_id, changed_fields, prev_hash, hash)
       SELECT $1, $2, $3, $4, $5, $6, r.entity_id, r.youth_id, $7, $8, $9, $10, $11, '', ''
       FROM unnest($12::uuid[], $13::uuid[]) WITH ORDINALITY AS r(entity_id, youth_id, n)
       ORDER BY r.n`,
      [
        this.clock.now(),
        subject.actorId,
        subject.actorRole,
        subject.organizationId,
        input.action,
        input.entityType,
        input.outcome ?? 'SUCCESS',
        origin.ip,
        origin.userAgent,
        origin.requestId,
        input.changedFields ?? [],
        records.map((r) => r.entityId),
        records.map((r) => r.youthId ?? null),
      ],
    );
  }

  private async insert(
    manager: EntityManager,
    subject: AuditSubject,
    origin: Origin,
    input: AuditInput,
  ): Promise<void> {
    const row: AuditRow = {
      at: this.clock.now(),
      actorId: subject.actorId,
      actorRole: subject.actorRole,
      organizationId: subject.organizationId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      youthId: input.youthId ?? null,
      outcome: input.outcome ?? 'SUCCESS',
      ip: origin.ip,
      userAgent: origin.userAgent,
      requestId: origin.requestId,
      changedFields: input.changedFields ?? [],
      // Computed by the database trigger (hash chain); placeholders satisfy NOT NULL.
      prevHash: '',
      hash: '',
    };
    // In a transaction the row is inserted when it commits (audit-commit.subscriber.ts); otherwise now.
    if (!deferUntilCommit(manager, row)) await manager.insert(AuditEventEntity, row);
  }

  /**
   * Recomputes the whole chain in one pass in SQL: every row's hash must match its content, and its prev_hash the
   * hash of the row before it. An edited row or a deleted one breaks the chain at that point.
   */
  async verify(): Promise<AuditVerifyResponse> {
    const rows: { checked: string; first_broken_seq: string | null; problem: string | null }[] = await this
      .dataSource.query(`
      WITH chain AS (
        SELECT e.seq, e.hash, e.prev_hash,
               audit_event_digest(e, e.prev_hash) AS expected,
               lag(e.hash) OVER (ORDER BY e.seq) AS previous_hash,
               row_number() OVER (ORDER BY e.seq) AS n
        FROM audit_events e
      ), broken AS (
        SELECT seq,
               CASE WHEN hash <> expected THEN 'row content does not match its hash'
                    ELSE 'row does not link to the row before it (a row is missing or was replaced)' END AS problem
        FROM chain
        WHERE hash <> expected OR prev_hash <> coalesce(previous_hash, repeat('0', 64))
        ORDER BY seq LIMIT 1
      )
      SELECT (SELECT count(*) FROM chain) AS checked, b.seq AS first_broken_seq, b.problem
      FROM (SELECT 1) one LEFT JOIN broken b ON true`);
    const row = rows[0];
    return {
      ok: !row?.first_broken_seq,
      checked: Number(row?.checked ?? 0),
      firstBrokenSeq: row?.first_broken_seq ? Number(row.first_broken_seq) : null,
      problem: row?.problem ?? null,
    };
  }
}
