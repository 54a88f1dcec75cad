import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
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
export class MaintenanceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Maintenance');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly inactivity: AccountInactivityService,
    private readonly retention: RetentionService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env.NODE_ENV === 'test') return;
    this.timer = setTimeout(() => this.tick(), FIRST_RUN_AFTER_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    this.running = this.runOnce().finally(() => {
      this.running = null;
      if (this.timer) {
        this.timer = setTimeout(() => this.tick(), EVERY_MS);
        this.timer.unref();
      }
    });
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
