import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  schoolContactListQuerySchema,
  schoolContactRequestSchema,
  type Page,
  type SchoolContactListQuery,
  type SchoolContactRequest,
  type SchoolContactView,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody, ValidQuery } from '../common/validation.decorators';
import { SchoolContactsService } from './school-contacts.service';

@ApiTags('school-contacts')
@Controller('school-contacts')
export class SchoolContactsController {
  constructor(private readonly contacts: SchoolContactsService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.SCHOOL_CONTACT_CREATE })
  create(
    @CurrentActor() actor: Actor,
    @ValidBody(schoolContactRequestSchema) body: SchoolContactRequest,
  ): Promise<SchoolContactView> {
    return this.contacts.create(actor, body);
  }

  @Get()
  @Authenticated({ permission: PERMISSIONS.SCHOOL_CONTACT_READ })
  list(
    @CurrentActor() actor: Actor,
    @ValidQuery(schoolContactListQuerySchema) q: SchoolContactListQuery,
  ): Promise<Page<SchoolContactView>> {
    return this.contacts.list(actor, q);
  }
}
