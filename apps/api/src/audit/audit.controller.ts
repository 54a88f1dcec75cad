import { Controller, Get, Header } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  auditExportQuerySchema,
  auditQuerySchema,
  auditReviewQuerySchema,
  PERMISSIONS,
  type AuditActor,
  type AuditEventView,
  type AuditExportQuery,
  type AuditQuery,
  type AuditReview,
  type AuditReviewQuery,
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

  @Get('actors')
  @Authenticated({ permission: PERMISSIONS.AUDIT_READ })
  actors(@CurrentActor() actor: Actor): Promise<AuditActor[]> {
    return this.query.actors(actor);
  }

  @Get('review')
  @Authenticated({ permission: PERMISSIONS.AUDIT_READ })
  review(
    @CurrentActor() actor: Actor,
    @ValidQuery(auditReviewQuerySchema) q: AuditReviewQuery,
  ): Promise<AuditReview> {
    return this.query.review(actor, q);
  }

  @Get('export')
  @Authenticated({ permission: PERMISSIONS.AUDIT_READ })
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="audit-trail.csv"')
  @Header('cache-control', 'no-store')
  exportCsv(
    @CurrentActor() actor: Actor,
    @ValidQuery(auditExportQuerySchema) q: AuditExportQuery,
  ): Promise<string> {
    return this.query.exportCsv(actor, q);
  }
}
