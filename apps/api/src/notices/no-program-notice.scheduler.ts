import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { NoticesService } from './notices.service';

/** How often the scheduler looks for lapsed 20-day clocks, and how soon after start-up it first looks. */
export const NO_PROGRAM_NOTICE_INTERVAL_MS = 10 * 60_000;
const FIRST_ROUND_DELAY_MS = 5_000;
/** One key for the transaction-level advisory lock: one instance issues at a time, the others skip the round. */
const LOCK_KEY = 6_525_020;
/** Referrals handled per round: a backlog drains over several rounds without a long transaction. */
const BATCH = 500;

/**
 * A referral (alias `r`, its case LEFT JOINed as `c`) whose 20-day clock (WIC 652.5) lapsed at `now` without a
 * service program: still open or ENROLLED with a case not closed, and no program started by the due instant. The
 * scheduler and the supervisor's NO_PROGRAM_NOTICE task read the same condition.
 */
export function lapsedWithoutProgramSql(now: string): string {
  return `r.due_service_start_at < ${now}
            AND r.status IN ('SUBMITTED', 'NEEDS_INFO', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING', 'ENROLLED')
            AND (c.id IS NULL OR (c.status <> 'CLOSED'
                 AND coalesce(c.service_program_initiated_at, 'infinity') > r.due_service_start_at))
            AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.referral_id = r.id AND n.type = 'NO_PROGRAM_20_DAY')`;
}

interface DueRow {
  id: string;
  referring_org_id: string;
  referring_user_id: string;
  provider_org_id: string;
  youth_id: string | null;
  received_at: Date;
  due_service_start_at: Date;
}

/**
 * WIC 652.5: when no service program has started within 20 calendar days of the referral, the referring officer is
 * notified in writing. `runDue` issues the NO_PROGRAM_20_DAY notice for every referral still open or ENROLLED (case
 * not closed) whose clock lapsed without a service program started by then, once per referral (unique index), under
 * a transaction advisory lock. The app calls it on an interval; tests call it directly.
 */
@Injectable()
export class NoProgramNoticeScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NoProgramNoticeScheduler.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: NoticesService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Tests (NODE_ENV=test, the browser suite too) call runDue themselves; the timers never keep the process up. */
  onApplicationBootstrap(): void {
    if (this.config.env.NODE_ENV === 'test') return;
    this.timers = [
      setTimeout(() => void this.runSafely(), FIRST_ROUND_DELAY_MS),
      setInterval(() => void this.runSafely(), NO_PROGRAM_NOTICE_INTERVAL_MS),
    ];
    for (const timer of this.timers) timer.unref();
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** Issues the lapsed notices as of `now`; returns how many it issued (0 when another instance holds the lock). */
  async runDue(now: Date = this.clock.now()): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const [lock] = await m.query<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [
        LOCK_KEY,
      ]);
      if (!lock?.locked) return 0;
      const due: DueRow[] = await m.query(
        `SELECT r.id, r.referring_org_id, r.referring_user_id, r.provider_org_id, r.youth_id, r.received_at,
                r.due_service_start_at
           FROM referrals r
           LEFT JOIN cases c ON c.referral_id = r.id
          WHERE ${lapsedWithoutProgramSql('$1')}
          ORDER BY r.due_service_start_at
          LIMIT ${BATCH}`,
        [now],
      );
      let issued = 0;
      for (const r of due) {
        const notice = await this.notices.issue(m, null, {
          type: 'NO_PROGRAM_20_DAY',
          referral: {
            id: r.id,
            referringOrgId: r.referring_org_id,
            referringUserId: r.referring_user_id,
            providerOrgId: r.provider_org_id,
            youthId: r.youth_id,
          },
          sentAt: now,
          facts: {
            receivedAt: r.received_at.toISOString(),
            dueServiceStartAt: r.due_service_start_at.toISOString(),
          },
        });
        if (notice) issued += 1;
      }
      return issued;
    });
  }

  private async runSafely(): Promise<void> {
    try {
      const issued = await this.runDue();
      if (issued) this.logger.log({ issued }, 'no-program notices issued');
    } catch (err) {
      this.logger.error({ err: { name: (err as Error).name } }, 'no-program notice round failed');
    }
  }
}
