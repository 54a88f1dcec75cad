import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  ContactModality,
  ContactParticipant,
  ContactRequest,
  ContactResult,
  ContactType,
  ContactView,
  CreateReferralResponse,
  ErrorDetail,
  OutreachSummary,
  ProviderReferralDetail,
} from '@pathways/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ContactEntity } from '../cases/case-work.entities';
import { AppException, transitionNotAllowed, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { NoticesService } from '../notices/notices.service';
import { returnNoticeFacts } from './referral-returns';
import { ReferralStore } from './referral-store';
import { loadOutreachRows, outreachCountsOf } from './referral-work';
import type { ReferralEntity } from './referral.entity';
import { ReferralsQueryService } from './referrals-query.service';

type Detail = CreateReferralResponse | ProviderReferralDetail;

/** Contacts a referral takes before a case exists: attempts to reach the family, and the intake meeting. */
const REFERRAL_CONTACT_TYPES: readonly ContactType[] = ['OUTREACH_ATTEMPT', 'INTAKE'];
/** Outreach is recorded while the counselor works the referral. */
const OUTREACH_STATUSES = ['OUTREACH', 'CONSENT_PENDING'];
/** Devices' clocks disagree a little; an occurredAt later than this ahead of the server is a mistake. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Outreach on an assigned referral (REFERRAL_WORK: its counselor or a supervisor): record attempts and contacts (a
 * completed one moves OUTREACH to CONSENT_PENDING), close as unable to contact once the attempt rule is met, record
 * a family's decline. Enrollment is its own service (referral-enrollment.service.ts).
 */
@Injectable()
export class ReferralOutreachService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ReferralStore,
    private readonly query: ReferralsQueryService,
    private readonly notices: NoticesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** With an `Idempotency-Key`, a retry of the same request answers the first contact and records nothing new. */
  async addContact(
    actor: Actor,
    id: string,
    body: ContactRequest,
    idempotencyKey?: string,
  ): Promise<ContactView> {
    return this.dataSource.transaction(async (m) => {
      let claimId: string | null = null;
      if (idempotencyKey) {
        const claim = await this.idempotency.claim<ContactView>(
          m,
          actor,
          idempotencyKey,
          `POST /api/referrals/${id}/contacts`,
          body,
        );
        if (claim.kind === 'replay') return claim.body;
        claimId = claim.id;
      }
      const r = await this.store.lockVisible(m, actor, id);
      if (!OUTREACH_STATUSES.includes(r.status)) throw transitionNotAllowed(r.status, 'contact');
      const problems = this.contactProblems(r, body);
      if (problems.length) throw validationFailed(problems);
      const contact = await m.save(
        m.create(ContactEntity, {
          referralId: r.id,
          caseId: null,
          occurredAt: new Date(body.occurredAt),
          durationMin: body.durationMin ?? null,
          contactType: body.contactType,
          modality: body.modality,
          result: body.result,
          participants: body.participants ?? [],
          language: body.language ?? null,
          interpreterUsed: body.interpreterUsed ?? false,
          serviceEnrollmentId: null,
          organizationId: r.providerOrgId,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'CREATE',
        entityType: 'contact',
        entityId: contact.id,
        youthId: r.youthId,
      });
      // Reaching the family ends outreach: consent is next.
      if (body.result === 'COMPLETED' && r.status === 'OUTREACH')
        await this.store.apply(
          m,
          actor,
          r,
          'contact-completed',
          this.store.check(r, r.version, 'contact-completed'),
        );
      const [row] = await this.contactRows(m, { id: contact.id });
      const view = toContactView(row);
      if (claimId) await this.idempotency.complete(m, claimId, HttpStatus.CREATED, view);
      return view;
    });
  }

  /** The referral's contacts and where its attempts stand against the rule; audited as a VIEW. */
  async contacts(actor: Actor, id: string): Promise<OutreachSummary> {
    return this.dataSource.transaction(async (m) => {
      const { referral } = await this.query.loadVisible(m, actor, id);
      const rows = await this.contactRows(m, { referralId: referral.id });
      const counts = outreachCountsOf(
        rows.map((c) => ({
          occurred_at: c.occurredAt,
          contact_type: c.contactType,
          modality: c.modality,
          result: c.result,
        })),
      );
      await this.audit.record(m, actor, {
        action: 'VIEW',
        entityType: 'referral_contacts',
        entityId: referral.id,
        youthId: referral.youthId,
      });
      return {
        attempts: counts.attempts,
        modalities: counts.modalities,
        attemptRuleMet: counts.attemptRuleMet,
        firstAttemptAt: counts.firstAttemptAt,
        contacts: rows.map(toContactView),
      };
    });
  }

  /** OUTREACH -> UNABLE_TO_CONTACT once >= 3 attempts over >= 2 modalities fall within 10 business days. */
  unableToContact(actor: Actor, id: string, body: { version: number }): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockVisible(m, actor, id);
      const to = this.store.check(r, body.version, 'unable-to-contact');
      const counts = outreachCountsOf(await loadOutreachRows(m, r.id));
      if (!counts.attemptRuleMet)
        throw new AppException(HttpStatus.CONFLICT, {
          code: 'ATTEMPT_RULE_NOT_MET',
          message:
            'Make at least 3 outreach attempts, over at least 2 ways of contact, within 10 business days before closing as unable to contact.',
          currentStatus: r.status,
        });
      const now = this.clock.now();
      const updated = await this.store.apply(m, actor, r, 'unable-to-contact', to, {
        changes: { returnedToReferrerAt: now },
      });
      await this.notices.issue(m, actor, {
        type: 'UNSUCCESSFUL_RETURN',
        referral: updated,
        facts: {
          ...returnNoticeFacts(updated, now),
          outcome: 'UNABLE_TO_CONTACT',
          attempts: String(counts.attempts),
        },
      });
      return this.query.detailIn(m, updated, actor);
    });
  }

  /** CONSENT_PENDING -> DECLINED: the family's reason is kept (an equity measure); the letter says only "declined". */
  decline(actor: Actor, id: string, body: { version: number; reason: string }): Promise<Detail> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.store.lockVisible(m, actor, id);
      const to = this.store.check(r, body.version, 'decline');
      const now = this.clock.now();
      const updated = await this.store.apply(m, actor, r, 'decline', to, {
        changes: { declineReason: body.reason, returnedToReferrerAt: now },
      });
      await this.notices.issue(m, actor, {
        type: 'UNSUCCESSFUL_RETURN',
        referral: updated,
        facts: { ...returnNoticeFacts(updated, now), outcome: 'DECLINED' },
      });
      return this.query.detailIn(m, updated, actor);
    });
  }

  private contactProblems(r: ReferralEntity, body: ContactRequest): ErrorDetail[] {
    const problems: ErrorDetail[] = [];
    if (!REFERRAL_CONTACT_TYPES.includes(body.contactType))
      problems.push({
        path: 'contactType',
        message: 'Before enrollment, record outreach attempts or the intake meeting',
      });
    if (body.serviceEnrollmentId)
      problems.push({ path: 'serviceEnrollmentId', message: 'Services belong to a case, not a referral' });
    const at = Date.parse(body.occurredAt);
    if (at > this.clock.now().getTime() + FUTURE_TOLERANCE_MS)
      problems.push({ path: 'occurredAt', message: 'The contact cannot be in the future' });
    // Compared to the minute: the form records minutes, so "now" in the minute the referral arrived is not before it.
    else if (r.receivedAt && at < Math.floor(r.receivedAt.getTime() / 60_000) * 60_000)
      problems.push({
        path: 'occurredAt',
        message: 'The contact cannot be before the referral was received',
      });
    return problems;
  }

  private async contactRows(
    m: EntityManager,
    where: { id: string } | { referralId: string },
  ): Promise<ContactRow[]> {
    const [column, value] = 'id' in where ? ['c.id', where.id] : ['c.referral_id', where.referralId];
    const rows: RawContact[] = await m.query(
      `SELECT c.*, u.display_name AS created_by_name
         FROM contacts c LEFT JOIN users u ON u.id = c.created_by
        WHERE ${column} = $1 ORDER BY c.occurred_at, c.id`,
      [value],
    );
    return rows.map((row) => ({
      id: row.id,
      referralId: row.referral_id,
      caseId: row.case_id,
      occurredAt: row.occurred_at,
      durationMin: row.duration_min,
      contactType: row.contact_type,
      modality: row.modality,
      result: row.result,
      participants: row.participants,
      language: row.language,
      interpreterUsed: row.interpreter_used,
      serviceEnrollmentId: row.service_enrollment_id,
      createdBy: row.created_by,
      createdByName: row.created_by_name,
      createdAt: row.created_at,
    }));
  }
}

