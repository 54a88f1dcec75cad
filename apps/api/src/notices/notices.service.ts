import { Injectable } from '@nestjs/common';
import type { NoticeType } from '@pathways/contracts';
import { noticeRetainUntil } from '@pathways/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { NoticeEntity } from './notice.entity';

export interface IssueNotice {
  type: NoticeType;
  referral: {
    id: string;
    referringOrgId: string;
    referringUserId: string;
    providerOrgId: string;
    youthId: string | null;
  };
  caseId?: string | null;
  /** Dates and codes for the letter (never names, narrative or note text). */
  facts?: Record<string, string | null>;
  /** When the notice goes out (default: now by the clock); the scheduler passes the instant it runs for. */
  sentAt?: Date;
}

/** Who the audit row names when the system, not a person, issues a notice (the 20-day scheduler). */
export const SYSTEM_ORIGIN = { ip: null, userAgent: null } as const;

/**
 * Issues notices (letters to the referring agency) inside the caller's transaction, with a CREATE audit row (for
 * the scheduler, `actor` null: a row with no actor and the role SYSTEM). Used by referral transitions, case
 * closure and the 20-day scheduler.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Inserts the notice; for the once-per-referral types a second call is a no-op and returns null. */
  async issue(m: EntityManager, actor: Actor | null, input: IssueNotice): Promise<NoticeEntity | null> {
    const sentAt = input.sentAt ?? this.clock.now();
    const rows = await m
      .createQueryBuilder()
      .insert()
      .into(NoticeEntity)
      .values({
        type: input.type,
        referralId: input.referral.id,
        caseId: input.caseId ?? null,
        toOrgId: input.referral.referringOrgId,
        toUserId: input.referral.referringUserId,
        sentAt,
        retainUntil: noticeRetainUntil(sentAt),
        facts: input.facts ?? {},
        organizationId: input.referral.providerOrgId,
        createdBy: actor?.userId ?? null,
      })
      .orIgnore()
      .returning('*')
      .execute();
    const raw = (rows.raw as NoticeEntity[] | undefined)?.[0];
    if (!raw) return null;
    const notice = await m.getRepository(NoticeEntity).findOneByOrFail({ id: (raw as { id: string }).id });
    const row = {
      action: 'CREATE' as const,
      entityType: 'notice',
      entityId: notice.id,
      youthId: input.referral.youthId,
    };
    if (actor) await this.audit.record(m, actor, row);
    else
      await this.audit.recordFor(
        m,
        { actorId: null, actorRole: 'SYSTEM', organizationId: input.referral.providerOrgId },
        { ...SYSTEM_ORIGIN, requestId: `system:notice:${input.type}` },
        row,
      );
    return notice;
  }
}
