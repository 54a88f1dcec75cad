import { Injectable } from '@nestjs/common';
import type { AuditEventView, AuditQuery, Page } from '@pathways/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditEventEntity } from './audit-event.entity';

/** The AUDITOR's search over the audit trail, always limited to the auditor's own organization. */
@Injectable()
export class AuditQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, q: AuditQuery): Promise<Page<AuditEventView>> {
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.organizationId = :org', { org: actor.organizationId });
    if (q.actorId) qb.andWhere('e.actorId = :actorId', { actorId: q.actorId });
    if (q.entityType) qb.andWhere('e.entityType = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('e.entityId = :entityId', { entityId: q.entityId });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    if (q.from) qb.andWhere('e.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('e.at < :to', { to: q.to });
    const [rows, total] = await qb
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.seq', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }
}

function toView(e: AuditEventEntity): AuditEventView {
  return {
    id: e.id,
    seq: Number(e.seq),
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole as AuditEventView['actorRole'],
    organizationId: e.organizationId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    youthId: e.youthId,
    outcome: e.outcome,
    ip: e.ip,
    userAgent: e.userAgent,
    requestId: e.requestId,
    changedFields: e.changedFields,
  };
}
