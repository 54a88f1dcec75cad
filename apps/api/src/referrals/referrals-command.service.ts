import { HttpStatus, Injectable } from '@nestjs/common';
import {
  referralDraftSchema,
  referralSubmitSchema,
  type CreateReferralResponse,
  type GuardianInput,
  type ProviderReferralDetail,
  type ReferralDraftInput,
  type ReferralSubmitInput,
} from '@pathways/contracts';
import {
  calendarDateIn,
  dueServiceStartAt,
  formatReferenceNumber,
  PROGRAM_TIME_ZONE,
  type ReferralAction,
} from '@pathways/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, staleVersion, transitionNotAllowed, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { parseOrThrow } from '../common/zod-validation.pipe';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { GuardianEntity, YouthEntity } from '../youth/youth.entity';
import {
  type CatalogCheck,
  checkAgainstCatalogs,
  eligibilityOf,
  formColumns,
  formOf,
} from './referral-input';
import { fillFollowUpsFromReferral } from './follow-up-fill';
import { ReferralStore } from './referral-store';
import { ReferralEntity } from './referral.entity';
import { ReferralsQueryService } from './referrals-query.service';

export const CREATE_REFERRAL_ROUTE = 'POST /api/referrals';

/** The referring officer's transitions; the provider's are in referral-triage / referral-outreach services. */
export type AuthorAction = Extract<ReferralAction, 'submit' | 'withdraw'>;

export interface TransitionBody {
  version: number;
  reason?: string;
}

type Detail = CreateReferralResponse | ProviderReferralDetail;

/**
 * The referring officer's writes: create (draft or submitted, idempotent), edit a draft or a NEEDS_INFO referral,
 * submit, withdraw, acknowledge a returned decision, discard a draft. Each is one transaction with its
 * referral_events row and its audit row. Submitting also fills the pending follow-ups of the youth's closed cases.
 */
