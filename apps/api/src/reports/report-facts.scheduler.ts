import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job';
import { AppConfig } from '../config/app-config';
import { ReportFactsService } from './report-facts.service';

/**
 * Keeps the report facts' queue short: a refresh every minute (and soon after start, where a migration or the bulk
 * generator asked for a rebuild), so a report's own refresh has little left to do. The refresh takes a PostgreSQL
 * advisory lock, so every API instance may run this. Off under NODE_ENV=test: reports refresh as they read.
 */
@Injectable()
export class ReportFactsScheduler extends PeriodicJob {
  private readonly logger = new Logger('ReportFacts');

  constructor(
    config: AppConfig,
    private readonly facts: ReportFactsService,
  ) {
    super({ nodeEnv: config.env.NODE_ENV, firstAfterMs: 2_000, everyMs: 60_000 });
  }

  async runOnce(): Promise<void> {
    try {
      const r = await this.facts.refresh();
      if (r.rebuilt || r.youth)
        this.logger.log({ rebuilt: r.rebuilt, youth: r.youth, ms: r.ms }, 'report facts refreshed');
    } catch (error) {
      // Logged by name only: driver messages may quote values.
      this.logger.error(
        { err: { name: (error as Error)?.name } },
        'report facts refresh failed; retried next minute',
      );
    }
  }
}
