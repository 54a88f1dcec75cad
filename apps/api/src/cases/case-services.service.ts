import { Injectable } from '@nestjs/common';
import type {
  ContactRequest,
  ContactView,
  ErrorDetail,
  ServiceEnrollmentView,
  ServiceRequest,
  ServiceStatus,
  UpdateServiceRequest,
} from '@pathways/contracts';
import { In, type EntityManager } from 'typeorm';
import { notFound, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { ServiceTypeEntity } from '../catalog/catalog.entities';
import { caseRoute, pastInstant } from './case-input';
import { CaseStore } from './case-store.service';
import { toContactView, toServiceView } from './case-views';
import { ContactEntity, ServiceEnrollmentEntity } from './case-work.entities';
import type { CaseEntity } from './case.entity';

/** A service that has ended: it gets an end date when it reaches one of these. */
const ENDED: readonly ServiceStatus[] = ['COMPLETED', 'DROPPED'];

/**
 * Services the youth is referred to or receives, and the contacts/sessions of the case. The first service that
 * becomes ACTIVE starts the service program (WIC 652.5: ends the 20-day clock) and moves the case to ACTIVE; a
 * completed INTAKE contact completes intake.
 */
@Injectable()
export class CaseServicesService {
  constructor(private readonly store: CaseStore) {}

  async services(actor: Actor, caseId: string): Promise<ServiceEnrollmentView[]> {
    return this.store.read(actor, caseId, 'services', async (m, c) => {
      const rows = await m
        .getRepository(ServiceEnrollmentEntity)
        .find({ where: { caseId: c.id }, order: { referredAt: 'ASC', id: 'ASC' } });
      return this.serviceViews(m, rows);
    });
  }

  async createService(
    actor: Actor,
    caseId: string,
    body: ServiceRequest,
    key: string | undefined,
  ): Promise<ServiceEnrollmentView> {
    const idempotency = { key, route: caseRoute(caseId, 'services'), body };
    return this.store.write(actor, caseId, { idempotency }, async (m, c) => {
      const now = this.store.now();
      const problems: ErrorDetail[] = [];
      if (!(await m.getRepository(ServiceTypeEntity).existsBy({ code: body.serviceType, active: true })))
        problems.push({ path: 'serviceType', message: 'Choose a service type from the catalog' });
      const referredAt = pastInstant(body.referredAt, 'referredAt', now, problems) ?? now;
      let startedAt = pastInstant(body.startedAt, 'startedAt', now, problems) ?? null;
      if (body.status === 'ACTIVE') startedAt ??= now;
      if (problems.length) throw validationFailed(problems);
      const saved = await m.save(
        m.create(ServiceEnrollmentEntity, {
          caseId: c.id,
          organizationId: c.organizationId,
          createdBy: actor.userId,
          serviceType: body.serviceType,
          provider: body.provider || null,
          status: body.status,
          referredAt,
          startedAt,
          endedAt: ENDED.includes(body.status) ? now : null,
          sessionsPlanned: body.sessionsPlanned ?? null,
        }),
      );
      if (body.status === 'ACTIVE') await this.serviceStarted(m, actor, c, startedAt ?? now);
      await this.store.record(m, actor, c, {
        action: 'CREATE',
        entityType: 'service_enrollment',
        entityId: saved.id,
      });
      return this.serviceView(m, saved.id);
    });
  }

  async updateService(
    actor: Actor,
    caseId: string,
    serviceId: string,
    body: UpdateServiceRequest,
  ): Promise<ServiceEnrollmentView> {
    return this.store.write(actor, caseId, {}, async (m, c) => {
      const s = await m.getRepository(ServiceEnrollmentEntity).findOneBy({ id: serviceId, caseId: c.id });
      if (!s) throw notFound('Service');
      const now = this.store.now();
      const problems: ErrorDetail[] = [];
      const startedAt = pastInstant(body.startedAt, 'startedAt', now, problems);
      const endedAt = pastInstant(body.endedAt, 'endedAt', now, problems);
      const changes: Partial<
        Pick<ServiceEnrollmentEntity, 'status' | 'startedAt' | 'endedAt' | 'sessionsPlanned'>
      > = {};
      if (body.status !== undefined && body.status !== s.status) changes.status = body.status;
      const status = changes.status ?? s.status;
      if (startedAt) changes.startedAt = startedAt;
      else if (changes.status === 'ACTIVE' && !s.startedAt) changes.startedAt = now;
      if (endedAt) changes.endedAt = endedAt;
      else if (changes.status && ENDED.includes(changes.status) && !s.endedAt) changes.endedAt = now;
      if (body.sessionsPlanned !== undefined && body.sessionsPlanned !== s.sessionsPlanned)
        changes.sessionsPlanned = body.sessionsPlanned;
      const start = changes.startedAt ?? s.startedAt;
      const end = changes.endedAt ?? s.endedAt;
      if (start && end && end < start)
        problems.push({ path: 'endedAt', message: 'A service cannot end before it started' });
      if (problems.length) throw validationFailed(problems);
      await this.store.updateRow(m, actor, c, ServiceEnrollmentEntity, s, changes, 'service_enrollment');
      if (changes.status === 'ACTIVE' || (status === 'ACTIVE' && changes.startedAt))
        await this.serviceStarted(m, actor, c, start ?? now);
      return this.serviceView(m, s.id);
    });
  }

  async contacts(actor: Actor, caseId: string): Promise<ContactView[]> {
    return this.store.read(actor, caseId, 'contacts', async (m, c) => {
      const rows = await m
        .getRepository(ContactEntity)
        .find({ where: { caseId: c.id }, order: { occurredAt: 'DESC', id: 'ASC' } });
      const names = await this.store.names(
        m,
        rows.map((x) => x.createdBy),
      );
      return rows.map((x) => toContactView(x, names));
    });
  }

  async createContact(
    actor: Actor,
    caseId: string,
    body: ContactRequest,
    key: string | undefined,
  ): Promise<ContactView> {
    const idempotency = { key, route: caseRoute(caseId, 'contacts'), body };
    return this.store.write(actor, caseId, { idempotency }, async (m, c) => {
      const problems: ErrorDetail[] = [];
      const occurredAt = pastInstant(body.occurredAt, 'occurredAt', this.store.now(), problems);
      if (
        body.serviceEnrollmentId &&
        !(await m
          .getRepository(ServiceEnrollmentEntity)
          .existsBy({ id: body.serviceEnrollmentId, caseId: c.id }))
      )
        problems.push({ path: 'serviceEnrollmentId', message: 'Choose a service of this case' });
      if (problems.length || !occurredAt) throw validationFailed(problems);
      const saved = await m.save(
        m.create(ContactEntity, {
          referralId: null,
          caseId: c.id,
          occurredAt,
          durationMin: body.durationMin ?? null,
          contactType: body.contactType,
          modality: body.modality,
          result: body.result,
          participants: [...new Set(body.participants ?? [])],
          language: body.language ?? null,
          interpreterUsed: body.interpreterUsed ?? false,
          serviceEnrollmentId: body.serviceEnrollmentId ?? null,
          organizationId: c.organizationId,
          createdBy: actor.userId,
        }),
      );
      if (body.contactType === 'INTAKE' && body.result === 'COMPLETED')
        await this.store.advance(
          m,
          actor,
          c,
          'intake-completed',
          c.intakeCompletedAt ? {} : { intakeCompletedAt: occurredAt },
        );
      await this.store.record(m, actor, c, { action: 'CREATE', entityType: 'contact', entityId: saved.id });
      const row = await m.getRepository(ContactEntity).findOneByOrFail({ id: saved.id });
      return toContactView(row, await this.store.names(m, [row.createdBy]));
    });
  }

  /** WIC 652.5: the first ACTIVE service initiates the service program; the case moves to ACTIVE. */
  private async serviceStarted(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    startedAt: Date,
  ): Promise<void> {
    await this.store.advance(
      m,
      actor,
      c,
      'service-started',
      c.serviceProgramInitiatedAt ? {} : { serviceProgramInitiatedAt: startedAt },
    );
  }

  private async serviceView(m: EntityManager, id: string): Promise<ServiceEnrollmentView> {
    const s = await m.getRepository(ServiceEnrollmentEntity).findOneByOrFail({ id });
    return (await this.serviceViews(m, [s]))[0];
  }

  /** Labels from the catalog; sessions attended = COMPLETED contacts linked to the enrollment. */
  private async serviceViews(
    m: EntityManager,
    rows: ServiceEnrollmentEntity[],
  ): Promise<ServiceEnrollmentView[]> {
    if (!rows.length) return [];
    const types = await m
      .getRepository(ServiceTypeEntity)
      .find({ where: { code: In([...new Set(rows.map((s) => s.serviceType))]) } });
    const labels = new Map(types.map((t) => [t.code, { label: t.label, labelEs: t.labelEs }]));
    const counts = await m.query<{ id: string; n: number }[]>(
      `SELECT service_enrollment_id AS id, count(*)::int AS n FROM contacts
       WHERE service_enrollment_id = ANY($1::uuid[]) AND result = 'COMPLETED' GROUP BY service_enrollment_id`,
      [rows.map((s) => s.id)],
    );
    const attended = new Map(counts.map((r) => [r.id, r.n]));
    return rows.map((s) => toServiceView(s, labels, attended.get(s.id) ?? 0));
  }
}
