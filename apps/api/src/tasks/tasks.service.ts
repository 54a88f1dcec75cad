import { Injectable } from '@nestjs/common';
import {
  OPEN_CASE_STATUSES,
  type TaskKind,
  type TaskKindCount,
  type TaskList,
  type TaskQuery,
} from '@pathways/contracts';
import { DEFAULT_CLOCKS, OPEN_REFERRAL_STATUSES, type ClockSettings } from '@pathways/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { Params } from '../common/sql-params';
import { lapsedWithoutProgram } from '../notices/no-program-notice.scheduler';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';

/**
 * Work with no clock in DOMAIN.md gets this many business days from the moment it appears: a supervisor's closure
 * review and assessment-override approval, an officer's answer to a request for information or to a returned
 * decision.
 */
export const RESPONSE_BUSINESS_DAYS = 2;

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const OPEN_CASES = sqlList(OPEN_CASE_STATUSES);
const OPEN_REFERRALS = sqlList(OPEN_REFERRAL_STATUSES);

/** The scope of one caller as SQL on referrals (`r`), cases (`c`) and assessments (`a`). */
interface Scope {
  referrals: string;
  cases: string;
  assessments: string;
  /** The placeholder of the clock's now, added to the parameters when a branch first needs it. */
  now: () => string;
  /** The provider's clocks (DOMAIN.md defaults or the provider's shorter settings); whole numbers, validated. */
  clocks: ClockSettings;
}

/** One item as json_agg renders it (timestamps as text). */
interface TaskRow {
  kind: TaskKind;
  due_at: string;
  subject_type: 'referral' | 'case';
  subject_id: string;
  label: string;
  assignee_id: string | null;
}

/** One UNION ALL branch per clock: the kind and the SQL producing its rows for a scope. */
type Branch = (s: Scope) => string;
type KindBranches = [TaskKind, Branch][];
const entries = (branches: Partial<Record<TaskKind, Branch>>) => Object.entries(branches) as KindBranches;

const select = (kind: TaskKind, due: string, subject: 'referral' | 'case', assignee: string) =>
  subject === 'referral'
    ? `SELECT '${kind}'::text AS kind, ${due} AS due_at, 'referral'::text AS subject_type, r.id AS subject_id,
              r.reference_number AS label, ${assignee} AS assignee_id`
    : `SELECT '${kind}'::text AS kind, ${due} AS due_at, 'case'::text AS subject_type, c.id AS subject_id,
              c.case_number AS label, ${assignee} AS assignee_id`;

/** Supervisor work: triage, assignment, closure review, override approval, the lapsed 20-day notice. */
const SUPERVISOR: Partial<Record<TaskKind, Branch>> = {
  // Triage (acknowledge): 1 business day from received.
  TRIAGE: (
    s,
  ) => `${select('TRIAGE', `business_due_at(r.received_at, ${s.clocks.triageBusinessDays})`, 'referral', 'NULL::uuid')}
      FROM referrals r WHERE r.status = 'SUBMITTED' AND ${s.referrals}`,
  // Assignment finishes triage: 1 business day from the acknowledgement.
  ASSIGN: (s) => `${select(
    'ASSIGN',
    `business_due_at(coalesce((SELECT max(e.at) FROM referral_events e
                                WHERE e.referral_id = r.id AND e.action = 'acknowledge'), r.received_at),
                     ${s.clocks.triageBusinessDays})`,
    'referral',
    'NULL::uuid',
  )}
      FROM referrals r WHERE r.status = 'TRIAGE' AND r.assigned_counselor_id IS NULL AND ${s.referrals}`,
  CLOSURE_REVIEW: (s) => `${select(
    'CLOSURE_REVIEW',
    `business_due_at(coalesce(c.closure_requested_at, c.updated_at), ${RESPONSE_BUSINESS_DAYS})`,
    'case',
    'NULL::uuid',
  )}
      FROM cases c WHERE c.status = 'CLOSURE_REVIEW' AND ${s.cases}`,
  ASSESSMENT_OVERRIDE: (s) => `${select(
    'ASSESSMENT_OVERRIDE',
    `business_due_at(a.created_at, ${RESPONSE_BUSINESS_DAYS})`,
    'case',
    'NULL::uuid',
  )}
      FROM assessments a JOIN cases c ON c.id = a.case_id
     WHERE a.override_level IS NOT NULL AND a.override_approved_by IS NULL AND c.status <> 'CLOSED'
       AND ${s.assessments}`,
  // WIC 652.5 lapsed and the letter not yet out (the scheduler sends it; this shows it until it has).
  NO_PROGRAM_NOTICE: (
    s,
  ) => `${select('NO_PROGRAM_NOTICE', 'r.due_service_start_at', 'referral', 'NULL::uuid')}
      FROM referrals r WHERE ${lapsedWithoutProgram.beforeCase(s.now())} AND ${s.referrals}
     UNION ALL
    ${select('NO_PROGRAM_NOTICE', 'r.due_service_start_at', 'referral', 'NULL::uuid')}
      FROM cases c JOIN referrals r ON r.id = c.referral_id
     WHERE ${lapsedWithoutProgram.inCase(s.now())} AND ${s.cases}`,
};

