import { HttpStatus, Injectable } from '@nestjs/common';
import type { ConsentInput, EnrollRequest, EnrollResponse, ErrorDetail } from '@pathways/contracts';
import {
  calendarDateIn,
  caseClocks,
  enrollmentConsentProblems,
  PROGRAM_TIME_ZONE,
  type ConsentFacts,
} from '@pathways/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseEntity, CaseEventEntity } from '../cases/case.entity';
import { ConsentEntity } from '../cases/case-work.entities';
import { validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { NoticesService } from '../notices/notices.service';
import { ReferralStore } from './referral-store';
import type { ReferralEntity } from './referral.entity';
import { overrideRequired } from './referral-triage.service';

/** `C-2026-000042`: the year opened (Pacific time) and a number from the case_number_seq sequence. */
export function formatCaseNumber(year: number, n: number): string {
  return `C-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * Enrollment (OUTREACH or CONSENT_PENDING -> ENROLLED): in one transaction the consents are checked and stored, the
 * case opens (INTAKE, with the referral's counselor and pathway and the clocks of libs/domain), the referral moves
 * to ENROLLED and the referring agency gets the ENROLLED letter. Any failure leaves nothing behind.
 */
@Injectable()
export class ReferralEnrollmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ReferralStore,
    private readonly notices: NoticesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** With an `Idempotency-Key`, a retry of the same request answers the first response and opens nothing new. */
  enroll(actor: Actor, id: string, body: EnrollRequest, idempotencyKey?: string): Promise<EnrollResponse> {
    return this.dataSource.transaction(async (m) => {
      let claimId: string | null = null;
      if (idempotencyKey) {
        const claim = await this.idempotency.claim<EnrollResponse>(
          m,
          actor,
          idempotencyKey,
          `POST /api/referrals/${id}/enroll`,
          body,
        );
        if (claim.kind === 'replay') return claim.body;
        claimId = claim.id;
      }
      const r = await this.store.lockVisible(m, actor, id);
      const to = this.store.check(r, body.version, 'enroll');
      if (r.eligibility?.decision === 'NEEDS_OVERRIDE') throw overrideRequired(r);
      const now = this.clock.now();
      const problems = await this.problems(m, r, body.consents, now);
      if (problems.length) throw validationFailed(problems);
      const counselorId = r.assignedCounselorId!;
      const youthId = r.youthId!;

      const [seq] = await m.query<{ n: number }[]>(`SELECT nextval('case_number_seq')::int AS n`);
      const caseNumber = formatCaseNumber(
        Number(calendarDateIn(now, PROGRAM_TIME_ZONE).slice(0, 4)),
        seq?.n ?? 0,
      );
      const clocks = caseClocks({ receivedAt: r.receivedAt ?? now, openedAt: now, intakeCompletedAt: null });
      const opened = await m.save(
        m.create(CaseEntity, {
          caseNumber,
          referralId: r.id,
          youthId,
          providerOrgId: r.providerOrgId,
          primaryCounselorId: counselorId,
          pathway: r.pathway!,
          status: 'INTAKE',
          openedAt: now,
          dueServiceStartAt: r.dueServiceStartAt,
          targetEndAt: clocks.targetEndAt,
          maxEndAt: clocks.maxEndAt,
          organizationId: r.providerOrgId,
          createdBy: actor.userId,
        }),
      );
      await m.insert(CaseEventEntity, {
        caseId: opened.id,
        at: now,
        actorId: actor.userId,
        statusFrom: null,
        statusTo: 'INTAKE',
        action: 'open',
        detail: null,
        organizationId: r.providerOrgId,
      });
      await this.audit.record(m, actor, {
        action: 'CREATE',
        entityType: 'case',
        entityId: opened.id,
        youthId,
      });
      for (const c of body.consents) {
        const consent = await m.save(
          m.create(ConsentEntity, {
            youthId,
            caseId: opened.id,
            referralId: r.id,
            type: c.type,
            youthAssent: c.youthAssent,
            guardianName: c.guardianName ?? null,
            guardianId: c.guardianId ?? null,
            minorSelfConsentBasis: c.minorSelfConsentBasis ?? null,
            signatureMethod: c.signatureMethod,
            language: c.language,
            signedAt: new Date(c.signedAt),
            expiresAt: c.expiresAt ?? null,
            counterpartOrgId: c.counterpartOrgId ?? null,
            infoScope: c.infoScope ?? [],
            organizationId: r.providerOrgId,
            createdBy: actor.userId,
          }),
        );
        await this.audit.record(m, actor, {
          action: 'CREATE',
          entityType: 'consent',
          entityId: consent.id,
          youthId,
        });
      }
      const updated = await this.store.apply(m, actor, r, 'enroll', to);
      await this.notices.issue(m, actor, {
        type: 'ENROLLED',
        referral: updated,
        caseId: opened.id,
        facts: { receivedAt: r.receivedAt?.toISOString() ?? null, enrolledAt: now.toISOString() },
      });
      const response: EnrollResponse = { caseId: opened.id, caseNumber };
      if (claimId) await this.idempotency.complete(m, claimId, HttpStatus.CREATED, response);
      return response;
    });
  }

  /** Every reason not to enroll, at its request path (`consents.1.guardianId`); nothing is written when any. */
  private async problems(
    m: EntityManager,
    r: ReferralEntity,
    consents: ConsentInput[],
    now: Date,
  ): Promise<ErrorDetail[]> {
    const today = calendarDateIn(now, PROGRAM_TIME_ZONE);
    const problems: ErrorDetail[] = [];
    if (!r.assignedCounselorId)
      problems.push({ path: 'assignedCounselorId', message: 'Assign a counselor before enrolling' });
    problems.push(...enrollmentConsentProblems(consents.map(factsOf), now, today));
    const guardianIds = consents.flatMap((c) => (c.guardianId ? [c.guardianId] : []));
    const knownGuardians = new Set(
      guardianIds.length
        ? (
            await m.query<{ id: string }[]>(`SELECT id FROM guardians WHERE youth_id = $1 AND id = ANY($2)`, [
              r.youthId,
              guardianIds,
            ])
          ).map((g) => g.id)
        : [],
    );
    const orgIds = consents.flatMap((c) => (c.counterpartOrgId ? [c.counterpartOrgId] : []));
    const knownOrgs = new Set(
      orgIds.length
        ? (await m.query<{ id: string }[]>(`SELECT id FROM organizations WHERE id = ANY($1)`, [orgIds])).map(
            (o) => o.id,
          )
        : [],
    );
    consents.forEach((c, i) => {
      if (c.guardianId && !knownGuardians.has(c.guardianId))
        problems.push({ path: `consents.${i}.guardianId`, message: 'Not a guardian of this youth' });
      if (c.counterpartOrgId && !knownOrgs.has(c.counterpartOrgId))
        problems.push({ path: `consents.${i}.counterpartOrgId`, message: 'Unknown organization' });
      if (Date.parse(c.signedAt) > now.getTime())
        problems.push({
          path: `consents.${i}.signedAt`,
          message: 'A consent cannot be signed in the future',
        });
      if (c.expiresAt && c.expiresAt < today)
        problems.push({ path: `consents.${i}.expiresAt`, message: 'This consent has already expired' });
    });
    // The domain rule and the checks above may name the same field; say it once.
    const seen = new Set<string>();
    return problems.filter((p) => !seen.has(p.path) && seen.add(p.path));
  }
}

function factsOf(c: ConsentInput): ConsentFacts {
  return {
    type: c.type,
    youthAssent: c.youthAssent,
    guardianName: c.guardianName ?? null,
    guardianId: c.guardianId ?? null,
    minorSelfConsentBasis: c.minorSelfConsentBasis ?? null,
    signedAt: new Date(c.signedAt),
    expiresAt: c.expiresAt ?? null,
    counterpartOrgId: c.counterpartOrgId ?? null,
    infoScope: c.infoScope ?? null,
  };
}
