import { Module } from '@nestjs/common';
import { OutcomeReportService } from './outcome-report.service';
import { PublicDashboardController } from './public-dashboard.controller';
import { PublicDashboardService } from './public-dashboard.service';
import { ReportFactsScheduler } from './report-facts.scheduler';
import { ReportFactsService } from './report-facts.service';
import { ReportsController } from './reports.controller';

/** Outcome reports (DOMAIN.md "Outcome measures") for staff, and the public dashboard. */
@Module({
  controllers: [ReportsController, PublicDashboardController],
  providers: [OutcomeReportService, PublicDashboardService, ReportFactsService, ReportFactsScheduler],
  exports: [ReportFactsService],
})
export class ReportsModule {}
