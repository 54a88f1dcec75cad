import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  updateOrganizationRequestSchema,
  type OrganizationAdminView,
  type UpdateOrganizationRequest,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody } from '../common/validation.decorators';
import { OrganizationAdminService } from './organization-admin.service';

@ApiTags('admin')
@Controller('admin/organization')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationAdminService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.ADMIN_ORGANIZATION_MANAGE })
  get(@CurrentActor() actor: Actor): Promise<OrganizationAdminView> {
    return this.organizations.get(actor);
  }

  @Patch()
  @Authenticated({ permission: PERMISSIONS.ADMIN_ORGANIZATION_MANAGE })
  update(
    @CurrentActor() actor: Actor,
    @ValidBody(updateOrganizationRequestSchema) body: UpdateOrganizationRequest,
  ): Promise<OrganizationAdminView> {
    return this.organizations.update(actor, body);
  }
}
