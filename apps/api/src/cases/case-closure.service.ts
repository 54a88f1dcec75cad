import { Injectable } from '@nestjs/common';
import {
  FOLLOW_UP_WINDOWS,
  type CaseDetail,
  type OutcomeClass,
  type RequestClosure,
} from '@pathways/contracts';
import {
  calendarDateIn,
  closureEffects,
  followUpDueAt,
  mayApproveClosure,
  outcomeClassOf,
  PROGRAM_TIME_ZONE,
  reopenUntil,
} from '@pathways/domain';
import { IsNull, type EntityManager } from 'typeorm';
import { staleVersion } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { NoticesService } from '../notices/notices.service';
import { ReferralEventEntity } from '../referrals/referral-event.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { CaseStore } from './case-store.service';
import { FollowUpEntity } from './case-work.entities';
import type { CaseEntity } from './case.entity';
import { reopenWindowPassed, selfApproval } from './cases.exception';
import { CasesQueryService } from './cases-query.service';

/** Closure columns that describe one request; cleared when a case is reopened. */
const NO_CLOSURE = {
  closureRequestedAt: null,
  closureRequestedBy: null,
  closureReason: null,
  closureSummary: null,
  closureRejectedComment: null,
  closureApprovedBy: null,
  closedAt: null,
  outcomeClass: null,
  statusBeforeClosure: null,
} as const;

/**
 * Closing a case takes two people: the counselor (or supervisor) asks with a reason, another supervisor approves.
 * Approval is one transaction: outcome, follow-ups, and what the pathway owes the referring agency (DOMAIN.md).
 */
@Injectable()
export class CaseClosureService {
  constructor(
    private readonly store: CaseStore,
    private readonly query: CasesQueryService,
    private readonly notices: NoticesService,
  ) {}

  async request(actor: Actor, id: string, body: RequestClosure): Promise<CaseDetail> {
    return this.store.write(actor, id, {}, async (m, c) => {
      if (c.version !== body.version) throw staleVersion(c.version);
      const from = c.status;
      await this.store.transition(
        m,
        actor,
        c,
        'request-closure',
        {
          statusBeforeClosure: from,
          closureRequestedAt: this.store.now(),
          closureRequestedBy: actor.userId,
          closureReason: body.closureReason,
          closureSummary: body.summary,
          closureRejectedComment: null,
        },
        body.closureReason,
      );
      await this.audited(m, actor, c, ['status', 'closureReason', 'closureSummary']);
      return this.query.detailOf(m, actor, c);
    });
  }

  async approve(actor: Actor, id: string, body: { version: number }): Promise<CaseDetail> {
    return this.store.write(actor, id, {}, async (m, c) => {
      if (c.status === 'CLOSURE_REVIEW' && !mayApproveClosure(actor.userId, c.closureRequestedBy))
        throw selfApproval('a closure');
      if (c.version !== body.version) throw staleVersion(c.version);
      const reason = c.closureReason;
      const outcome = reason ? outcomeClassOf(reason) : 'ADMINISTRATIVE';
      const closedAt = this.store.now();
      await this.store.transition(
        m,
        actor,
        c,
        'approve-closure',
        { closedAt, outcomeClass: outcome, closureApprovedBy: actor.userId },
        outcome,
      );
      await this.audited(m, actor, c, ['status', 'closedAt', 'outcomeClass']);
      await this.createFollowUps(m, actor, c, closedAt);
      await this.applyEffects(m, actor, c, outcome, closedAt);
      return this.query.detailOf(m, actor, c);
    });
  }

  /** Back to where the closure was asked from; the comment tells the counselor why. */
  async reject(actor: Actor, id: string, body: { version: number; comment: string }): Promise<CaseDetail> {
    return this.store.write(actor, id, {}, async (m, c) => {
      if (c.version !== body.version) throw staleVersion(c.version);
      await this.store.transition(m, actor, c, 'reject-closure', {
        closureRejectedComment: body.comment,
        statusBeforeClosure: null,
      });
      await this.audited(m, actor, c, ['status', 'closureRejectedComment']);
      return this.query.detailOf(m, actor, c);
    });
  }

