import { Injectable } from '@nestjs/common';
import {
  AUDIT_EXPORT_MAX_ROWS,
  AUDIT_REVIEW_CATEGORIES,
  AUDIT_REVIEW_ITEMS,
  type AuditActor,
  type AuditEventView,
  type AuditExportQuery,
  type AuditQuery,
  type AuditReview,
  type AuditReviewCategory,
  type AuditReviewQuery,
  type Page,
} from '@pathways/contracts';
import { currentReviewWeek, reviewWeek } from '@pathways/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { toCsv } from '../common/csv';
import { cappedCountSql, pageTotal } from '../common/list-count';
import { Params } from '../common/sql-params';
import { AuditService } from './audit.service';

type Filters = Omit<AuditExportQuery, never>;

interface Row {
  id: string;
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  organization_id: string | null;
  action: AuditEventView['action'];
  entity_type: string;
  entity_id: string | null;
  youth_id: string | null;
  outcome: AuditEventView['outcome'];
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  changed_fields: string[];
}

const SELECT = `SELECT e.id, e.seq, e.at, e.actor_id, u.display_name AS actor_name, e.actor_role, e.organization_id,
  e.action, e.entity_type, e.entity_id, e.youth_id, e.outcome, e.ip, e.user_agent, e.request_id, e.changed_fields
  FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id AND u.organization_id = e.organization_id`;

/** What each weekly-review category is, as SQL over `e` (audit_events). */
const REVIEW_WHERE: Record<AuditReviewCategory, string> = {
  FAILED_LOGINS: `e.action = 'LOGIN_FAILED'`,
  LOCKOUTS: `e.action = 'LOCKOUT'`,
  EXPORTS: `e.action = 'EXPORT'`,
  OVERRIDES: `e.action = 'OVERRIDE'`,
  // Sealing itself, and any read of a referral after it was sealed (WIC 827.95).
  SEALED_RECORD_ACCESS: `(e.action = 'SEAL' OR (e.action = 'VIEW' AND e.entity_type = 'referral' AND EXISTS (
      SELECT 1 FROM referrals r WHERE r.id = e.entity_id AND r.sealed_at IS NOT NULL AND r.sealed_at <= e.at)))`,
  PERMISSION_CHANGES: `e.action = 'PERMISSION_CHANGE'`,
};

