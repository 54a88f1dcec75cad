import { Module } from '@nestjs/common';
import { OutcomeReportService } from './outcome-report.service';
import { PublicDashboardController } from './public-dashboard.controller';
import { PublicDashboardService } from './public-dashboard.service';
import { ReportsController } from './reports.controller';

/** Outcome reports (DOMAIN.md "Outcome measures") for staff, and the public dashboard. */
@Module({
  controllers: [ReportsController, PublicDashboardController],
  providers: [OutcomeReportService, PublicDashboardService],
})
export class ReportsModule {}
