import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  OrganizationKind,
  RetentionOverview,
  RetentionReport,
  RetentionReportItem,
  RetentionRunView,
  RetentionTrigger,
} from '@pathways/contracts';
import { REDACTED, RETENTION_ACTION_OF } from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditSubject } from '../audit/audit.service';
import { AppException } from '../common/app-exception';
import type { Actor, Origin } from '../common/actor';
import { Clock } from '../common/clock';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';
import { findCandidates, type RetentionCandidates } from './retention-candidates';
import { RetentionRunEntity } from './retention.entities';

/** Held (transaction-scoped) while the job runs: any number of API instances, one run at a time. */
const RETENTION_LOCK = 7_346_110_002;
const RECENT_RUNS = 10;

const retentionRunning = (): AppException =>
  new AppException(HttpStatus.CONFLICT, {
    code: 'RETENTION_RUNNING',
    message: 'The retention job is running right now. Try again in a minute.',
  });

/**
 * The retention schedule at work: closed provider records past retention lose the youth's identity (names, birth
 * date reduced to the year, guardian contacts, narratives and note text); ended sessions and expired idempotency
 * keys are deleted. Counts, outcomes and demographics stay, so reports keep counting. Audit rows are never touched
 * (append-only, kept at least a year). Idempotent: de-identified records are remembered and skipped.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: OrganizationSettingsService,
    private readonly audit: AuditService,
  ) {}

  async overview(actor: Actor): Promise<RetentionOverview> {
    const runs = await this.dataSource.getRepository(RetentionRunEntity).find({
      where: { organizationId: actor.organizationId },
      order: { startedAt: 'DESC' },
      take: RECENT_RUNS,
    });
    return {
      schedule: await this.settings.retentionSchedule(actor.organizationId),
      runs: runs.map(toRunView),
    };
  }

  /** What a run would do now, changing nothing. */
  async dryRun(actor: Actor): Promise<RetentionReport> {
    return this.dataSource.transaction(async (m) => {
      const candidates = await this.candidates(m, actor.organizationId);
      return report(actor.organizationId, this.clock.now(), true, candidates);
    });
  }

  /** Runs the job for the administrator's organization now (409 while another run holds the lock). */
  async run(actor: Actor): Promise<RetentionReport> {
    const result = await this.runFor(actor.organizationId, 'MANUAL', actor);
    if (!result) throw retentionRunning();
    return result;
  }

  /** The scheduled job: every organization, one transaction each; skipped where another instance holds the lock. */
  async runAll(): Promise<RetentionReport[]> {
    const orgs: { id: string }[] = await this.dataSource.query('SELECT id FROM organizations ORDER BY id');
    const reports: RetentionReport[] = [];
    for (const org of orgs) {
      const result = await this.runFor(org.id, 'SCHEDULED', null);
      if (result) reports.push(result);
    }
    return reports;
  }

  private async candidates(m: EntityManager, organizationId: string): Promise<RetentionCandidates> {
    const rows: { kind: OrganizationKind; settings: unknown }[] = await m.query(
      'SELECT kind, settings FROM organizations WHERE id = $1',
      [organizationId],
    );
    const settings = this.settings.parse(rows[0]?.settings);
    return findCandidates(
      m,
      organizationId,
      rows[0]?.kind === 'SERVICE_PROVIDER',
      await this.settings.retentionSchedule(organizationId, m),
      this.settings.securityFrom(settings),
      this.clock.now(),
    );
  }

  private async runFor(
    organizationId: string,
    trigger: RetentionTrigger,
    actor: Actor | null,
  ): Promise<RetentionReport | null> {
    return this.dataSource.transaction(async (m) => {
      const [lock] = await m.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        RETENTION_LOCK,
      ]);
      if (!lock?.locked) return null;
      const startedAt = this.clock.now();
      const c = await this.candidates(m, organizationId);
      const runId = randomUUID();
      await this.deidentify(m, organizationId, runId, c);
      if (c.sessions.length) await m.query('DELETE FROM sessions WHERE id = ANY($1::uuid[])', [c.sessions]);
      if (c.idempotencyKeys.length)
        await m.query('DELETE FROM idempotency_keys WHERE id = ANY($1::uuid[])', [c.idempotencyKeys]);

      const result = report(organizationId, startedAt, false, c);
      await m.getRepository(RetentionRunEntity).insert({
        id: runId,
        organizationId,
        trigger,
        actorId: actor?.userId ?? null,
        startedAt,
        finishedAt: this.clock.now(),
        items: result.items,
        youthDeidentified: result.youthDeidentified,
      });
      await this.auditRun(m, organizationId, runId, actor, c, result);
      return result;
    });
  }

  private async deidentify(
    m: EntityManager,
    organizationId: string,
    runId: string,
    c: RetentionCandidates,
  ): Promise<void> {
    const caseIds = c.cases.map((x) => x.caseId);
    const referralIds = [...c.cases.map((x) => x.referralId), ...c.endedReferrals.map((x) => x.referralId)];
    if (caseIds.length) {
      // Notes are never edited in place (a trigger refuses it): their text leaves with the rows.
      await m.query('DELETE FROM notes WHERE case_id = ANY($1::uuid[])', [caseIds]);
      await m.query(
        `UPDATE cases SET closure_summary = NULL, status_reason = NULL, closure_rejected_comment = NULL
         WHERE id = ANY($1::uuid[])`,
        [caseIds],
      );
      await m.query('UPDATE goals SET description = $2 WHERE case_id = ANY($1::uuid[])', [caseIds, REDACTED]);
      await m.query('UPDATE accountability_items SET description = NULL WHERE case_id = ANY($1::uuid[])', [
        caseIds,
      ]);
      await m.query(
        `UPDATE assessments SET override_reason = $2 WHERE case_id = ANY($1::uuid[]) AND override_reason IS NOT NULL`,
        [caseIds, REDACTED],
      );
    }
    if (referralIds.length) {
      await m.query(
        `UPDATE referrals SET narrative = NULL, police_report_number = NULL, draft = NULL, info_request = NULL,
                decline_reason = NULL, withdraw_reason = NULL, ineligible_reason = NULL,
                eligibility = CASE WHEN eligibility IS NULL THEN NULL
                                   ELSE jsonb_set(eligibility, '{overrideReason}', 'null') END
         WHERE id = ANY($1::uuid[])`,
        [referralIds],
      );
      await m.query('UPDATE referral_events SET note = NULL WHERE referral_id = ANY($1::uuid[])', [
        referralIds,
      ]);
      await m.query(
        `UPDATE consents SET guardian_name = NULL
         WHERE referral_id = ANY($1::uuid[]) OR case_id = ANY($2::uuid[])`,
        [referralIds, caseIds],
      );
    }
    if (referralIds.length || c.youth.length)
      await m.query(
        `UPDATE guardians SET name = $3, phone = $3, email = NULL
         WHERE referral_id = ANY($1::uuid[]) OR youth_id = ANY($2::uuid[])`,
        [referralIds, c.youth, REDACTED],
      );
    if (c.youth.length)
      await m.query(
        `UPDATE youth SET first_name = $2, last_name = $2, preferred_name = NULL, zip = NULL,
                date_of_birth = make_date(extract(year FROM date_of_birth)::int, 7, 1)
         WHERE id = ANY($1::uuid[])`,
        [c.youth, REDACTED],
      );
    const marks = [
      ...caseIds.map((id) => ['case', id]),
      ...referralIds.map((id) => ['referral', id]),
      ...c.youth.map((id) => ['youth', id]),
    ];
    if (marks.length)
      await m.query(
        `INSERT INTO deidentified_records (entity_type, entity_id, organization_id, run_id, deidentified_at)
         SELECT t, id, $3, $4, $5 FROM unnest($1::text[], $2::uuid[]) AS x(t, id)`,
        [marks.map((x) => x[0]), marks.map((x) => x[1]), organizationId, runId, this.clock.now()],
      );
  }

  /** One row per de-identified record (with its youth), and one for the run naming the kinds it acted on. */
  private async auditRun(
    m: EntityManager,
    organizationId: string,
    runId: string,
    actor: Actor | null,
    c: RetentionCandidates,
    result: RetentionReport,
  ): Promise<void> {
    const subject: AuditSubject = actor
      ? { actorId: actor.userId, actorRole: actor.role, organizationId }
      : { actorId: null, actorRole: null, organizationId };
    const origin: Origin = actor ?? { ip: null, userAgent: null, requestId: `retention:${runId}` };
    const deidentified = { action: 'UPDATE' as const, changedFields: ['deidentified'] };
    await this.audit.recordMany(
      m,
      subject,
      origin,
      { ...deidentified, entityType: 'case' },
      c.cases.map((x) => ({ entityId: x.caseId, youthId: x.youthId })),
    );
    await this.audit.recordMany(
      m,
      subject,
      origin,
      { ...deidentified, entityType: 'referral' },
      c.endedReferrals.map((x) => ({ entityId: x.referralId, youthId: x.youthId })),
    );
    await this.audit.recordMany(
      m,
      subject,
      origin,
      { ...deidentified, entityType: 'youth' },
      c.youth.map((id) => ({ entityId: id, youthId: id })),
    );
    await this.audit.recordFor(m, subject, origin, {
      action: 'CREATE',
      entityType: 'retention_run',
      entityId: runId,
      changedFields: result.items.filter((i) => i.count > 0).map((i) => i.kind),
    });
  }
}

function report(
  organizationId: string,
  asOf: Date,
  dryRun: boolean,
  c: RetentionCandidates,
): RetentionReport {
  const item = (kind: RetentionReportItem['kind'], count: number, cutoff: Date): RetentionReportItem => ({
    kind,
    action: RETENTION_ACTION_OF[kind],
    count,
    cutoff: cutoff.toISOString(),
  });
  return {
    organizationId,
    asOf: asOf.toISOString(),
    dryRun,
    items: [
      item('CLOSED_CASES', c.cases.length, c.cutoffs.closedCasesBefore),
      item('ENDED_REFERRALS', c.endedReferrals.length, c.cutoffs.endedReferralsBefore),
      item('SESSIONS', c.sessions.length, c.cutoffs.sessionsEndedBefore),
      item('IDEMPOTENCY_KEYS', c.idempotencyKeys.length, c.cutoffs.idempotencyExpiredBefore),
    ],
    youthDeidentified: c.youth.length,
  };
}

function toRunView(r: RetentionRunEntity): RetentionRunView {
  return {
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    trigger: r.trigger,
    actorId: r.actorId,
    items: r.items,
    youthDeidentified: r.youthDeidentified,
  };
}
