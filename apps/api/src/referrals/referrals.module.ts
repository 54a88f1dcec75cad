import { Module } from '@nestjs/common';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ReferralsCommandService } from './referrals-command.service';
import { ReferralsQueryService } from './referrals-query.service';
import { ReferralsController } from './referrals.controller';

@Module({
  controllers: [ReferralsController],
  providers: [ReferralsCommandService, ReferralsQueryService, IdempotencyService],
})
export class ReferralsModule {}
