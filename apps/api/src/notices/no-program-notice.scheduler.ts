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

/** The 20-day letter is sent once per referral (unique index); until then the clock counts as lapsed. */
const noLetterYet = `NOT EXISTS (SELECT 1 FROM notices n WHERE n.referral_id = r.id AND n.type = 'NO_PROGRAM_20_DAY')`;

/**
 * WIC 652.5 lapsed at `now` without a service program, in two halves that each read a small index: a referral
 * (alias `r`) still before its case (open and not yet enrolled) whose 20-day instant passed, and an open case (alias
 * `c`, its referral `r`) whose program did not start by its 20-day instant (partial index `ix_cases_program_lapse`).
 * The scheduler and the supervisor's NO_PROGRAM_NOTICE task read the same two conditions.
 */
export const lapsedWithoutProgram = {
  beforeCase: (now: string) =>
    `r.due_service_start_at < ${now}
       AND r.status IN ('SUBMITTED', 'NEEDS_INFO', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING') AND ${noLetterYet}`,
  inCase: (now: string) =>
    `c.status <> 'CLOSED'
       AND coalesce(c.service_program_initiated_at, 'infinity'::timestamptz) > c.due_service_start_at
       AND c.due_service_start_at < ${now} AND r.status = 'ENROLLED' AND ${noLetterYet}`,
};

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
           FROM referrals r WHERE ${lapsedWithoutProgram.beforeCase('$1')}
         UNION ALL
         SELECT r.id, r.referring_org_id, r.referring_user_id, r.provider_org_id, r.youth_id, r.received_at,
                r.due_service_start_at
           FROM cases c JOIN referrals r ON r.id = c.referral_id WHERE ${lapsedWithoutProgram.inCase('$1')}
          ORDER BY due_service_start_at
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
