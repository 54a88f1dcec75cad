import { Module } from '@nestjs/common';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ReferralEnrollmentService } from './referral-enrollment.service';
import { ReferralOutreachController } from './referral-outreach.controller';
import { ReferralOutreachService } from './referral-outreach.service';
import { ReferralStore } from './referral-store';
import { ReferralTriageController } from './referral-triage.controller';
import { ReferralTriageService } from './referral-triage.service';
import { ReferralsCommandService } from './referrals-command.service';
import { ReferralsQueryService } from './referrals-query.service';
import { ReferralsController } from './referrals.controller';

@Module({
  controllers: [ReferralsController, ReferralTriageController, ReferralOutreachController],
  providers: [
    ReferralStore,
    ReferralsCommandService,
    ReferralsQueryService,
    ReferralTriageService,
    ReferralOutreachService,
    ReferralEnrollmentService,
    IdempotencyService,
  ],
})
export class ReferralsModule {}