/** Counselor work on assigned referrals and cases. */
const COUNSELOR: Partial<Record<TaskKind, Branch>> = {
  // First outreach attempt: 2 business days from assignment, until a contact is recorded since then.
  FIRST_CONTACT: (s) => `${select(
    'FIRST_CONTACT',
    `business_due_at(coalesce(r.assigned_at, r.received_at), ${s.clocks.firstContactBusinessDays})`,
    'referral',
    'r.assigned_counselor_id',
  )}
      FROM referrals r
     WHERE r.status = 'OUTREACH' AND ${s.referrals}
       AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.referral_id = r.id
                          AND k.occurred_at >= coalesce(r.assigned_at, r.received_at))`,
  // Intake and consent: 10 business days from received.
  INTAKE: (s) => `${select(
    'INTAKE',
    `business_due_at(r.received_at, ${s.clocks.intakeBusinessDays})`,
    'referral',
    'r.assigned_counselor_id',
  )}
      FROM referrals r WHERE r.status IN ('OUTREACH', 'CONSENT_PENDING') AND ${s.referrals}`,
  // WIC 652.5: a service program within 20 calendar days (the stored due instant), before and after enrollment.
  SERVICE_START: (
    s,
  ) => `${select('SERVICE_START', 'r.due_service_start_at', 'referral', 'r.assigned_counselor_id')}
      FROM referrals r WHERE r.status IN (${OPEN_REFERRALS}) AND ${s.referrals}
     UNION ALL
    ${select('SERVICE_START', 'r.due_service_start_at', 'case', 'c.primary_counselor_id')}
      FROM cases c JOIN referrals r ON r.id = c.referral_id
     WHERE c.status IN (${OPEN_CASES}) AND c.service_program_initiated_at IS NULL AND ${s.cases}`,
  ASSESSMENT: (s) => `${select(
    'ASSESSMENT',
    `coalesce(c.intake_completed_at, c.opened_at) + interval '${s.clocks.assessmentDays} days'`,
    'case',
    'c.primary_counselor_id',
  )}
      FROM cases c
     WHERE c.status IN (${OPEN_CASES}) AND ${s.cases}
       AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = c.id)`,
  CASE_PLAN: (s) => `${select(
    'CASE_PLAN',
    `r.received_at + interval '${s.clocks.casePlanDays} days'`,
    'case',
    'c.primary_counselor_id',
  )}
      FROM cases c JOIN referrals r ON r.id = c.referral_id
     WHERE c.status IN (${OPEN_CASES}) AND ${s.cases}
       AND NOT EXISTS (SELECT 1 FROM goals g WHERE g.case_id = c.id)`,
  // 30 days without a completed contact (or since opening) -> the NON_COMPLIANT decision.
  NO_CONTACT_30: (s) => `${select(
    'NO_CONTACT_30',
    // cases.last_contact_at: the last completed contact, kept by triggers on contacts (migration ListsAtScale).
    `coalesce(c.last_contact_at, c.opened_at) + interval '${s.clocks.noContactDays} days'`,
    'case',
    'c.primary_counselor_id',
  )}
      FROM cases c WHERE c.status = 'ACTIVE' AND ${s.cases}`,
  TARGET_END: (s) => `${select('TARGET_END', 'c.target_end_at', 'case', 'c.primary_counselor_id')}
      FROM cases c WHERE c.status IN (${OPEN_CASES}) AND ${s.cases}`,
  // WIC 827.95: the completion notice 5 business days after a successful police-diversion closure.
  COMPLETION_NOTICE: (s) => `${select(
    'COMPLETION_NOTICE',
    `business_due_at(c.closed_at, ${s.clocks.completionNoticeBusinessDays})`,
    'case',
    'c.primary_counselor_id',
  )}
      FROM cases c
     WHERE c.status = 'CLOSED' AND c.outcome_class = 'SUCCESSFUL' AND c.pathway = 'LE_DIVERSION_626B'
       AND c.completion_notice_sent_at IS NULL AND ${s.cases}`,
  // Follow-ups are due 6 / 12 months after closure, with 14 days' tolerance.
  FOLLOW_UP: (s) => `${select(
    'FOLLOW_UP',
    `f.due_at + interval '${s.clocks.followUpToleranceDays} days'`,
    'case',
    'c.primary_counselor_id',
  )}
      FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE f.status = 'PENDING' AND ${s.cases}`,
};

