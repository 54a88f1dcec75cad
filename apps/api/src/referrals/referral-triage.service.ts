import { HttpStatus, Injectable } from '@nestjs/common';
import type { CreateReferralResponse, Eligibility, ProviderReferralDetail } from '@pathways/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { NoticesService } from '../notices/notices.service';
import { returnNoticeFacts } from './referral-returns';
import { ReferralStore } from './referral-store';
import { ReferralEntity } from './referral.entity';
import { canSeeReferral } from './referrals.policy';
import { ReferralsQueryService } from './referrals-query.service';

type Detail = CreateReferralResponse | ProviderReferralDetail;

/** 409 when a referral that fails the eligibility checklist is moved on before a supervisor decides on it. */
export const overrideRequired = (r: ReferralEntity): AppException =>
  new AppException(HttpStatus.CONFLICT, {
    code: 'ELIGIBILITY_OVERRIDE_REQUIRED',
    message:
      'This referral fails the eligibility checklist. A supervisor overrides it with a reason, or declares it ineligible, first.',
    currentStatus: r.status,
  });

/**
 * The provider supervisor's triage (REFERRAL_TRIAGE): acknowledge, ask for information, assign a counselor, declare
 * ineligible, mark a duplicate, override the eligibility checklist. One transaction each, with its event, audit
 * row and, where the referring agency is told, its notice.
 */
@Injectable()
export class ReferralTriageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ReferralStore,
    private readonly query: ReferralsQueryService,
    private readonly notices: NoticesService,
    private readonly clock: Clock,
  ) {}

  /** SUBMITTED -> TRIAGE; the referring agency gets the REFERRAL_ACK letter. */
  acknowledge(actor: Actor, id: string, body: { version: number }): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockVisible(m, actor, id);
      const to = this.store.check(r, body.version, 'acknowledge');
      const updated = await this.store.apply(m, actor, r, 'acknowledge', to);
      await this.notices.issue(m, actor, {
        type: 'REFERRAL_ACK',
        referral: updated,
        facts: {
          receivedAt: updated.receivedAt?.toISOString() ?? null,
          dueServiceStartAt: updated.dueServiceStartAt?.toISOString() ?? null,
          acknowledgedAt: this.clock.now().toISOString(),
        },
      });
      return this.query.detailIn(m, updated, actor);
    });
  }

  requestInfo(actor: Actor, id: string, body: { version: number; message: string }): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockVisible(m, actor, id);
      const to = this.store.check(r, body.version, 'request-info');
      const updated = await this.store.apply(m, actor, r, 'request-info', to, {
        changes: { infoRequest: body.message },
      });
      return this.query.detailIn(m, updated, actor);
    });
  }

  /**
   * TRIAGE -> OUTREACH with a counselor (an active COUNSELOR of the caller's provider); later a reassignment keeps
   * the status and restarts the first-contact clock for the new counselor.
   */
  assign(actor: Actor, id: string, body: { version: number; counselorId: string }): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockVisible(m, actor, id);
      const to = this.store.check(r, body.version, 'assign');
      if (r.eligibility?.decision === 'NEEDS_OVERRIDE') throw overrideRequired(r);
      await this.checkCounselor(m, actor, body.counselorId);
      const same = r.assignedCounselorId === body.counselorId;
      const updated = await this.store.apply(m, actor, r, 'assign', to, {
        changes: same
          ? { assignedCounselorId: body.counselorId }
          : { assignedCounselorId: body.counselorId, assignedAt: this.clock.now() },
      });
      return this.query.detailIn(m, updated, actor);
    });
  }

  /** SUBMITTED/TRIAGE -> INELIGIBLE: the reason stays with the provider; the letter cites the checklist codes. */
  ineligible(actor: Actor, id: string, body: { version: number; reason: string }): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockVisible(m, actor, id);
      const to = this.store.check(r, body.version, 'ineligible');
      const now = this.clock.now();
      const updated = await this.store.apply(m, actor, r, 'ineligible', to, {
        changes: { ineligibleReason: body.reason, returnedToReferrerAt: now },
      });
      await this.notices.issue(m, actor, {
        type: 'INELIGIBLE_RETURN',
        referral: updated,
        facts: { ...returnNoticeFacts(updated, now), failures: (r.eligibility?.failures ?? []).join(',') },
      });
      return this.query.detailIn(m, updated, actor);
    });
  }

  /** SUBMITTED/TRIAGE -> DUPLICATE of another referral the supervisor sees. */
  markDuplicate(actor: Actor, id: string, body: { version: number; duplicateOfId: string }): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockVisible(m, actor, id);
      const to = this.store.check(r, body.version, 'mark-duplicate');
      const original =
        body.duplicateOfId === r.id
          ? null
          : await m.getRepository(ReferralEntity).findOneBy({ id: body.duplicateOfId });
      if (!original || !canSeeReferral(actor, original))
        throw validationFailed([
          {
            path: 'duplicateOfId',
            message:
              body.duplicateOfId === r.id
                ? 'A referral cannot duplicate itself'
                : 'Choose another referral of this provider',
          },
        ]);
      const updated = await this.store.apply(m, actor, r, 'mark-duplicate', to, {
        changes: { duplicateOfId: original.id },
      });
      return this.query.detailIn(m, updated, actor);
    });
  }

  /** WIC 654.3: a supervisor admits a referral that fails the checklist, with a reason (audited as OVERRIDE). */
  overrideEligibility(actor: Actor, id: string, body: { version: number; reason: string }): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockVisible(m, actor, id);
      const to = this.store.check(r, body.version, 'override-eligibility');
      if (r.eligibility?.decision !== 'NEEDS_OVERRIDE')
        throw new AppException(HttpStatus.CONFLICT, {
          code: 'OVERRIDE_NOT_NEEDED',
          message: 'This referral does not need an eligibility override.',
          currentStatus: r.status,
        });
      const eligibility: Eligibility = {
        ...r.eligibility,
        decision: 'OVERRIDDEN',
        overrideReason: body.reason,
        overriddenBy: actor.userId,
        overriddenAt: this.clock.now().toISOString(),
      };
      const updated = await this.store.apply(m, actor, r, 'override-eligibility', to, {
        changes: { eligibility },
        auditAction: 'OVERRIDE',
      });
      return this.query.detailIn(m, updated, actor);
    });
  }

  private async checkCounselor(m: EntityManager, actor: Actor, counselorId: string): Promise<void> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM users WHERE id = $1 AND organization_id = $2 AND role = 'COUNSELOR' AND active`,
      [counselorId, actor.organizationId],
    );
    if (!rows.length)
      throw validationFailed([
        { path: 'counselorId', message: 'Choose an active counselor of your organization' },
      ]);
  }
}
