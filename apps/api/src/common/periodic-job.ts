import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A job each API instance runs on a timer: first soon after start, then every interval after the previous run ends
 * (runs never overlap), awaited on shutdown. Off under NODE_ENV=test: tests call `runOnce` themselves with a moved
 * clock. The job itself takes whatever PostgreSQL lock keeps two instances from doing the same work.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  protected constructor(
    private readonly schedule: { nodeEnv: string; firstAfterMs: number; everyMs: number },
  ) {}

  /** One run; it logs and swallows its own errors (the next run tries again). */
  abstract runOnce(): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.schedule.nodeEnv === 'test') return;
    this.timer = setTimeout(() => this.tick(), this.schedule.firstAfterMs);
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
        this.timer = setTimeout(() => this.tick(), this.schedule.everyMs);
        this.timer.unref();
      }
    });
  }
}
