import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  outcomeReportQuerySchema,
  PERMISSIONS,
  type OutcomeReport,
  type OutcomeReportQuery,
} from '@pathways/contracts';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidQuery } from '../common/validation.decorators';
import { type CsvFile, OutcomeReportService } from './outcome-report.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: OutcomeReportService) {}

  /** The outcome measures over the caller's agency or provider; suppressed but for the provider supervisor. */
  @Get('outcomes')
  @Authenticated({ permission: PERMISSIONS.REPORT_READ })
  outcomes(
    @CurrentActor() actor: Actor,
    @ValidQuery(outcomeReportQuerySchema) q: OutcomeReportQuery,
  ): Promise<OutcomeReport> {
    return this.reports.report(actor, q);
  }

  /** The same report as de-identified CSV (audited as EXPORT). */
  @Get('outcomes.csv')
  @Authenticated({ permission: PERMISSIONS.REPORT_READ })
  @ApiProduces('text/csv')
  async outcomesCsv(
    @CurrentActor() actor: Actor,
    @ValidQuery(outcomeReportQuerySchema) q: OutcomeReportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendCsv(reply, await this.reports.exportCsv(actor, q));
  }
}

/** A CSV download: named, never cached, its length stated. */
function sendCsv(reply: FastifyReply, file: CsvFile): void {
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('content-length', Buffer.byteLength(file.body))
    .header('cache-control', 'no-store')
    .send(file.body);
}
