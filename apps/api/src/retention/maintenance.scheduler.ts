import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job';
import { AppConfig } from '../config/app-config';
import { AccountInactivityService } from '../users/account-inactivity.service';
import { RetentionService } from './retention.service';

const FIRST_RUN_AFTER_MS = 60_000;
const EVERY_MS = 60 * 60_000;

/**
 * Periodic housekeeping: disable dormant accounts (CJIS) and run the retention job, hourly. Each job takes a
 * PostgreSQL advisory lock and is idempotent, so every API instance may run this scheduler. Off under
 * NODE_ENV=test: tests call the jobs themselves with a moved clock.
 */
@Injectable()
export class MaintenanceScheduler extends PeriodicJob {
  private readonly logger = new Logger('Maintenance');

  constructor(
    config: AppConfig,
    private readonly inactivity: AccountInactivityService,
    private readonly retention: RetentionService,
  ) {
    super({ nodeEnv: config.env.NODE_ENV, firstAfterMs: FIRST_RUN_AFTER_MS, everyMs: EVERY_MS });
  }

  async runOnce(): Promise<void> {
    try {
      const disabled = await this.inactivity.disableDormant();
      const reports = await this.retention.runAll();
      const acted = reports.reduce((n, r) => n + r.items.reduce((m, i) => m + i.count, 0), 0);
      if (disabled || acted) this.logger.log({ disabled, retention: acted }, 'maintenance done');
    } catch (error) {
      // Logged by name only: driver messages may quote values.
      this.logger.error({ err: { name: (error as Error)?.name } }, 'maintenance failed; retried next hour');
    }
  }
}
