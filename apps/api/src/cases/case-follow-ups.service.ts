import { Injectable } from '@nestjs/common';
import type { ErrorDetail, FollowUpView, FollowUpWindow, UpdateFollowUpRequest } from '@pathways/contracts';
import { calendarDateIn, followUpWindow, PROGRAM_TIME_ZONE } from '@pathways/domain';
import type { EntityManager } from 'typeorm';
import { notFound, staleVersion, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { pastInstant } from './case-input';
import { CaseStore } from './case-store.service';
import { toFollowUpView } from './case-views';
import { FollowUpEntity } from './case-work.entities';
import type { CaseEntity } from './case.entity';

type FollowUpChanges = Partial<
  Pick<FollowUpEntity, 'status' | 'newLeContact' | 'attendanceRate' | 'suspensions' | 'completedAt'>
>;

/**
 * The 6- and 12-month follow-ups created when a case closes (DOMAIN.md "FollowUp"). Recording one is possible on
 * the closed case; DONE needs the new law-enforcement contact answered (NONE is an answer), and DONE or UNABLE can
 * only be recorded once the follow-up's window has opened (due date − 14 days).
 */
@Injectable()
export class CaseFollowUpsService {
  constructor(private readonly store: CaseStore) {}

  async list(actor: Actor, caseId: string): Promise<FollowUpView[]> {
    return this.store.read(actor, caseId, 'follow-ups', async (m, c) => {
      const rows = await m
        .getRepository(FollowUpEntity)
        .find({ where: { caseId: c.id }, order: { dueAt: 'ASC' } });
      return rows.map(toFollowUpView);
    });
  }

  async get(actor: Actor, caseId: string, window: FollowUpWindow): Promise<FollowUpView> {
    return this.store.read(actor, caseId, 'follow-ups', async (m, c) =>
      toFollowUpView(await this.find(m, c, window)),
    );
  }

  async update(
    actor: Actor,
    caseId: string,
    window: FollowUpWindow,
    body: UpdateFollowUpRequest,
  ): Promise<FollowUpView> {
    return this.store.write(actor, caseId, { allowClosed: true }, async (m, c) => {
      const f = await this.find(m, c, window);
      if (f.version !== body.version) throw staleVersion(f.version);
      const problems: ErrorDetail[] = [];
      const now = this.store.now();
      const completedAt = pastInstant(body.completedAt, 'completedAt', now, problems);
      const changes: FollowUpChanges = {};
      if (body.status !== undefined && body.status !== f.status) changes.status = body.status;
      if (body.newLeContact !== undefined) changes.newLeContact = body.newLeContact;
      if (body.attendanceRate !== undefined) changes.attendanceRate = String(body.attendanceRate);
      if (body.suspensions !== undefined) changes.suspensions = body.suspensions;
      const status = changes.status ?? f.status;
      if (status === 'DONE' && !(changes.newLeContact ?? f.newLeContact))
        problems.push({
          path: 'newLeContact',
          message: 'Record whether there was a new law-enforcement contact (NONE if there was none)',
        });
      const opensAt = followUpWindow(f.dueAt).opensAt;
      if (changes.status && changes.status !== 'PENDING' && now < opensAt)
        problems.push({
          path: 'status',
          message: `This follow-up can be completed from ${calendarDateIn(opensAt, PROGRAM_TIME_ZONE)} (its window opens 14 days before the due date)`,
        });
      if (status === 'PENDING') {
        if (f.completedAt) changes.completedAt = null;
      } else if (completedAt) changes.completedAt = completedAt;
      else if (!f.completedAt) changes.completedAt = now;
      if (problems.length) throw validationFailed(problems);
      await this.store.updateRow(m, actor, c, FollowUpEntity, f, changes, 'follow_up');
      return toFollowUpView(await m.getRepository(FollowUpEntity).findOneByOrFail({ id: f.id }));
    });
  }

  private async find(m: EntityManager, c: CaseEntity, window: FollowUpWindow): Promise<FollowUpEntity> {
    const f = await m.getRepository(FollowUpEntity).findOneBy({ caseId: c.id, window });
    if (!f) throw notFound('Follow-up');
    return f;
  }
}
