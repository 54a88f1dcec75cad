import { Injectable } from '@nestjs/common';
import type {
  Locale,
  NoticeLanguageQuery,
  NoticeListQuery,
  NoticeType,
  NoticeView,
  Page,
} from '@pathways/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { cappedCountSql, pageTotal } from '../common/list-count';
import { Params } from '../common/sql-params';
import { ReferralEntity } from '../referrals/referral.entity';
import { canSeeReferral, isPoliceViewer } from '../referrals/referrals.policy';
import { renderLetter } from './notice-letters';

interface NoticeRow {
  id: string;
  type: NoticeType;
  referral_id: string;
  case_id: string | null;
  to_org_id: string;
  to_user_id: string | null;
  sent_at: Date;
  retain_until: Date;
  facts: Record<string, string | null>;
  reference_number: string | null;
  youth_id: string | null;
  to_org_name: string | null;
  from_org_name: string | null;
}

const SELECT = `SELECT n.id, n.type, n.referral_id, n.case_id, n.to_org_id, n.to_user_id, n.sent_at, n.retain_until,
                       n.facts, r.reference_number, r.youth_id, t.name AS to_org_name, f.name AS from_org_name
                  FROM notices n
                  JOIN referrals r ON r.id = n.referral_id
                  LEFT JOIN organizations t ON t.id = n.to_org_id
                  LEFT JOIN organizations f ON f.id = n.organization_id`;

/**
 * Which notices a caller reads, as SQL on aliases `n` (notices) and `r` (referrals): police users the letters to
 * their agency (an SRO only those about their own referrals), provider users the letters their provider sent (a
 * counselor only about referrals assigned to them).
 */
function noticeScopeSql(actor: Actor, p: Params): string {
  switch (actor.role) {
    case 'SRO':
      return `n.to_org_id = ${p.add(actor.organizationId)} AND r.referring_user_id = ${p.add(actor.userId)}`;
    case 'PD_SUPERVISOR':
      return `n.to_org_id = ${p.add(actor.organizationId)}`;
    case 'COUNSELOR':
      return `n.organization_id = ${p.add(actor.organizationId)} AND r.assigned_counselor_id = ${p.add(actor.userId)}`;
    case 'PROVIDER_SUPERVISOR':
      return `n.organization_id = ${p.add(actor.organizationId)}`;
    case 'ADMIN':
    case 'AUDITOR':
      return 'false';
  }
}

/** Reads of notices with their letters rendered in the reader's language; each notice read is a VIEW audit row. */
@Injectable()
export class NoticesQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, q: NoticeListQuery): Promise<Page<NoticeView>> {
    return this.dataSource.transaction(async (m) => {
      const p = new Params();
      const where = `WHERE ${noticeScopeSql(actor, p)}`;
      const [count] = await m.query<{ n: number }[]>(
        cappedCountSql(`FROM notices n JOIN referrals r ON r.id = n.referral_id ${where}`),
        p.values,
      );
      const rows: NoticeRow[] = await m.query(
        `${SELECT} ${where} ORDER BY n.sent_at DESC, n.id LIMIT ${p.add(q.pageSize)} OFFSET ${p.add((q.page - 1) * q.pageSize)}`,
        p.values,
      );
      return {
        items: await this.views(m, actor, rows, q.lang),
        ...pageTotal(count?.n),
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  }

  /** The notices of one referral the caller sees (404 otherwise), oldest first. */
  async forReferral(actor: Actor, referralId: string, q: NoticeLanguageQuery): Promise<NoticeView[]> {
    return this.dataSource.transaction(async (m) => {
      const r = await m.getRepository(ReferralEntity).findOneBy({ id: referralId });
      if (!r || !canSeeReferral(actor, r)) throw notFound('Referral');
      const p = new Params();
      const own = isPoliceViewer(actor.role) ? 'n.to_org_id' : 'n.organization_id';
      const rows: NoticeRow[] = await m.query(
        `${SELECT} WHERE n.referral_id = ${p.add(r.id)} AND ${own} = ${p.add(actor.organizationId)}
          ORDER BY n.sent_at, n.id`,
        p.values,
      );
      return this.views(m, actor, rows, q.lang);
    });
  }

  private async views(
    m: EntityManager,
    actor: Actor,
    rows: NoticeRow[],
    lang: Locale | undefined,
  ): Promise<NoticeView[]> {
    const language = lang ?? actor.locale;
    const police = isPoliceViewer(actor.role);
    await this.audit.recordMany(
      m,
      { actorId: actor.userId, actorRole: actor.role, organizationId: actor.organizationId },
      actor,
      { action: 'VIEW', entityType: 'notice' },
      rows.map((row) => ({ entityId: row.id, youthId: row.youth_id })),
    );
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      referralId: row.referral_id,
      referenceNumber: row.reference_number,
      // The case is the provider's record; police users have no route to it.
      caseId: police ? null : row.case_id,
      toOrgId: row.to_org_id,
      toOrgName: row.to_org_name,
      toUserId: row.to_user_id,
      sentAt: row.sent_at.toISOString(),
      retainUntil: row.retain_until.toISOString(),
      letter: renderLetter(
        {
          type: row.type,
          referenceNumber: row.reference_number,
          sentAt: row.sent_at,
          retainUntil: row.retain_until,
          facts: row.facts,
          toOrgName: row.to_org_name,
          fromOrgName: row.from_org_name,
        },
        language,
      ),
    }));
  }
}
