import { Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  communityEventListQuerySchema,
  communityEventRequestSchema,
  PERMISSIONS,
  updateCommunityEventRequestSchema,
  type CommunityEventListQuery,
  type CommunityEventRequest,
  type CommunityEventView,
  type Page,
  type UpdateCommunityEventRequest,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody, ValidQuery } from '../common/validation.decorators';
import { CommunityEventsService } from './community-events.service';

@ApiTags('community-events')
@Controller('community-events')
export class CommunityEventsController {
  constructor(private readonly events: CommunityEventsService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.COMMUNITY_EVENT_MANAGE })
  list(
    @CurrentActor() actor: Actor,
    @ValidQuery(communityEventListQuerySchema) q: CommunityEventListQuery,
  ): Promise<Page<CommunityEventView>> {
    return this.events.list(actor, q);
  }

  @Post()
  @Authenticated({ permission: PERMISSIONS.COMMUNITY_EVENT_MANAGE })
  create(
    @CurrentActor() actor: Actor,
    @ValidBody(communityEventRequestSchema) body: CommunityEventRequest,
  ): Promise<CommunityEventView> {
    return this.events.create(actor, body);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.COMMUNITY_EVENT_MANAGE })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(updateCommunityEventRequestSchema) body: UpdateCommunityEventRequest,
  ): Promise<CommunityEventView> {
    return this.events.update(actor, id, body);
  }
}
