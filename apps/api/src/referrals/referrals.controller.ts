import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  createReferralRequestSchema,
  PERMISSIONS,
  reasonTransitionRequestSchema,
  referralListQuerySchema,
  transitionRequestSchema,
  updateReferralRequestSchema,
  type CreateReferralResponse,
  type Page,
  type ProviderReferralDetail,
  type ReferralListItem,
  type ReferralListQuery,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody, ValidQuery } from '../common/validation.decorators';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ReferralsCommandService } from './referrals-command.service';
import { ReferralsQueryService } from './referrals-query.service';

type Detail = CreateReferralResponse | ProviderReferralDetail;
type Body = Record<string, unknown>;

@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly commands: ReferralsCommandService,
    private readonly queries: ReferralsQueryService,
  ) {}

  /** `submit: false` saves a DRAFT (validated by referralDraftSchema); otherwise referralSubmitSchema applies. */
  @Post()
  @Authenticated({ permission: PERMISSIONS.REFERRAL_CREATE })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(
    @CurrentActor() actor: Actor,
    @ValidBody(createReferralRequestSchema) body: Body,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<CreateReferralResponse> {
    return this.commands.create(actor, body, IdempotencyService.keyOf(key));
  }

  @Get()
  @Authenticated({ permission: PERMISSIONS.REFERRAL_READ })
  list(
    @CurrentActor() actor: Actor,
    @ValidQuery(referralListQuerySchema) q: ReferralListQuery,
  ): Promise<Page<ReferralListItem>> {
    return this.queries.list(actor, q);
  }

  @Get(':id')
  @Authenticated({ permission: PERMISSIONS.REFERRAL_READ })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<Detail> {
    return this.queries.detail(actor, id);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.REFERRAL_CREATE })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(updateReferralRequestSchema) body: Body,
  ): Promise<Detail> {
    return this.commands.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_CREATE })
  discard(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.commands.discardDraft(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_CREATE })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(transitionRequestSchema) body: { version: number },
  ): Promise<Detail> {
    return this.commands.transition(actor, id, 'submit', body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_CREATE })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(reasonTransitionRequestSchema) body: { version: number; reason: string },
  ): Promise<Detail> {
    return this.commands.transition(actor, id, 'withdraw', body);
  }

  /** The referring officer has read a decision returned to them (ends their DECISION_RETURNED task). */
  @Post(':id/acknowledge-return')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.REFERRAL_CREATE })
  acknowledgeReturn(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(transitionRequestSchema) body: { version: number },
  ): Promise<Detail> {
    return this.commands.acknowledgeReturn(actor, id, body);
  }
}
