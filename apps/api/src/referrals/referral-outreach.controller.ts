import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  contactRequestSchema,
  enrollRequestSchema,
  PERMISSIONS,
  reasonTransitionRequestSchema,
  transitionRequestSchema,
  type ContactRequest,
  type ContactView,
  type CreateReferralResponse,
  type EnrollRequest,
  type EnrollResponse,
  type OutreachSummary,
  type ProviderReferralDetail,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody } from '../common/validation.decorators';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ReferralEnrollmentService } from './referral-enrollment.service';
import { ReferralOutreachService } from './referral-outreach.service';

type Detail = CreateReferralResponse | ProviderReferralDetail;

/** Counselor work on an assigned referral (or a supervisor's): outreach contacts, closing short, enrolling. */
@ApiTags('referrals')
@Controller('referrals')
export class ReferralOutreachController {
  constructor(
    private readonly outreach: ReferralOutreachService,
    private readonly enrollment: ReferralEnrollmentService,
  ) {}

  @Post(':id/contacts')
  @Authenticated({ permission: PERMISSIONS.REFERRAL_WORK })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  addContact(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(contactRequestSchema) body: ContactRequest,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<ContactView> {
    return this.outreach.addContact(actor, id, body, IdempotencyService.keyOf(key));
  }

  @Get(':id/contacts')
  @Authenticated({ permission: PERMISSIONS.REFERRAL_WORK })
  contacts(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OutreachSummary> {
    return this.outreach.contacts(actor, id);
  }

  @Post(':id/unable-to-contact')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_WORK })
  unableToContact(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(transitionRequestSchema) body: { version: number },
  ): Promise<Detail> {
    return this.outreach.unableToContact(actor, id, body);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_WORK })
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(reasonTransitionRequestSchema) body: { version: number; reason: string },
  ): Promise<Detail> {
    return this.outreach.decline(actor, id, body);
  }

  /** Opens the case: 201 `{ caseId, caseNumber }` (needs a valid PROGRAM_PARTICIPATION consent). */
  @Post(':id/enroll')
  @Authenticated({ permission: PERMISSIONS.REFERRAL_WORK })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  enroll(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(enrollRequestSchema) body: EnrollRequest,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<EnrollResponse> {
    return this.enrollment.enroll(actor, id, body, IdempotencyService.keyOf(key));
  }
}
