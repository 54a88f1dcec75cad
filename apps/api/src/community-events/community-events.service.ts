import { Injectable } from '@nestjs/common';
import type {
  CommunityEventListQuery,
  CommunityEventRequest,
  CommunityEventView,
  Page,
  UpdateCommunityEventRequest,
} from '@pathways/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound, staleVersion, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { CommunityEventEntity } from './community-event.entity';

/** Community outreach events of the caller's police organization (counts only, never names). */
@Injectable()
export class CommunityEventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, q: CommunityEventListQuery): Promise<Page<CommunityEventView>> {
    const qb = this.dataSource
      .getRepository(CommunityEventEntity)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.school', 's')
      .where('e.organizationId = :org', { org: actor.organizationId });
    if (q.from) qb.andWhere('e.occurredOn >= :from', { from: q.from });
    if (q.to) qb.andWhere('e.occurredOn <= :to', { to: q.to });
    if (q.schoolId) qb.andWhere('e.schoolId = :school', { school: q.schoolId });
    const [rows, total] = await qb
      .orderBy('e.occurredOn', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    // A few events a week per agency: counted exactly.
    return { items: rows.map(toView), total, totalCapped: false, page: q.page, pageSize: q.pageSize };
  }

  async create(actor: Actor, body: CommunityEventRequest): Promise<CommunityEventView> {
    return this.dataSource.transaction(async (m) => {
      await checkSchool(m, body.schoolId);
      const event = await m.save(
        m.create(CommunityEventEntity, {
          type: body.type,
          title: body.title ?? null,
          occurredOn: body.occurredOn,
          schoolId: body.schoolId ?? null,
          participantCount: body.participantCount,
          partners: body.partners ?? [],
          organizationId: actor.organizationId,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'CREATE',
        entityType: 'community_event',
        entityId: event.id,
      });
      return toView(await this.load(m, actor, event.id));
    });
  }

  async update(actor: Actor, id: string, body: UpdateCommunityEventRequest): Promise<CommunityEventView> {
    return this.dataSource.transaction(async (m) => {
      const event = await this.load(m, actor, id, true);
      if (event.version !== body.version) throw staleVersion(event.version);
      const { version, ...changes } = body;
      await checkSchool(m, changes.schoolId);
      const changedFields = Object.keys(changes);
      if (changedFields.length) {
        const result = await m
          .createQueryBuilder()
          .update(CommunityEventEntity)
          .set({ ...changes, version: () => 'version + 1' })
          .where('id = :id AND version = :version', { id, version })
          .execute();
        if (result.affected !== 1) throw staleVersion(event.version);
        await this.audit.record(m, actor, {
          action: 'UPDATE',
          entityType: 'community_event',
          entityId: id,
          changedFields,
        });
      }
      return toView(await this.load(m, actor, id));
    });
  }

  private async load(
    m: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<CommunityEventEntity> {
    const event = await m.getRepository(CommunityEventEntity).findOne({
      where: { id, organizationId: actor.organizationId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : { relations: { school: true } }),
    });
    if (!event) throw notFound('Community event');
    return event;
  }
}

async function checkSchool(m: EntityManager, schoolId: string | undefined): Promise<void> {
  if (!schoolId) return;
  const rows: unknown[] = await m.query('SELECT 1 FROM schools WHERE id = $1 AND active', [schoolId]);
  if (!rows.length) throw validationFailed([{ path: 'schoolId', message: 'Unknown school' }]);
}

function toView(e: CommunityEventEntity): CommunityEventView {
  return {
    id: e.id,
    type: e.type,
    title: e.title,
    occurredOn: e.occurredOn,
    schoolId: e.schoolId,
    schoolName: e.school?.name ?? null,
    participantCount: e.participantCount,
    partners: e.partners,
    createdAt: e.createdAt.toISOString(),
    version: e.version,
  };
}
