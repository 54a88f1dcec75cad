import { Injectable } from '@nestjs/common';
import { SEALED_STATUS, type AuditAction, type ReferralStatus } from '@pathways/contracts';
import { referralTransition, type ReferralAction } from '@pathways/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound, staleVersion, transitionNotAllowed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { ReferralEventEntity } from './referral-event.entity';
import { ReferralEntity } from './referral.entity';
import { canSeeReferral, isAuthor, isSealedFor } from './referrals.policy';

export type ReferralEventAction = ReferralEventEntity['action'];

/** What a transition changes besides the status, and how it is audited. */
export interface TransitionChanges {
  changes?: Partial<ReferralEntity>;
  /** TRANSITION by default; OVERRIDE for an eligibility override. */
  auditAction?: AuditAction;
}

/**
 * The shared moves of every referral write (intake, triage, outreach, enrollment): lock a visible referral, check
 * the version and the state machine, update with the version bump, write the referral_events row and the audit
 * row. Callers run these inside their own transaction.
 */
@Injectable()
export class ReferralStore {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The referral, locked, if the caller may see it; 404 otherwise. */
  async lockVisible(m: EntityManager, actor: Actor, id: string): Promise<ReferralEntity> {
    const r = await m
      .getRepository(ReferralEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!r || !canSeeReferral(actor, r)) throw notFound('Referral');
    return r;
  }

  /**
   * The caller's own referral, locked; anyone else's is 404 (even when visible, e.g. to a supervisor). Once sealed
   * (WIC 827.95) the referring officer's `action` is refused as from SEALED, the only status police users see: the
   * 409 does not tell them the real one.
   */
  async lockOwn(m: EntityManager, actor: Actor, id: string, action: string): Promise<ReferralEntity> {
    const r = await this.lockVisible(m, actor, id);
    if (!isAuthor(actor, r)) throw notFound('Referral');
    if (isSealedFor(actor.role, r.sealedAt)) throw transitionNotAllowed(SEALED_STATUS, action);
    return r;
  }

  /** Stale version first (409 currentVersion), then the state machine (409 currentStatus). */
  check(r: ReferralEntity, version: number, action: ReferralAction): ReferralStatus {
    if (r.version !== version) throw staleVersion(r.version);
    const next = referralTransition(r.status, action);
    if (!next.allowed) throw transitionNotAllowed(r.status, action);
    return next.to;
  }

  /**
   * Applies a checked transition: the new status and `changes`, the event row and the audit row. Returns the
   * referral as it now is.
   */
  async apply(
    m: EntityManager,
    actor: Actor,
    r: ReferralEntity,
    action: ReferralEventAction,
    to: ReferralStatus,
    { changes = {}, auditAction = 'TRANSITION' }: TransitionChanges = {},
  ): Promise<ReferralEntity> {
    const all: Partial<ReferralEntity> = { ...changes, status: to };
    await this.update(m, r, all);
    await this.recordEvent(m, actor, r.id, r.status, to, action);
    const updated = await this.reload(m, r.id);
    await this.audit.record(m, actor, {
      action: auditAction,
      entityType: 'referral',
      entityId: r.id,
      youthId: updated.youthId,
      changedFields: Object.keys(all).filter((k) => to !== r.status || k !== 'status'),
    });
    return updated;
  }

  /** UPDATE ... SET version = version + 1 WHERE version = read version: a concurrent writer gets 409. */
  async update(m: EntityManager, r: ReferralEntity, changes: Partial<ReferralEntity>): Promise<void> {
    const result = await m
      .createQueryBuilder()
      .update(ReferralEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: r.id, version: r.version })
      .execute();
    if (result.affected !== 1) throw staleVersion(r.version);
  }

  async recordEvent(
    m: EntityManager,
    actor: Actor,
    referralId: string,
    from: ReferralStatus | null,
    to: ReferralStatus,
    action: ReferralEventAction,
  ): Promise<void> {
    await m.insert(ReferralEventEntity, {
      referralId,
      at: this.clock.now(),
      actorId: actor.userId,
      statusFrom: from,
      statusTo: to,
      action,
      note: null,
      organizationId: actor.organizationId,
    });
  }

  reload(m: EntityManager, id: string): Promise<ReferralEntity> {
    return m.getRepository(ReferralEntity).findOneByOrFail({ id });
  }
}
