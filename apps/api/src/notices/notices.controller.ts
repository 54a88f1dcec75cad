import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  noticeLanguageQuerySchema,
  noticeListQuerySchema,
  PERMISSIONS,
  type NoticeLanguageQuery,
  type NoticeListQuery,
  type NoticeView,
  type Page,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidQuery } from '../common/validation.decorators';
import { NoticesQueryService } from './notices-query.service';

/** Letters to the referring agency, rendered in `?lang=en|es` (default: the caller's language). */
@ApiTags('notices')
@Controller()
export class NoticesController {
  constructor(private readonly notices: NoticesQueryService) {}

  @Get('notices')
  @Authenticated({ permission: PERMISSIONS.NOTICE_READ })
  list(
    @CurrentActor() actor: Actor,
    @ValidQuery(noticeListQuerySchema) q: NoticeListQuery,
  ): Promise<Page<NoticeView>> {
    return this.notices.list(actor, q);
  }

  @Get('referrals/:id/notices')
  @Authenticated({ permission: PERMISSIONS.NOTICE_READ })
  forReferral(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidQuery(noticeLanguageQuerySchema) q: NoticeLanguageQuery,
  ): Promise<NoticeView[]> {
    return this.notices.forReferral(actor, id, q);
  }
}