/**
 * The AUDITOR's console over the audit trail, always limited to the auditor's own organization: search, CSV
 * export (itself audited as EXPORT), the people to search by, and the weekly review. Rows carry ids; the
 * console shows the actor's display name from the accounts table, never stored in the trail.
 */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, q: AuditQuery): Promise<Page<AuditEventView>> {
    const p = new Params();
    const where = filterSql(p, actor.organizationId, q);
    const [rows, count] = await Promise.all([
      this.dataSource.query<Row[]>(
        `${SELECT} WHERE ${where} ORDER BY e.at DESC, e.seq DESC LIMIT ${p.add(q.pageSize)} OFFSET ${p.add((q.page - 1) * q.pageSize)}`,
        p.values,
      ),
      this.dataSource.query<{ n: number }[]>(
        cappedCountSql(`FROM audit_events e WHERE ${filterSql(new Params(), actor.organizationId, q)}`),
        filterParams(actor.organizationId, q),
      ),
    ]);
    return { items: rows.map(toView), ...pageTotal(count[0]?.n), page: q.page, pageSize: q.pageSize };
  }

  /** Every matching row (newest first, up to AUDIT_EXPORT_MAX_ROWS) as CSV; the export is audited with it. */
  async exportCsv(actor: Actor, q: AuditExportQuery): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const p = new Params();
      const where = filterSql(p, actor.organizationId, q);
      const rows = await m.query<Row[]>(
        `${SELECT} WHERE ${where} ORDER BY e.at DESC, e.seq DESC LIMIT ${p.add(AUDIT_EXPORT_MAX_ROWS)}`,
        p.values,
      );
      await this.audit.record(m, actor, {
        action: 'EXPORT',
        entityType: 'audit_event',
        changedFields: Object.keys(q)
          .filter((k) => q[k as keyof AuditExportQuery] !== undefined)
          .sort(),
      });
      return toCsv(
        [
          'seq',
          'at',
          'actor_id',
          'actor_name',
          'actor_role',
          'action',
          'entity_type',
          'entity_id',
          'youth_id',
          'outcome',
          'ip',
          'user_agent',
          'request_id',
          'changed_fields',
        ],
        rows.map((r) => [
          r.seq,
          r.at.toISOString(),
          r.actor_id,
          r.actor_name,
          r.actor_role,
          r.action,
          r.entity_type,
          r.entity_id,
          r.youth_id,
          r.outcome,
          r.ip,
          r.user_agent,
          r.request_id,
          r.changed_fields.join(' '),
        ]),
      );
    });
  }

  /** The accounts of the auditor's organization (active or not), to search the trail by person. */
  async actors(actor: Actor): Promise<AuditActor[]> {
    const rows = await this.dataSource.query<
      { id: string; display_name: string; email: string; role: AuditActor['role']; active: boolean }[]
    >(
      'SELECT id, display_name, email, role, active FROM users WHERE organization_id = $1 ORDER BY display_name, id',
      [actor.organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      email: r.email,
      role: r.role,
      active: r.active,
    }));
  }

  /** CJIS weekly review: failed sign-ins, lockouts, exports, overrides, sealed-record access, permission changes. */
  async review(actor: Actor, q: AuditReviewQuery): Promise<AuditReview> {
    const week = q.weekOf ? reviewWeek(q.weekOf) : currentReviewWeek(this.clock.now());
    const sections = await Promise.all(
      AUDIT_REVIEW_CATEGORIES.map(async (category) => {
        const params = [actor.organizationId, week.from, week.to];
        const where = `e.organization_id = $1 AND e.at >= $2 AND e.at < $3 AND ${REVIEW_WHERE[category]}`;
        const [items, count] = await Promise.all([
          this.dataSource.query<Row[]>(
            `${SELECT} WHERE ${where} ORDER BY e.at DESC, e.seq DESC LIMIT ${AUDIT_REVIEW_ITEMS}`,
            params,
          ),
          this.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM audit_events e WHERE ${where}`,
            params,
          ),
        ]);
        return { category, total: count[0]?.n ?? 0, items: items.map(toView) };
      }),
    );
    return {
      weekOf: week.weekOf,
      from: week.from.toISOString(),
      to: week.to.toISOString(),
      sections,
    };
  }
}

function filterSql(p: Params, organizationId: string, f: Filters): string {
  const where = [`e.organization_id = ${p.add(organizationId)}`];
  if (f.actorId) where.push(`e.actor_id = ${p.add(f.actorId)}`);
  if (f.entityType) where.push(`e.entity_type = ${p.add(f.entityType)}`);
  if (f.entityId) where.push(`(e.entity_id = ${p.add(f.entityId)} OR e.youth_id = ${p.add(f.entityId)})`);
  if (f.action) where.push(`e.action = ${p.add(f.action)}`);
  if (f.outcome) where.push(`e.outcome = ${p.add(f.outcome)}`);
  if (f.from) where.push(`e.at >= ${p.add(f.from)}`);
  if (f.to) where.push(`e.at < ${p.add(f.to)}`);
  return where.join(' AND ');
}

function filterParams(organizationId: string, f: Filters): unknown[] {
  const p = new Params();
  filterSql(p, organizationId, f);
  return p.values;
}

function toView(e: Row): AuditEventView {
  return {
    id: e.id,
    seq: Number(e.seq),
    at: e.at.toISOString(),
    actorId: e.actor_id,
    actorName: e.actor_name,
    actorRole: e.actor_role as AuditEventView['actorRole'],
    organizationId: e.organization_id,
    action: e.action,
    entityType: e.entity_type,
    entityId: e.entity_id,
    youthId: e.youth_id,
    outcome: e.outcome,
    ip: e.ip,
    userAgent: e.user_agent,
    requestId: e.request_id,
    changedFields: e.changed_fields,
  };
}
