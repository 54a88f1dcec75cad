import type { LockoutPolicy, SessionTimeouts } from '@pathways/domain';
import { DEFAULT_LOCKOUT_POLICY } from '@pathways/domain';
import type { Env } from './env';

/** Typed configuration injected into services (built once from the validated environment). */
export class AppConfig {
  constructor(
    readonly env: Env,
    readonly databaseUrl: string,
  ) {}

  get sessionTimeouts(): SessionTimeouts {
    return { idleMinutes: this.env.SESSION_IDLE_MINUTES, absoluteHours: this.env.SESSION_ABSOLUTE_HOURS };
  }

  get lockoutPolicy(): LockoutPolicy {
    return DEFAULT_LOCKOUT_POLICY;
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }
}