@Injectable()
export class ReferralsCommandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly query: ReferralsQueryService,
    private readonly store: ReferralStore,
  ) {}

  async create(
    actor: Actor,
    body: Record<string, unknown>,
    idempotencyKey: string | undefined,
  ): Promise<CreateReferralResponse> {
    const { submit, ...fields } = body;
    const asDraft = submit === false;
    const input = asDraft
      ? parseOrThrow(referralDraftSchema, fields)
      : parseOrThrow(referralSubmitSchema, fields);
    return this.dataSource.transaction(async (m) => {
      let claimId: string | null = null;
      if (idempotencyKey) {
        const claim = await this.idempotency.claim<CreateReferralResponse>(
          m,
          actor,
          idempotencyKey,
          CREATE_REFERRAL_ROUTE,
          body,
        );
        if (claim.kind === 'replay') return claim.body;
        claimId = claim.id;
      }
      const check = await checkAgainstCatalogs(m, actor, input);
      if (check.problems.length) throw validationFailed(check.problems);
      const providerOrgId = await this.providerOrgId(m);
      const referral = m.create(ReferralEntity, {
        referringOrgId: actor.organizationId,
        referringUserId: actor.userId,
        providerOrgId,
        organizationId: actor.organizationId,
        createdBy: actor.userId,
        status: 'DRAFT',
        draft: asDraft ? input : null,
      });
      let guardians: GuardianInput[] = [];
      if (!asDraft) {
        const submission = await this.submission(m, actor, referral, input as ReferralSubmitInput, check);
        Object.assign(referral, submission.columns, { status: 'SUBMITTED' });
        guardians = submission.guardians;
      }
      await m.save(referral);
      await this.insertGuardians(m, actor, referral, referral.youthId, guardians);
      await this.store.recordEvent(
        m,
        actor,
        referral.id,
        null,
        referral.status,
        asDraft ? 'create' : 'submit',
      );
      await this.audit.record(m, actor, {
        action: 'CREATE',
        entityType: 'referral',
        entityId: referral.id,
        youthId: referral.youthId,
      });
      if (!asDraft) await fillFollowUpsFromReferral(m, this.audit, actor, referral, this.clock.now());
      const response = await this.query.detailIn(m, referral, actor);
      if (claimId) await this.idempotency.complete(m, claimId, HttpStatus.CREATED, response);
      return response;
    });
  }

  /** PATCH: a DRAFT merges into its saved form; a NEEDS_INFO referral is re-validated whole and re-evaluated. */
  async update(actor: Actor, id: string, body: Record<string, unknown>): Promise<Detail> {
    const { version, ...fields } = body as { version: number } & Record<string, unknown>;
    const patch = parseOrThrow(referralDraftSchema, fields);
    const changedFields = Object.keys(patch);
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockOwn(m, actor, id, 'edit');
      if (r.version !== version) throw staleVersion(r.version);
      if (r.status === 'DRAFT') {
        const draft = parseOrThrow(
          referralDraftSchema,
          withoutConflictingYouth({ ...(r.draft ?? {}), ...patch }, patch),
        );
        const check = await checkAgainstCatalogs(m, actor, draft);
        if (check.problems.length) throw validationFailed(check.problems);
        await this.store.update(m, r, { draft });
      } else if (r.status === 'NEEDS_INFO') {
        const guardians = await m.getRepository(GuardianEntity).findBy({ referralId: r.id });
        const merged = parseOrThrow(
          referralSubmitSchema,
          withoutConflictingYouth({ ...formOf(r, guardians), ...patch }, patch),
        );
        const check = await checkAgainstCatalogs(m, actor, merged);
        if (check.problems.length) throw validationFailed(check.problems);
        // A corrected identity updates the youth already linked; it does not create another one.
        const youthId = merged.youthId ?? r.youthId;
        if (merged.youth && youthId) await m.update(YouthEntity, { id: youthId }, youthColumns(merged.youth));
        const linkedYouth = youthId ? await m.getRepository(YouthEntity).findOneBy({ id: youthId }) : null;
        const submission = await this.submission(
          m,
          actor,
          r,
          { ...merged, youth: undefined, youthId: youthId ?? undefined },
          { ...check, linkedYouth },
        );
        await this.store.update(m, r, submission.columns);
        if (patch.guardians) {
          await m.delete(GuardianEntity, { referralId: r.id });
          await this.insertGuardians(m, actor, r, submission.columns.youthId, submission.guardians);
        }
      } else throw transitionNotAllowed(r.status, 'edit');
      await this.audit.record(m, actor, {
        action: 'UPDATE',
        entityType: 'referral',
        entityId: r.id,
        youthId: r.youthId,
        changedFields,
      });
      return this.query.detailIn(m, await this.store.reload(m, r.id), actor);
    });
  }

  /** Submit (a draft or a NEEDS_INFO referral) or withdraw: the referring officer only. */
  async transition(actor: Actor, id: string, action: AuthorAction, body: TransitionBody): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockOwn(m, actor, id, action);
      const to = this.store.check(r, body.version, action);
      const changes: Partial<ReferralEntity> = {};
      let guardians: GuardianInput[] = [];
      if (action === 'submit' && r.status === 'DRAFT') {
        const input = parseOrThrow(referralSubmitSchema, r.draft ?? {});
        const check = await checkAgainstCatalogs(m, actor, input);
        if (check.problems.length) throw validationFailed(check.problems);
        const submission = await this.submission(m, actor, r, input, check);
        Object.assign(changes, submission.columns, { draft: null });
        guardians = submission.guardians;
      } else if (action === 'submit') changes.infoRequest = null;
      else changes.withdrawReason = body.reason ?? null;
      const updated = await this.store.apply(m, actor, r, action, to, { changes });
      await this.insertGuardians(m, actor, r, changes.youthId, guardians);
      if (action === 'submit')
        await fillFollowUpsFromReferral(m, this.audit, actor, updated, this.clock.now());
      return this.query.detailIn(m, updated, actor);
    });
  }

  /**
   * The referring officer has read a decision returned to them (ineligible, unable to contact, declined, an
   * unsuccessful closure): ends their DECISION_RETURNED task. The status does not change.
   */
  async acknowledgeReturn(actor: Actor, id: string, body: TransitionBody): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockOwn(m, actor, id, 'acknowledge-return');
      if (r.version !== body.version) throw staleVersion(r.version);
      if (!r.returnedToReferrerAt || r.returnAcknowledgedAt)
        throw new AppException(HttpStatus.CONFLICT, {
          code: r.returnAcknowledgedAt ? 'RETURN_ALREADY_ACKNOWLEDGED' : 'NOTHING_RETURNED',
          message: r.returnAcknowledgedAt
            ? 'You already acknowledged the decision on this referral.'
            : 'No decision on this referral has been returned to you.',
          currentStatus: r.status,
        });
      const updated = await this.store.apply(m, actor, r, 'acknowledge-return', r.status, {
        changes: { returnAcknowledgedAt: this.clock.now() },
      });
      return this.query.detailIn(m, updated, actor);
    });
  }

  /** Discards a draft (its author only). Submitted referrals are withdrawn, never deleted. */
  async discardDraft(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const r = await this.store.lockOwn(m, actor, id, 'discard');
      if (r.status !== 'DRAFT') throw transitionNotAllowed(r.status, 'discard');
      await m.delete(ReferralEntity, { id: r.id });
      await this.audit.record(m, actor, {
        action: 'UPDATE',
        entityType: 'referral',
        entityId: r.id,
        changedFields: ['discarded'],
      });
    });
  }

  /**
   * What submitting a complete form sets: the youth (created, or the linked one), the form's columns, eligibility,
   * and — the first time only — the reference number, `receivedAt` and the 20-day due date.
   */
  private async submission(
    m: EntityManager,
    actor: Actor,
    referral: ReferralEntity,
    input: ReferralSubmitInput,
    check: CatalogCheck,
  ): Promise<{ columns: Partial<ReferralEntity>; guardians: GuardianInput[] }> {
    let youth = check.linkedYouth;
    if (!youth && input.youth)
      youth = await m.save(
        m.create(YouthEntity, {
          ...youthColumns(input.youth),
          organizationId: referral.providerOrgId,
          schoolId: input.schoolId,
          grade: input.grade ?? null,
          createdBy: actor.userId,
        }),
      );
    if (!youth) throw validationFailed([{ path: 'youthId', message: 'Youth not found' }]);
    const receivedAt = referral.receivedAt ?? this.clock.now();
    let referenceNumber = referral.referenceNumber;
    if (!referenceNumber) {
      const [row] = await m.query<{ n: number }[]>(`SELECT nextval('referral_number_seq')::int AS n`);
      const year = Number(calendarDateIn(receivedAt, PROGRAM_TIME_ZONE).slice(0, 4));
      referenceNumber = formatReferenceNumber(year, row?.n ?? 0);
    }
    return {
      columns: {
        ...formColumns(input),
        youthId: youth.id,
        eligibility: eligibilityOf(youth.dateOfBirth, input, check.excludedCodes),
        referenceNumber,
        receivedAt,
        dueServiceStartAt: referral.dueServiceStartAt ?? dueServiceStartAt(receivedAt),
      },
      guardians: input.guardians,
    };
  }

  private async insertGuardians(
    m: EntityManager,
    actor: Actor,
    referral: ReferralEntity,
    youthId: string | null | undefined,
    guardians: GuardianInput[],
  ): Promise<void> {
    if (!guardians.length || !youthId) return;
    await m.insert(
      GuardianEntity,
      guardians.map((g) => ({
        youthId,
        referralId: referral.id,
        organizationId: referral.providerOrgId,
        name: g.name,
        relationship: g.relationship,
        phone: g.phone,
        email: g.email ?? null,
        preferredLanguage: g.preferredLanguage,
        interpreterNeeded: g.interpreterNeeded ?? false,
        createdBy: actor.userId,
      })),
    );
  }

  /** The provider that receives referrals: the one SERVICE_PROVIDER organization for now. */
  private async providerOrgId(m: EntityManager): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM organizations WHERE kind = 'SERVICE_PROVIDER' ORDER BY created_at, id LIMIT 1`,
    );
    const id = rows[0]?.id;
    if (!id)
      throw new AppException(HttpStatus.CONFLICT, {
        code: 'NO_PROVIDER',
        message: 'No service provider is set up to receive referrals. Ask an administrator.',
      });
    return id;
  }
}

type YouthColumns = Pick<
  YouthEntity,
  | 'firstName'
  | 'lastName'
  | 'preferredName'
  | 'dateOfBirth'
  | 'genderIdentity'
  | 'raceEthnicity'
  | 'primaryLanguage'
>;

function youthColumns(y: NonNullable<ReferralSubmitInput['youth']>): YouthColumns {
  return {
    firstName: y.firstName,
    lastName: y.lastName,
    preferredName: y.preferredName ?? null,
    dateOfBirth: y.dateOfBirth,
    genderIdentity: y.genderIdentity ?? null,
    raceEthnicity: y.raceEthnicity ?? [],
    primaryLanguage: y.primaryLanguage,
  };
}

/** A patch that brings `youth` replaces a saved `youthId` and vice versa (the form holds exactly one). */
function withoutConflictingYouth<T extends ReferralDraftInput>(merged: T, patch: ReferralDraftInput): T {
  const out = { ...merged };
  if (patch.youth !== undefined && patch.youthId === undefined) delete out.youthId;
  if (patch.youthId !== undefined && patch.youth === undefined) delete out.youth;
  return out;
}