interface RawContact {
  id: string;
  referral_id: string | null;
  case_id: string | null;
  occurred_at: Date;
  duration_min: number | null;
  contact_type: ContactType;
  modality: ContactModality;
  result: ContactResult;
  participants: ContactParticipant[];
  language: string | null;
  interpreter_used: boolean;
  service_enrollment_id: string | null;
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
}

/** A contact as the API shows it (the same shape as a case contact). */
export interface ContactRow {
  id: string;
  referralId: string | null;
  caseId: string | null;
  occurredAt: Date;
  durationMin: number | null;
  contactType: ContactType;
  modality: ContactModality;
  result: ContactResult;
  participants: ContactParticipant[];
  language: string | null;
  interpreterUsed: boolean;
  serviceEnrollmentId: string | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: Date;
}

export function toContactView(c: ContactRow): ContactView {
  return {
    id: c.id,
    referralId: c.referralId,
    caseId: c.caseId,
    occurredAt: c.occurredAt.toISOString(),
    contactType: c.contactType,
    modality: c.modality,
    result: c.result,
    durationMin: c.durationMin,
    participants: c.participants,
    language: c.language,
    interpreterUsed: c.interpreterUsed,
    serviceEnrollmentId: c.serviceEnrollmentId,
    createdBy: c.createdBy,
    createdByName: c.createdByName,
    createdAt: c.createdAt.toISOString(),
  };
}
