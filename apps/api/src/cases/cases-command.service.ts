import { Injectable } from '@nestjs/common';
import type { CaseDetail, CaseStatusRequest, ErrorDetail, UpdateCaseRequest } from '@pathways/contracts';
import {
  addCalendarDays,
  calendarDateIn,
  PROGRAM_TIME_ZONE,
  startOfDayIn,
  targetEndAllowed,
  type CaseAction,
} from '@pathways/domain';
import type { EntityManager } from 'typeorm';
import { staleVersion, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { ReferralEntity } from '../referrals/referral.entity';
import { UserEntity } from '../users/user.entity';
import { type CaseChanges, CaseStore } from './case-store.service';
import type { CaseEntity } from './case.entity';
import { supervisorOnly } from './cases.exception';
import { isCaseSupervisor } from './cases.policy';
import { CasesQueryService } from './cases-query.service';

const STATUS_ACTIONS: Record<CaseStatusRequest['status'], CaseAction> = {
  ON_HOLD: 'hold',
  NON_COMPLIANT: 'mark-non-compliant',
  ACTIVE: 'resume',
};

/** Edits of the case itself: target end, reassignment (PATCH) and the status changes of POST /status. */
@Injectable()
export class CasesCommandService {
  constructor(
    private readonly store: CaseStore,
    private readonly query: CasesQueryService,
  ) {}

  async update(actor: Actor, id: string, body: UpdateCaseRequest): Promise<CaseDetail> {
    return this.store.write(actor, id, {}, async (m, c) => {
      if (body.primaryCounselorId !== undefined && !isCaseSupervisor(actor))
        throw supervisorOnly('reassign a case');
      if (c.version !== body.version) throw staleVersion(c.version);
      const changes: CaseChanges = {};
      const problems: ErrorDetail[] = [];
      if (body.targetEndAt !== undefined) {
        const end = targetEndOf(body.targetEndAt, c, problems);
        if (end && end.getTime() !== c.targetEndAt.getTime()) changes.targetEndAt = end;
      }
      if (body.primaryCounselorId !== undefined && body.primaryCounselorId !== c.primaryCounselorId) {
        if (await this.isActiveCounselor(m, body.primaryCounselorId, c.providerOrgId))
          changes.primaryCounselorId = body.primaryCounselorId;
        else
          problems.push({
            path: 'primaryCounselorId',
            message: 'Choose an active counselor of this provider',
          });
      }
      if (problems.length) throw validationFailed(problems);
      const changedFields = Object.keys(changes);
      if (!changedFields.length) {
        await this.store.record(m, actor, c, { action: 'VIEW', entityType: 'case', entityId: c.id });
        return this.query.detailOf(m, actor, c);
      }
      await this.store.update(m, c, changes);
      if (changes.targetEndAt) await this.store.event(m, actor, c, c.status, 'update', 'TARGET_END');
      if (changes.primaryCounselorId) {
        await this.store.event(m, actor, c, c.status, 'update', 'REASSIGNED');
        await this.reassignReferral(m, c, changes.primaryCounselorId);
      }
      await this.store.record(m, actor, c, {
        action: 'UPDATE',
        entityType: 'case',
        entityId: c.id,
        changedFields,
      });
      return this.query.detailOf(m, actor, c);
    });
  }

  /**
   * ON_HOLD (supervisor), NON_COMPLIANT (counselor or supervisor), back to ACTIVE (from a hold: supervisor).
   * The domain state machine decides what is possible from the current status.
   */
  async changeStatus(actor: Actor, id: string, body: CaseStatusRequest): Promise<CaseDetail> {
    return this.store.write(actor, id, {}, async (m, c) => {
      const holdRelated = body.status === 'ON_HOLD' || (body.status === 'ACTIVE' && c.status === 'ON_HOLD');
      if (holdRelated && !isCaseSupervisor(actor))
        throw supervisorOnly(body.status === 'ON_HOLD' ? 'put a case on hold' : 'end a hold');
      if (c.version !== body.version) throw staleVersion(c.version);
      const action = STATUS_ACTIONS[body.status];
      await this.store.transition(m, actor, c, action, { statusReason: body.reason });
      await this.store.record(m, actor, c, {
        action: 'TRANSITION',
        entityType: 'case',
        entityId: c.id,
        changedFields: ['status', 'statusReason'],
      });
      return this.query.detailOf(m, actor, c);
    });
  }

  private async isActiveCounselor(m: EntityManager, userId: string, providerOrgId: string): Promise<boolean> {
    return m
      .getRepository(UserEntity)
      .exists({ where: { id: userId, organizationId: providerOrgId, role: 'COUNSELOR', active: true } });
  }

  /** The referral follows its case's counselor, so the new counselor sees the referral behind the case. */
  private async reassignReferral(m: EntityManager, c: CaseEntity, counselorId: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(ReferralEntity)
      .set({ assignedCounselorId: counselorId, assignedAt: this.store.now(), version: () => 'version + 1' })
      .where('id = :id', { id: c.referralId })
      .execute();
  }
}

/**
 * A target end date (`YYYY-MM-DD`) as the instant its day ends in the program's time zone, capped at the maximum
 * length: any date from opening to the maximum's date is allowed.
 */
function targetEndOf(date: string, c: CaseEntity, problems: ErrorDetail[]): Date | null {
  if (!targetEndAllowed(startOfDayIn(date, PROGRAM_TIME_ZONE), c.maxEndAt)) {
    problems.push({
      path: 'targetEndAt',
      message: `The target end cannot pass the maximum length of the case (${calendarDateIn(c.maxEndAt, PROGRAM_TIME_ZONE)})`,
    });
    return null;
  }
  if (date < calendarDateIn(c.openedAt, PROGRAM_TIME_ZONE)) {
    problems.push({ path: 'targetEndAt', message: 'The target end cannot be before the case opened' });
    return null;
  }
  const endOfDay = startOfDayIn(addCalendarDays(date, 1), PROGRAM_TIME_ZONE);
  return endOfDay.getTime() > c.maxEndAt.getTime() ? c.maxEndAt : endOfDay;
}