  /**
   * Within 30 days of closing a supervisor may reopen. The closure's history stays in case_events; pending
   * follow-ups with nothing recorded go (they counted from a closure that no longer stands). Reopening does NOT unseal the police view
   * nor retract a notice already sent: the referring agency was told, and WIC 827.95 sealing is not undone here.
   */
  async reopen(actor: Actor, id: string, body: { version: number; reason: string }): Promise<CaseDetail> {
    return this.store.write(actor, id, { allowClosed: true }, async (m, c) => {
      if (c.version !== body.version) throw staleVersion(c.version);
      if (c.status === 'CLOSED' && c.closedAt && this.store.now() > reopenUntil(c.closedAt))
        throw reopenWindowPassed();
      await this.store.transition(m, actor, c, 'reopen', { ...NO_CLOSURE, statusReason: body.reason });
      await m.delete(FollowUpEntity, {
        caseId: c.id,
        status: 'PENDING',
        newLeContact: IsNull(),
        linkedReferralId: IsNull(),
      });
      await this.audited(m, actor, c, ['status', 'closedAt', 'outcomeClass', 'statusReason']);
      return this.query.detailOf(m, actor, c);
    });
  }

  private async audited(m: EntityManager, actor: Actor, c: CaseEntity, changedFields: string[]) {
    await this.store.record(m, actor, c, {
      action: 'TRANSITION',
      entityType: 'case',
      entityId: c.id,
      changedFields,
    });
  }

  /** M6 and M12, due 6 and 12 months after closing; a case closed again after reopening gets fresh dates. */
  private async createFollowUps(m: EntityManager, actor: Actor, c: CaseEntity, closedAt: Date) {
    for (const window of FOLLOW_UP_WINDOWS) {
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO follow_ups (case_id, organization_id, created_by, youth_id, "window", due_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'PENDING')
         ON CONFLICT (case_id, "window") DO UPDATE SET due_at = EXCLUDED.due_at, version = follow_ups.version + 1
           WHERE follow_ups.status = 'PENDING'
         RETURNING id`,
        [c.id, c.organizationId, actor.userId, c.youthId, window, followUpDueAt(closedAt, window)],
      );
      if (row)
        await this.store.record(m, actor, c, { action: 'CREATE', entityType: 'follow_up', entityId: row.id });
    }
  }

  /**
   * What the pathway owes the referring agency (closureEffects): a police diversion completed successfully sends
   * the WIC 827.95 completion notice and seals the police view at once (grace 0 days, ACCESS.md); one closed
   * unsuccessfully returns the decision to the SRO. Any successful case marks the referral completed, so the SRO
   * sees "completed"; PREVENTION and the other pathways never escalate.
   */
  private async applyEffects(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    outcome: OutcomeClass,
    closedAt: Date,
  ): Promise<void> {
    const effects = closureEffects(c.pathway, outcome);
    const r = await m
      .getRepository(ReferralEntity)
      .findOneOrFail({ where: { id: c.referralId }, lock: { mode: 'pessimistic_write' } });
    const changes: Partial<ReferralEntity> = {};
    if (outcome === 'SUCCESSFUL') changes.completedAt = closedAt;
    // A case closed successfully a second time (after a reopen) was already reported and sealed.
    if (effects.completionNotice && !c.completionNoticeSentAt) {
      const notice = await this.notices.issue(m, actor, {
        type: 'COMPLETION_827_95',
        referral: r,
        caseId: c.id,
        facts: {
          completedAt: calendarDateIn(closedAt, PROGRAM_TIME_ZONE),
          closureReason: c.closureReason,
        },
      });
      if (notice) await this.store.update(m, c, { completionNoticeSentAt: notice.sentAt });
    }
    if (effects.seal && !r.sealedAt) changes.sealedAt = this.store.now();
    if (effects.returnToReferrer) {
      await this.notices.issue(m, actor, {
        type: 'UNSUCCESSFUL_RETURN',
        referral: r,
        caseId: c.id,
        facts: { outcome: 'CASE_UNSUCCESSFUL', closedAt: calendarDateIn(closedAt, PROGRAM_TIME_ZONE) },
      });
      changes.returnedToReferrerAt = this.store.now();
      changes.returnAcknowledgedAt = null;
    }
    if (!Object.keys(changes).length) return;
    await m
      .createQueryBuilder()
      .update(ReferralEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id: r.id })
      .execute();
    if (changes.sealedAt) {
      await m.insert(ReferralEventEntity, {
        referralId: r.id,
        at: changes.sealedAt,
        actorId: actor.userId,
        statusFrom: r.status,
        statusTo: r.status,
        action: 'seal',
        note: null,
        organizationId: c.organizationId,
      });
      await this.store.record(m, actor, c, { action: 'SEAL', entityType: 'referral', entityId: r.id });
    }
    await this.store.record(m, actor, c, {
      action: 'UPDATE',
      entityType: 'referral',
      entityId: r.id,
      changedFields: Object.keys(changes),
    });
  }
}
