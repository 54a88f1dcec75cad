import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  auditQuerySchema,
  PERMISSIONS,
  type AuditEventView,
  type AuditQuery,
  type AuditVerifyResponse,
  type Page,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidQuery } from '../common/validation.decorators';
import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.AUDIT_READ })
  list(
    @CurrentActor() actor: Actor,
    @ValidQuery(auditQuerySchema) q: AuditQuery,
  ): Promise<Page<AuditEventView>> {
    return this.query.list(actor, q);
  }

  @Get('verify')
  @Authenticated({ permission: PERMISSIONS.AUDIT_READ })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
