import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ReportFactsService } from './report-facts.service';

const FIRST_RUN_AFTER_MS = 2_000;
const EVERY_MS = 60_000;

/**
 * Keeps the report facts' queue short: a refresh every minute (and soon after start, where a migration or the bulk
 * generator asked for a rebuild), so a report's own refresh has little left to do. The refresh takes a PostgreSQL
 * advisory lock, so every API instance may run this. Off under NODE_ENV=test: reports refresh as they read.
 */
@Injectable()
export class ReportFactsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReportFacts');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly facts: ReportFactsService,
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