/** A suicide-risk flag with no completed crisis contact since: the counselor's and the supervisor's, at once. */
const SAFETY: Branch = (s) => `${select('SAFETY', 'a.created_at', 'case', 'c.primary_counselor_id')}
      FROM assessments a JOIN cases c ON c.id = a.case_id
     WHERE 'SUICIDE_RISK' = ANY(a.flags) AND c.status <> 'CLOSED' AND ${s.assessments}
       AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.case_id = c.id AND k.contact_type = 'CRISIS'
                          AND k.result = 'COMPLETED' AND k.occurred_at >= a.administered_at)`;

/** The referring officer's: answer a request for information, read a police-diversion decision returned. */
const OFFICER: Partial<Record<TaskKind, Branch>> = {
  NEEDS_INFO: (s) => `${select(
    'NEEDS_INFO',
    `business_due_at(coalesce((SELECT max(e.at) FROM referral_events e
                                WHERE e.referral_id = r.id AND e.action = 'request-info'), r.updated_at),
                     ${RESPONSE_BUSINESS_DAYS})`,
    'referral',
    'r.referring_user_id',
  )}
      FROM referrals r WHERE r.status = 'NEEDS_INFO' AND ${s.referrals}`,
  DECISION_RETURNED: (s) => `${select(
    'DECISION_RETURNED',
    `business_due_at(r.returned_to_referrer_at, ${RESPONSE_BUSINESS_DAYS})`,
    'referral',
    'r.referring_user_id',
  )}
      FROM referrals r
     WHERE r.returned_to_referrer_at IS NOT NULL AND r.return_acknowledged_at IS NULL
       AND r.pathway = 'LE_DIVERSION_626B' AND r.sealed_at IS NULL AND ${s.referrals}`,
};

