import { AuditEventEntity } from '../audit/audit-event.entity';
import { SessionEntity } from '../auth/session.entity';
import {
  ReasonCodeEntity,
  ResourceEntity,
  SchoolEntity,
  ServiceTypeEntity,
} from '../catalog/catalog.entities';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';

/** Every entity, for the data source and the migration generator. A feature adds its entities here. */
export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  SessionEntity,
  AuditEventEntity,
  SchoolEntity,
  ReasonCodeEntity,
  ServiceTypeEntity,
  ResourceEntity,
];
