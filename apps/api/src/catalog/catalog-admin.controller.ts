import { Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  catalogAdminQuerySchema,
  createReasonCodeRequestSchema,
  createResourceRequestSchema,
  createSchoolRequestSchema,
  createServiceTypeRequestSchema,
  PERMISSIONS,
  updateReasonCodeRequestSchema,
  updateResourceRequestSchema,
  updateSchoolRequestSchema,
  updateServiceTypeRequestSchema,
  type AdminReasonCode,
  type AdminResource,
  type AdminSchool,
  type AdminServiceType,
  type CatalogAdminQuery,
  type CreateReasonCodeRequest,
  type CreateResourceRequest,
  type CreateSchoolRequest,
  type CreateServiceTypeRequest,
  type UpdateReasonCodeRequest,
  type UpdateResourceRequest,
  type UpdateSchoolRequest,
  type UpdateServiceTypeRequest,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody, ValidQuery } from '../common/validation.decorators';
import { CatalogAdminService } from './catalog-admin.service';

const MANAGE = { permission: PERMISSIONS.ADMIN_CATALOGS_MANAGE };

@ApiTags('admin')
@Controller('admin')
export class CatalogAdminController {
  constructor(private readonly catalogs: CatalogAdminService) {}

  @Get('schools')
  @Authenticated(MANAGE)
  schools(@ValidQuery(catalogAdminQuerySchema) q: CatalogAdminQuery): Promise<AdminSchool[]> {
    return this.catalogs.listSchools(q);
  }

  @Post('schools')
  @Authenticated(MANAGE)
  createSchool(
    @CurrentActor() actor: Actor,
    @ValidBody(createSchoolRequestSchema) body: CreateSchoolRequest,
  ): Promise<AdminSchool> {
    return this.catalogs.createSchool(actor, body);
  }

  @Patch('schools/:id')
  @Authenticated(MANAGE)
  updateSchool(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(updateSchoolRequestSchema) body: UpdateSchoolRequest,
  ): Promise<AdminSchool> {
    return this.catalogs.updateSchool(actor, id, body);
  }

  @Get('reason-codes')
  @Authenticated(MANAGE)
  reasonCodes(@ValidQuery(catalogAdminQuerySchema) q: CatalogAdminQuery): Promise<AdminReasonCode[]> {
    return this.catalogs.listReasonCodes(q);
  }

  @Post('reason-codes')
  @Authenticated(MANAGE)
  createReasonCode(
    @CurrentActor() actor: Actor,
    @ValidBody(createReasonCodeRequestSchema) body: CreateReasonCodeRequest,
  ): Promise<AdminReasonCode> {
    return this.catalogs.createReasonCode(actor, body);
  }

  @Patch('reason-codes/:id')
  @Authenticated(MANAGE)
  updateReasonCode(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(updateReasonCodeRequestSchema) body: UpdateReasonCodeRequest,
  ): Promise<AdminReasonCode> {
    return this.catalogs.updateReasonCode(actor, id, body);
  }

  @Get('service-types')
  @Authenticated(MANAGE)
  serviceTypes(@ValidQuery(catalogAdminQuerySchema) q: CatalogAdminQuery): Promise<AdminServiceType[]> {
    return this.catalogs.listServiceTypes(q);
  }

  @Post('service-types')
  @Authenticated(MANAGE)
  createServiceType(
    @CurrentActor() actor: Actor,
    @ValidBody(createServiceTypeRequestSchema) body: CreateServiceTypeRequest,
  ): Promise<AdminServiceType> {
    return this.catalogs.createServiceType(actor, body);
  }

  @Patch('service-types/:id')
  @Authenticated(MANAGE)
  updateServiceType(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(updateServiceTypeRequestSchema) body: UpdateServiceTypeRequest,
  ): Promise<AdminServiceType> {
    return this.catalogs.updateServiceType(actor, id, body);
  }

  @Get('resources')
  @Authenticated(MANAGE)
  resources(@ValidQuery(catalogAdminQuerySchema) q: CatalogAdminQuery): Promise<AdminResource[]> {
    return this.catalogs.listResources(q);
  }

  @Post('resources')
  @Authenticated(MANAGE)
  createResource(
    @CurrentActor() actor: Actor,
    @ValidBody(createResourceRequestSchema) body: CreateResourceRequest,
  ): Promise<AdminResource> {
    return this.catalogs.createResource(actor, body);
  }

  @Patch('resources/:id')
  @Authenticated(MANAGE)
  updateResource(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(updateResourceRequestSchema) body: UpdateResourceRequest,
  ): Promise<AdminResource> {
    return this.catalogs.updateResource(actor, id, body);
  }
}
