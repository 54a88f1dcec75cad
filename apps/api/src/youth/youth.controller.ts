import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  youthMatchQuerySchema,
  type YouthMatchCandidate,
  type YouthMatchMinimal,
  type YouthMatchQuery,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidQuery } from '../common/validation.decorators';
import { YouthMatchingService } from './youth-matching.service';

@ApiTags('youth')
@Controller('youth')
export class YouthController {
  constructor(private readonly matching: YouthMatchingService) {}

  @Get('matches')
  @Authenticated({ permission: PERMISSIONS.YOUTH_MATCH })
  matches(
    @CurrentActor() actor: Actor,
    @ValidQuery(youthMatchQuerySchema) q: YouthMatchQuery,
  ): Promise<(YouthMatchMinimal | YouthMatchCandidate)[]> {
    return this.matching.matches(actor, q);
  }
}
