import { Global, Module } from '@nestjs/common';
import { NoProgramNoticeScheduler } from './no-program-notice.scheduler';
import { NoticesQueryService } from './notices-query.service';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

/** Global so referral transitions and case closure issue notices through one service. */
@Global()
@Module({
  controllers: [NoticesController],
  providers: [NoticesService, NoticesQueryService, NoProgramNoticeScheduler],
  exports: [NoticesService],
})
export class NoticesModule {}
