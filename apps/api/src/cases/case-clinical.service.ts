import { Injectable } from '@nestjs/common';
import type { AssessmentRequest, AssessmentView, ErrorDetail } from '@pathways/contracts';
import { canReadClinical, canWriteClinical } from '@pathways/domain';
import type { EntityManager } from 'typeorm';
import { notFound, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { caseRoute, pastInstant } from './case-input';
import { CaseStore } from './case-store.service';
import { toAssessmentView } from './case-views';
import { AssessmentEntity } from './case-work.entities';
import { clinicalReadDenied, clinicalWriteDenied, overrideNotPending, selfApproval } from './cases.exception';

/**
 * Assessments (clinical): the assigned counselor records them, the supervisor reads them and approves level
 * overrides. Scores and levels only, never the licensed item text. A SUICIDE_RISK flag is stored here; the SAFETY
 * task is derived from the assessment row by the tasks query.
 */
@Injectable()
export class CaseClinicalService {
  constructor(private readonly store: CaseStore) {}

  async list(actor: Actor, caseId: string): Promise<AssessmentView[]> {
    return this.store.read(actor, caseId, 'assessments', async (m, c) => {
      if (!canReadClinical(actor, c)) throw clinicalReadDenied();
      const rows = await m
        .getRepository(AssessmentEntity)
        .find({ where: { caseId: c.id }, order: { administeredAt: 'DESC', createdAt: 'DESC' } });
      return this.views(m, rows);
    });
  }

  /** The first assessment moves the case to PLANNING (domain: assessment-recorded). */
  async create(
    actor: Actor,
    caseId: string,
    body: AssessmentRequest,
    key: string | undefined,
  ): Promise<AssessmentView> {
    const idempotency = { key, route: caseRoute(caseId, 'assessments'), body };
    return this.store.write(actor, caseId, { idempotency }, async (m, c) => {
      if (!canWriteClinical(actor, c)) throw clinicalWriteDenied();
      const problems: ErrorDetail[] = [];
      const administeredAt = pastInstant(body.administeredAt, 'administeredAt', this.store.now(), problems);
      if (problems.length) throw validationFailed(problems);
      const saved = await m.save(
        m.create(AssessmentEntity, {
          caseId: c.id,
          organizationId: c.organizationId,
          createdBy: actor.userId,
          instrument: body.instrument,
          timing: body.timing,
          administeredAt,
          overallLevel: body.overallLevel,
          totalScore: body.totalScore === undefined ? null : String(body.totalScore),
          domainScores: body.domainScores ?? {},
          flags: [...new Set(body.flags ?? [])],
          overrideLevel: body.overrideLevel ?? null,
          overrideReason: body.overrideLevel ? (body.overrideReason ?? null) : null,
        }),
      );
      await this.store.advance(m, actor, c, 'assessment-recorded');
      await this.store.record(m, actor, c, {
        action: 'CREATE',
        entityType: 'assessment',
        entityId: saved.id,
      });
      return (await this.views(m, [await this.reload(m, saved.id)]))[0];
    });
  }

  /** A level override counts once a supervisor other than its recorder approves it. */
  async approveOverride(actor: Actor, caseId: string, assessmentId: string): Promise<AssessmentView> {
    return this.store.write(actor, caseId, {}, async (m, c) => {
      const a = await m.getRepository(AssessmentEntity).findOneBy({ id: assessmentId, caseId: c.id });
      if (!a) throw notFound('Assessment');
      if (!a.overrideLevel) throw overrideNotPending('NO_OVERRIDE');
      if (a.overrideApprovedBy) throw overrideNotPending('APPROVED');
      if (a.createdBy === actor.userId) throw selfApproval('an override');
      await m.update(
        AssessmentEntity,
        { id: a.id },
        { overrideApprovedBy: actor.userId, overrideApprovedAt: this.store.now(), version: a.version + 1 },
      );
      await this.store.record(m, actor, c, {
        action: 'OVERRIDE',
        entityType: 'assessment',
        entityId: a.id,
        changedFields: ['overrideApprovedBy'],
      });
      return (await this.views(m, [await this.reload(m, a.id)]))[0];
    });
  }

  private reload(m: EntityManager, id: string): Promise<AssessmentEntity> {
    return m.getRepository(AssessmentEntity).findOneByOrFail({ id });
  }

  private async views(m: EntityManager, rows: AssessmentEntity[]): Promise<AssessmentView[]> {
    const names = await this.store.names(
      m,
      rows.flatMap((a) => [a.createdBy, a.overrideApprovedBy]),
    );
    return rows.map((a) => toAssessmentView(a, names));
  }
}
