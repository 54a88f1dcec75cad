import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  assignRequestSchema,
  markDuplicateRequestSchema,
  PERMISSIONS,
  reasonTransitionRequestSchema,
  requestInfoRequestSchema,
  transitionRequestSchema,
  type AssignRequest,
  type CreateReferralResponse,
  type MarkDuplicateRequest,
  type ProviderReferralDetail,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody } from '../common/validation.decorators';
import { ReferralTriageService } from './referral-triage.service';

type Detail = CreateReferralResponse | ProviderReferralDetail;

/** The provider supervisor's triage transitions (DOMAIN.md "Referral states"), each with the `version` read. */
@ApiTags('referrals')
@Controller('referrals')
export class ReferralTriageController {
  constructor(private readonly triage: ReferralTriageService) {}

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_TRIAGE })
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(transitionRequestSchema) body: { version: number },
  ): Promise<Detail> {
    return this.triage.acknowledge(actor, id, body);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_TRIAGE })
  requestInfo(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(requestInfoRequestSchema) body: { version: number; message: string },
  ): Promise<Detail> {
    return this.triage.requestInfo(actor, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_TRIAGE })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(assignRequestSchema) body: AssignRequest,
  ): Promise<Detail> {
    return this.triage.assign(actor, id, body);
  }

  @Post(':id/ineligible')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_TRIAGE })
  ineligible(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(reasonTransitionRequestSchema) body: { version: number; reason: string },
  ): Promise<Detail> {
    return this.triage.ineligible(actor, id, body);
  }

  @Post(':id/mark-duplicate')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_TRIAGE })
  markDuplicate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(markDuplicateRequestSchema) body: MarkDuplicateRequest,
  ): Promise<Detail> {
    return this.triage.markDuplicate(actor, id, body);
  }

  @Post(':id/override-eligibility')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_TRIAGE })
  overrideEligibility(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(reasonTransitionRequestSchema) body: { version: number; reason: string },
  ): Promise<Detail> {
    return this.triage.overrideEligibility(actor, id, body);
  }
}
