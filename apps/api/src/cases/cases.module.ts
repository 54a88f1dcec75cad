import { Module } from '@nestjs/common';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CaseClinicalService } from './case-clinical.service';
import { CaseClosureService } from './case-closure.service';
import { CaseConsentsService } from './case-consents.service';
import { CaseFollowUpsService } from './case-follow-ups.service';
import { CaseNotesService } from './case-notes.service';
import { CasePlanService } from './case-plan.service';
import { CaseServicesService } from './case-services.service';
import { CaseStore } from './case-store.service';
import { CaseTimelineService } from './case-timeline.service';
import { CaseWorkController } from './case-work.controller';
import { CasesCommandService } from './cases-command.service';
import { CasesQueryService } from './cases-query.service';
import { CasesController } from './cases.controller';

/** The case workspace (API.md "Cases"): one service per use case over the shared CaseStore. */
@Module({
  controllers: [CasesController, CaseWorkController],
  providers: [
    CaseStore,
    CasesQueryService,
    CasesCommandService,
    CaseClosureService,
    CaseConsentsService,
    CaseClinicalService,
    CasePlanService,
    CaseServicesService,
    CaseNotesService,
    CaseFollowUpsService,
    CaseTimelineService,
    IdempotencyService,
  ],
})
export class CasesModule {}
