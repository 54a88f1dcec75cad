import type { AdminReasonCode, AdminResource, AdminSchool, AdminServiceType } from '@pathways/contracts';
import type { ReasonCodeEntity, ResourceEntity, SchoolEntity, ServiceTypeEntity } from './catalog.entities';

/** Catalog rows as the API returns them (the read routes drop `version` and `updatedAt`). */
export function toSchool(s: SchoolEntity): AdminSchool {
  return {
    id: s.id,
    name: s.name,
    level: s.level,
    kind: s.kind,
    district: s.district,
    cdsCode: s.cdsCode,
    address: s.address,
    city: s.city,
    zip: s.zip,
    phone: s.phone,
    inCvpdJurisdiction: s.inCvpdJurisdiction,
    active: s.active,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toReasonCode(r: ReasonCodeEntity): AdminReasonCode {
  return {
    id: r.id,
    code: r.code,
    label: r.label,
    labelEs: r.labelEs,
    kind: r.kind,
    educationCode: r.educationCode,
    otherCode: r.otherCode,
    excludedFromDiversion: r.excludedFromDiversion,
    active: r.active,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toServiceType(s: ServiceTypeEntity): AdminServiceType {
  return {
    id: s.id,
    code: s.code,
    label: s.label,
    labelEs: s.labelEs,
    active: s.active,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toResource(r: ResourceEntity): AdminResource {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    organization: r.organization,
    category: r.category,
    description: r.description,
    descriptionEs: r.descriptionEs,
    phone: r.phone,
    urls: r.urls,
    ages: r.ages,
    languages: r.languages,
    lastVerifiedAt: r.lastVerifiedAt,
    active: r.active,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}
