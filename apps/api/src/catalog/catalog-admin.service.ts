import { Injectable } from '@nestjs/common';
import type {
  AdminReasonCode,
  AdminResource,
  AdminSchool,
  AdminServiceType,
  CatalogAdminQuery,
  CreateReasonCodeRequest,
  CreateResourceRequest,
  CreateSchoolRequest,
  CreateServiceTypeRequest,
  ErrorDetail,
  UpdateReasonCodeRequest,
  UpdateResourceRequest,
  UpdateSchoolRequest,
  UpdateServiceTypeRequest,
} from '@pathways/contracts';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound, staleVersion, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { ReasonCodeEntity, ResourceEntity, SchoolEntity, ServiceTypeEntity } from './catalog.entities';
import { toReasonCode, toResource, toSchool, toServiceType } from './catalog-views';

interface CatalogRow extends ObjectLiteral {
  id: string;
  version: number;
  active: boolean;
  updatedAt: Date;
}

interface CatalogKind<E extends CatalogRow> {
  entity: EntityTarget<E>;
  /** Audit entity type. */
  type: string;
  /** Columns searched by `q`, and the unique ones (field -> message). */
  searchable: string[];
  unique: Record<string, string>;
  order: string;
}

const SCHOOLS: CatalogKind<SchoolEntity> = {
  entity: SchoolEntity,
  type: 'school',
  searchable: ['name', 'district', 'cdsCode'],
  unique: { name: 'A school with this name exists', cdsCode: 'A school with this CDS code exists' },
  order: 'name',
};
const REASON_CODES: CatalogKind<ReasonCodeEntity> = {
  entity: ReasonCodeEntity,
  type: 'reason_code',
  searchable: ['code', 'label', 'labelEs'],
  unique: { code: 'This code exists' },
  order: 'label',
};
const SERVICE_TYPES: CatalogKind<ServiceTypeEntity> = {
  entity: ServiceTypeEntity,
  type: 'service_type',
  searchable: ['code', 'label', 'labelEs'],
  unique: { code: 'This code exists' },
  order: 'label',
};
const RESOURCES: CatalogKind<ResourceEntity> = {
  entity: ResourceEntity,
  type: 'resource',
  searchable: ['key', 'name', 'organization', 'category'],
  unique: { key: 'A resource with this key exists' },
  order: 'name',
};

/**
 * Catalog administration (ADMIN). Catalogs are shared by every organization of the deployment (referrals name a
 * school, reason codes and resources whatever organization reads them). Rows are never deleted: retiring one
 * (`active: false`) hides it from pickers while every record that names it keeps it. Codes and keys, which
 * records store, are fixed at creation. Every change is audited (CREATE / UPDATE) in its transaction.
 */
@Injectable()
export class CatalogAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listSchools(q: CatalogAdminQuery): Promise<AdminSchool[]> {
    return (await this.list(SCHOOLS, q)).map(toSchool);
  }
  async listReasonCodes(q: CatalogAdminQuery): Promise<AdminReasonCode[]> {
    return (await this.list(REASON_CODES, q)).map(toReasonCode);
  }
  async listServiceTypes(q: CatalogAdminQuery): Promise<AdminServiceType[]> {
    return (await this.list(SERVICE_TYPES, q)).map(toServiceType);
  }
  async listResources(q: CatalogAdminQuery): Promise<AdminResource[]> {
    return (await this.list(RESOURCES, q)).map(toResource);
  }

  async createSchool(actor: Actor, body: CreateSchoolRequest): Promise<AdminSchool> {
    return toSchool(await this.create(actor, SCHOOLS, { ...body }));
  }
  async createReasonCode(actor: Actor, body: CreateReasonCodeRequest): Promise<AdminReasonCode> {
    return toReasonCode(await this.create(actor, REASON_CODES, { ...body }));
  }
  async createServiceType(actor: Actor, body: CreateServiceTypeRequest): Promise<AdminServiceType> {
    return toServiceType(await this.create(actor, SERVICE_TYPES, { ...body }));
  }
  async createResource(actor: Actor, body: CreateResourceRequest): Promise<AdminResource> {
    return toResource(await this.create(actor, RESOURCES, { ...body }));
  }

  async updateSchool(actor: Actor, id: string, body: UpdateSchoolRequest): Promise<AdminSchool> {
    return toSchool(await this.update(actor, SCHOOLS, id, body));
  }
  async updateReasonCode(actor: Actor, id: string, body: UpdateReasonCodeRequest): Promise<AdminReasonCode> {
    return toReasonCode(await this.update(actor, REASON_CODES, id, body));
  }
  async updateServiceType(
    actor: Actor,
    id: string,
    body: UpdateServiceTypeRequest,
  ): Promise<AdminServiceType> {
    return toServiceType(await this.update(actor, SERVICE_TYPES, id, body));
  }
  async updateResource(actor: Actor, id: string, body: UpdateResourceRequest): Promise<AdminResource> {
    return toResource(await this.update(actor, RESOURCES, id, body));
  }

  private async list<E extends CatalogRow>(kind: CatalogKind<E>, q: CatalogAdminQuery): Promise<E[]> {
    const qb = this.dataSource.getRepository(kind.entity).createQueryBuilder('c');
    if (q.active) qb.andWhere('c.active = :active', { active: q.active === 'true' });
    if (q.q)
      qb.andWhere(`(${kind.searchable.map((f) => `c.${f} ILIKE :q`).join(' OR ')})`, {
        q: `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    return qb.orderBy(`c.${kind.order}`, 'ASC').getMany();
  }

  private async create<E extends CatalogRow>(
    actor: Actor,
    kind: CatalogKind<E>,
    values: Record<string, unknown>,
  ): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertUnique(manager, kind, values, null);
      const repo = manager.getRepository(kind.entity);
      const row = await repo.save(repo.create(values as E));
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: kind.type,
        entityId: row.id,
        changedFields: Object.keys(values).sort(),
      });
      return repo.findOneByOrFail({ id: row.id } as never);
    });
  }

  private async update<E extends CatalogRow>(
    actor: Actor,
    kind: CatalogKind<E>,
    id: string,
    body: { version: number } & Record<string, unknown>,
  ): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(kind.entity);
      const row = await repo.findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Catalog entry');
      if (row.version !== body.version) throw staleVersion(row.version);
      const { version, ...fields } = body;
      const changes: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields))
        if (value !== undefined && JSON.stringify(value) !== JSON.stringify(row[key] ?? null))
          changes[key] = value;
      const changedFields = Object.keys(changes).sort();
      if (changedFields.length === 0) return row;
      await this.assertUnique(manager, kind, changes, id);
      const result = await manager
        .createQueryBuilder()
        .update(kind.entity)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw staleVersion(row.version);
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: kind.type,
        entityId: id,
        changedFields,
      });
      return repo.findOneByOrFail({ id } as never);
    });
  }

  /** A duplicate name, code or key is a field error (400), checked case-insensitively, before anything is written. */
  private async assertUnique<E extends CatalogRow>(
    manager: EntityManager,
    kind: CatalogKind<E>,
    values: Record<string, unknown>,
    exceptId: string | null,
  ): Promise<void> {
    const problems: ErrorDetail[] = [];
    for (const [field, message] of Object.entries(kind.unique)) {
      const value = values[field];
      if (typeof value !== 'string' || value === '') continue;
      const qb = manager
        .getRepository(kind.entity)
        .createQueryBuilder('c')
        .where(`lower(c.${field}) = lower(:value)`, { value });
      if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
      if (await qb.getExists()) problems.push({ path: field, message });
    }
    if (problems.length) throw validationFailed(problems);
  }
}
