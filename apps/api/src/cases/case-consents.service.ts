import { Injectable } from '@nestjs/common';
import type { ConsentInput, ConsentView, ErrorDetail } from '@pathways/contracts';
import { In, type EntityManager } from 'typeorm';
import { notFound, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { OrganizationEntity } from '../organizations/organization.entity';
import { GuardianEntity } from '../youth/youth.entity';
import { caseRoute, pastInstant } from './case-input';
import { CaseStore } from './case-store.service';
import { toConsentView } from './case-views';
import { ConsentEntity } from './case-work.entities';
import type { CaseEntity } from './case.entity';
import { consentAlreadyRevoked } from './cases.exception';

/**
 * Consents and releases of information of a case's youth. Rows are never deleted: revoking stamps `revoked_at`,
 * and every rule that reads consents (police scope, SUD access) checks it on the next request.
 */
@Injectable()
export class CaseConsentsService {
  constructor(private readonly store: CaseStore) {}

  /** The case's consents and those given on its referral before the case opened (enrollment). */
  async list(actor: Actor, caseId: string): Promise<ConsentView[]> {
    return this.store.read(actor, caseId, 'consents', async (m, c) => {
      const rows = await m.getRepository(ConsentEntity).find({
        where: [{ caseId: c.id }, { referralId: c.referralId }],
        order: { signedAt: 'DESC', id: 'ASC' },
      });
      return this.views(m, rows);
    });
  }

  async create(
    actor: Actor,
    caseId: string,
    body: ConsentInput,
    key: string | undefined,
  ): Promise<ConsentView> {
    const idempotency = { key, route: caseRoute(caseId, 'consents'), body };
    return this.store.write(actor, caseId, { idempotency }, async (m, c) => {
      const problems: ErrorDetail[] = [];
      const signedAt = pastInstant(body.signedAt, 'signedAt', this.store.now(), problems);
      if (
        body.guardianId &&
        !(await m.getRepository(GuardianEntity).existsBy({ id: body.guardianId, youthId: c.youthId }))
      )
        problems.push({ path: 'guardianId', message: "Choose one of this youth's guardians" });
      if (
        body.counterpartOrgId &&
        !(await m.getRepository(OrganizationEntity).existsBy({ id: body.counterpartOrgId }))
      )
        problems.push({ path: 'counterpartOrgId', message: 'Organization not found' });
      if (problems.length || !signedAt) throw validationFailed(problems);
      const saved = await m.save(
        m.create(ConsentEntity, {
          youthId: c.youthId,
          caseId: c.id,
          referralId: c.referralId,
          type: body.type,
          youthAssent: body.youthAssent,
          guardianName: body.guardianName ?? null,
          guardianId: body.guardianId ?? null,
          minorSelfConsentBasis: body.minorSelfConsentBasis ?? null,
          signatureMethod: body.signatureMethod,
          language: body.language,
          signedAt,
          expiresAt: body.expiresAt ?? null,
          counterpartOrgId: body.counterpartOrgId ?? null,
          infoScope: body.infoScope ? [...new Set(body.infoScope)] : [],
          organizationId: c.organizationId,
          createdBy: actor.userId,
        }),
      );
      await this.store.record(m, actor, c, { action: 'CREATE', entityType: 'consent', entityId: saved.id });
      return this.view(m, saved.id);
    });
  }

  /**
   * Revocation takes effect on the next request. Possible on a closed case too: a family may withdraw a release at
   * any time. (The optional reason of the request has no column and is not kept.)
   */
  async revoke(actor: Actor, caseId: string, consentId: string): Promise<ConsentView> {
    return this.store.write(actor, caseId, { allowClosed: true }, async (m, c) => {
      const consent = await this.consentOf(m, c, consentId);
      if (consent.revokedAt) throw consentAlreadyRevoked();
      await this.store.updateRow(
        m,
        actor,
        c,
        ConsentEntity,
        consent,
        { revokedAt: this.store.now(), revokedBy: actor.userId },
        'consent',
      );
      return this.view(m, consent.id);
    });
  }

  private async consentOf(m: EntityManager, c: CaseEntity, id: string): Promise<ConsentEntity> {
    const consent = await m.getRepository(ConsentEntity).findOne({
      where: [
        { id, caseId: c.id },
        { id, referralId: c.referralId },
      ],
    });
    if (!consent) throw notFound('Consent');
    return consent;
  }

  private async view(m: EntityManager, id: string): Promise<ConsentView> {
    return (await this.views(m, [await m.getRepository(ConsentEntity).findOneByOrFail({ id })]))[0];
  }

  private async views(m: EntityManager, rows: ConsentEntity[]): Promise<ConsentView[]> {
    const orgIds = [...new Set(rows.map((x) => x.counterpartOrgId).filter((id): id is string => !!id))];
    const orgs = orgIds.length
      ? await m.getRepository(OrganizationEntity).find({ where: { id: In(orgIds) } })
      : [];
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    const now = this.store.now();
    return rows.map((x) => toConsentView(x, now, orgNames));
  }
}