/**
 * GET /api/tasks: due and overdue work derived from the clocks of DOMAIN.md by one SQL query (a UNION ALL of one
 * branch per clock, business days through `business_due_at()`), scoped in SQL to the caller. No task table: the
 * work is what the records say, so it cannot drift.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: OrganizationSettingsService,
  ) {}

  async list(actor: Actor, q: TaskQuery): Promise<TaskList> {
    const now = this.clock.now();
    const p = new Params();
    // Police users' work has no provider clock; provider users work to their own organization's clocks.
    const clocks = isProviderRole(actor.role)
      ? integerClocks(await this.settings.clockSettings(actor.organizationId))
      : DEFAULT_CLOCKS;
    const branches = this.branchesFor(actor, q, p, now, clocks);
    if (!branches.length) return { items: [], total: 0, overdue: 0, byKind: [] };
    const filters = [
      q.dueBefore ? `AND t.due_at < ${p.add(new Date(q.dueBefore))}` : '',
      // Pushed down into every branch by PostgreSQL, so one record's work reads only that record.
      q.subjectId ? `AND t.subject_id = ${p.add(q.subjectId)}::uuid` : '',
    ].join(' ');
    const nowParam = `${p.add(now)}::timestamptz`;
    // One pass over the derived work: the most urgent `limit` items and the counts of all of it.
    const [result]: { items: TaskRow[]; by_kind: TaskKindCount[] }[] = await this.dataSource.query(
      `WITH t AS MATERIALIZED (
         SELECT t.* FROM (${branches.join('\n UNION ALL \n')}) t WHERE t.due_at IS NOT NULL ${filters})
       SELECT (SELECT coalesce(json_agg(x ORDER BY x.due_at, x.kind, x.subject_id), '[]')
                 FROM (SELECT * FROM t ORDER BY t.due_at, t.kind, t.subject_id LIMIT ${p.add(q.limit)}) x) AS items,
              (SELECT coalesce(json_agg(k ORDER BY k.kind), '[]')
                 FROM (SELECT t.kind, count(*)::int AS total, count(*) FILTER (WHERE t.due_at < ${nowParam})::int AS overdue
                         FROM t GROUP BY t.kind) k) AS by_kind`,
      p.values,
    );
    const byKind = result?.by_kind ?? [];
    return {
      items: (result?.items ?? []).map((row) => {
        const dueAt = new Date(row.due_at);
        return {
          kind: row.kind,
          dueAt: dueAt.toISOString(),
          overdue: dueAt.getTime() < now.getTime(),
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          label: row.label,
          assigneeId: row.assignee_id,
        };
      }),
      total: byKind.reduce((sum, k) => sum + k.total, 0),
      overdue: byKind.reduce((sum, k) => sum + k.overdue, 0),
      byKind,
    };
  }

  /** The branches for the caller's role, with only the parameters they use (PostgreSQL types each one). */
  private branchesFor(actor: Actor, q: TaskQuery, p: Params, now: Date, clocks: ClockSettings): string[] {
    let nowPlaceholder: string | null = null;
    const nowParam = () => (nowPlaceholder ??= `${p.add(now)}::timestamptz`);
    // Only the asked kind's branch runs: the others would be computed and thrown away.
    const build = (branches: KindBranches, scope: Omit<Scope, 'now' | 'clocks'>) =>
      branches
        .filter(([kind]) => !q.kind || kind === q.kind)
        .map(([, b]) => b({ ...scope, now: nowParam, clocks }));
    const assignee = q.assignee;
    switch (actor.role) {
      case 'COUNSELOR': {
        const org = p.add(actor.organizationId);
        const me = p.add(actor.userId);
        // A counselor's team view is their own: other counselors' referrals are not theirs to see.
        return build([...entries(COUNSELOR), ['SAFETY', SAFETY]], {
          referrals: `r.assigned_counselor_id = ${me} AND r.provider_org_id = ${org}`,
          cases: `c.primary_counselor_id = ${me} AND c.provider_org_id = ${org}`,
          assessments: `a.organization_id = ${org} AND c.primary_counselor_id = ${me}`,
        });
      }
      case 'PROVIDER_SUPERVISOR': {
        const org = p.add(actor.organizationId);
        const supervisor: KindBranches = [...entries(SUPERVISOR), ['SAFETY', SAFETY]];
        return build(assignee === 'team' ? [...supervisor, ...entries(COUNSELOR)] : supervisor, {
          referrals: `r.provider_org_id = ${org}`,
          cases: `c.provider_org_id = ${org}`,
          assessments: `a.organization_id = ${org}`,
        });
      }
      case 'SRO': {
        const org = p.add(actor.organizationId);
        const me = p.add(actor.userId);
        return build(entries(OFFICER), {
          referrals: `r.referring_user_id = ${me} AND r.referring_org_id = ${org}`,
          cases: 'false',
          assessments: 'false',
        });
      }
      case 'PD_SUPERVISOR':
        return build([['DECISION_RETURNED', OFFICER.DECISION_RETURNED!]], {
          referrals: `r.referring_org_id = ${p.add(actor.organizationId)}`,
          cases: 'false',
          assessments: 'false',
        });
      case 'ADMIN':
      case 'AUDITOR':
        return [];
    }
  }
}

function isProviderRole(role: Actor['role']): boolean {
  return role === 'COUNSELOR' || role === 'PROVIDER_SUPERVISOR';
}

/** The clocks go into the SQL text, so each must be a whole number whatever the settings row holds. */
function integerClocks(c: ClockSettings): ClockSettings {
  const out = { ...c };
  for (const key of Object.keys(out) as (keyof ClockSettings)[]) {
    const value = Math.trunc(Number(out[key]));
    out[key] = Number.isFinite(value) && value >= 0 ? value : DEFAULT_CLOCKS[key];
  }
  return out;
}
