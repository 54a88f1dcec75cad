import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type RetentionOverview, type RetentionReport } from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { RetentionService } from './retention.service';

const MANAGE = { permission: PERMISSIONS.ADMIN_RETENTION_MANAGE };

@ApiTags('admin')
@Controller('admin/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @Authenticated(MANAGE)
  overview(@CurrentActor() actor: Actor): Promise<RetentionOverview> {
    return this.retention.overview(actor);
  }

  @Get('dry-run')
  @Authenticated(MANAGE)
  dryRun(@CurrentActor() actor: Actor): Promise<RetentionReport> {
    return this.retention.dryRun(actor);
  }

  @Post('run')
  @HttpCode(200)
  @Authenticated(MANAGE)
  run(@CurrentActor() actor: Actor): Promise<RetentionReport> {
    return this.retention.run(actor);
  }
}
