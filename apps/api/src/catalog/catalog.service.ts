import { Injectable } from '@nestjs/common';
import type { ReasonCode, Resource, School, ServiceType } from '@pathways/contracts';
import { DataSource } from 'typeorm';
import { ReasonCodeEntity, ResourceEntity, SchoolEntity, ServiceTypeEntity } from './catalog.entities';

/** Read side of the catalogs; every signed-in user may read them. */
@Injectable()
export class CatalogService {
  constructor(private readonly dataSource: DataSource) {}

  async schools(): Promise<School[]> {
    const rows = await this.dataSource.getRepository(SchoolEntity).find({ order: { name: 'ASC' } });
    return rows.map((s) => ({
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
    }));
  }

  async reasonCodes(): Promise<ReasonCode[]> {
    const rows = await this.dataSource.getRepository(ReasonCodeEntity).find({ order: { label: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      label: r.label,
      labelEs: r.labelEs,
      kind: r.kind,
      educationCode: r.educationCode,
      otherCode: r.otherCode,
      excludedFromDiversion: r.excludedFromDiversion,
      active: r.active,
    }));
  }

  async serviceTypes(): Promise<ServiceType[]> {
    const rows = await this.dataSource.getRepository(ServiceTypeEntity).find({ order: { label: 'ASC' } });
    return rows.map((s) => ({
      id: s.id,
      code: s.code,
      label: s.label,
      labelEs: s.labelEs,
      active: s.active,
    }));
  }

  async resources(): Promise<Resource[]> {
    const rows = await this.dataSource.getRepository(ResourceEntity).find({ order: { name: 'ASC' } });
    return rows.map((r) => ({
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
    }));
  }
}
