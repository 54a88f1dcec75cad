import { Injectable } from '@nestjs/common';
import type {
  CreateReferralResponse,
  Page,
  ProviderReferralDetail,
  ReferralListItem,
  ReferralListQuery,
} from '@pathways/contracts';
import { PROGRAM_TIME_ZONE } from '@pathways/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SchoolEntity } from '../catalog/catalog.entities';
import { notFound } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { cappedCountSql, pageTotal } from '../common/list-count';
import { nameMatchSql, Params } from '../common/sql-params';
import { GuardianEntity, YouthEntity } from '../youth/youth.entity';
import { ReferralEventEntity } from './referral-event.entity';
import { type ReferralBundle, type ReferralListRow, toDetail, toListItem } from './referral-views';
import { loadReferralWork } from './referral-work';
import { ReferralEntity } from './referral.entity';
import { canSeeReferral, isPoliceViewer, referralScope, type Viewer } from './referrals.policy';

const SORT_COLUMNS: Record<string, string> = {
  receivedAt: 'r.received_at',
  createdAt: 'r.created_at',
  referenceNumber: 'r.reference_number',
  status: 'r.status',
  dueServiceStartAt: 'r.due_service_start_at',
};

/**
 * The role scope of referrals as a SQL condition on alias `r` (referrals.policy.ts says the same in TypeScript).
 * Drafts belong to their author only.
 */
export function referralScopeSql(viewer: Viewer, p: Params): string {
  const scope = referralScope(viewer);
  switch (scope.kind) {
    case 'own':
      return `r.referring_user_id = ${p.add(scope.userId)}`;
    case 'agency':
      return `r.referring_org_id = ${p.add(scope.organizationId)} AND (r.status <> 'DRAFT' OR r.referring_user_id = ${p.add(viewer.userId)})`;
    case 'assigned':
      return `r.assigned_counselor_id = ${p.add(scope.userId)} AND r.provider_org_id = ${p.add(scope.organizationId)} AND r.status <> 'DRAFT'`;
    case 'provider':
      return `r.provider_org_id = ${p.add(scope.organizationId)} AND r.status <> 'DRAFT'`;
    case 'none':
      return 'false';
  }
}

/** Reads of referrals: the role-scoped list and the role-shaped detail (with its VIEW audit row). */
@Injectable()
export class ReferralsQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, q: ReferralListQuery): Promise<Page<ReferralListItem>> {
    const p = new Params();
    const police = isPoliceViewer(actor.role);
    const where = [referralScopeSql(actor, p)];
    if (q.status) where.push(`r.status = ${p.add(q.status)}`);
    // A sealed referral shows the police its number, SEALED and the completion date only (ACCESS.md "Sealing"):
    // matching any other filter (status, pathway, school, dates, a name) would tell them more, so it never does.
    const nameSearch = q.q !== undefined && !/^r-\d/i.test(q.q);
    const filtered = [q.status, q.pathway, q.schoolId, q.counselorId, q.queue, q.from, q.to].some(Boolean);
    if (police && (filtered || nameSearch)) where.push('r.sealed_at IS NULL');
    if (q.pathway) where.push(`r.pathway = ${p.add(q.pathway)}`);
    if (q.schoolId) where.push(`r.school_id = ${p.add(q.schoolId)}`);
    if (q.counselorId) where.push(`r.assigned_counselor_id = ${p.add(q.counselorId)}`);
    // The supervisor's intake queue: received, not yet worked by a counselor.
    if (q.queue === 'intake')
      where.push(`r.status IN ('SUBMITTED', 'NEEDS_INFO', 'TRIAGE') AND r.assigned_counselor_id IS NULL`);
    // Received date for submitted referrals, created date for drafts; calendar days in Pacific time.
    if (q.from || q.to) {
      const tz = p.add(PROGRAM_TIME_ZONE);
      const at = 'coalesce(r.received_at, r.created_at)';
      if (q.from) where.push(`${at} >= (${p.add(q.from)}::date)::timestamp AT TIME ZONE ${tz}`);
      if (q.to) where.push(`${at} < (${p.add(q.to)}::date + 1)::timestamp AT TIME ZONE ${tz}`);
    }
    if (q.q) {
      if (!nameSearch)
        where.push(`r.reference_number LIKE ${p.add(`${q.q.toUpperCase().replace(/[\\%_]/g, '')}%`)}`);
      else {
        where.push(nameMatchSql(p.add(q.q)));
      }
    }
    // The column, then id in the same direction: the scope's (scope, column, id) index serves either direction and
    // the page stops after pageSize rows. Drafts (not yet received) come first when sorting newest received first.
    const [field, direction] = (q.sort ?? 'createdAt:desc').split(':') as [string, string];
    const dir = direction === 'asc' ? 'ASC' : 'DESC';
    const order = `${SORT_COLUMNS[field] ?? 'r.created_at'} ${dir}, r.id ${dir}`;
    const from = 'FROM referrals r LEFT JOIN youth y ON y.id = r.youth_id';
    const condition = `WHERE ${where.join(' AND ')}`;
    const limit = p.add(q.pageSize);
    const offset = p.add((q.page - 1) * q.pageSize);
    const [rows, count] = await Promise.all([
      this.dataSource.query<ReferralListRow[]>(
        `SELECT r.id, r.reference_number, r.status, r.pathway, r.priority, r.received_at, r.due_service_start_at,
                r.created_at, r.sealed_at, r.eligibility->>'decision' AS eligibility_decision,
                coalesce(y.first_name || ' ' || y.last_name,
                         concat_ws(' ', r.draft->'youth'->>'firstName', r.draft->'youth'->>'lastName')) AS youth_name,
                s.name AS school_name
         ${from} LEFT JOIN schools s ON s.id = coalesce(r.school_id, (r.draft->>'schoolId')::uuid) ${condition}
         ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
        p.values,
      ),
      this.dataSource.query<{ n: number }[]>(
        // The youth are joined only for a name search.
        cappedCountSql(`${nameSearch ? from : 'FROM referrals r'} ${condition}`),
        p.values.slice(0, p.values.length - 2),
      ),
      // The page shows youth names: one VIEW row for it, as the case list writes (entity ids are on the detail
      // reads). Alongside the reads, so a failed audit insert fails the request and the page is not returned.
      this.audit.record(this.dataSource.manager, actor, { action: 'VIEW', entityType: 'referral.list' }),
    ]);
    return {
      items: rows.map((row) => toListItem(row, actor)),
      ...pageTotal(count[0]?.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The detail, shaped for the caller's role; a referral the caller may not see is 404. Audited as VIEW. */
  async detail(actor: Actor, id: string): Promise<CreateReferralResponse | ProviderReferralDetail> {
    return this.dataSource.transaction(async (m) => {
      const bundle = await this.loadVisible(m, actor, id);
      await this.audit.record(m, actor, {
        action: 'VIEW',
        entityType: 'referral',
        entityId: id,
        youthId: bundle.referral.youthId,
      });
      return toDetail(bundle, actor);
    });
  }

  /** The detail of a referral the caller just wrote, read in the writing transaction. */
  async detailIn(
    m: EntityManager,
    referral: ReferralEntity,
    actor: Actor,
  ): Promise<CreateReferralResponse | ProviderReferralDetail> {
    return toDetail(await this.bundleOf(m, referral), actor);
  }

  async loadVisible(m: EntityManager, actor: Actor, id: string): Promise<ReferralBundle> {
    const referral = await m.getRepository(ReferralEntity).findOneBy({ id });
    if (!referral || !canSeeReferral(actor, referral)) throw notFound('Referral');
    return this.bundleOf(m, referral);
  }

  async bundleOf(m: EntityManager, referral: ReferralEntity): Promise<ReferralBundle> {
    const schoolId = referral.schoolId ?? referral.draft?.schoolId ?? null;
    // One connection in a transaction: one query at a time.
    const youth = referral.youthId
      ? await m.getRepository(YouthEntity).findOneBy({ id: referral.youthId })
      : null;
    const guardians = await m
      .getRepository(GuardianEntity)
      .find({ where: { referralId: referral.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const school = schoolId ? await m.getRepository(SchoolEntity).findOneBy({ id: schoolId }) : null;
    const events = await m
      .getRepository(ReferralEventEntity)
      .find({ where: { referralId: referral.id }, order: { at: 'ASC', id: 'ASC' } });
    const work = await loadReferralWork(m, referral);
    return {
      referral,
      youth,
      guardians,
      schoolName: school?.name ?? null,
      events,
      work,
      now: this.clock.now(),
    };
  }
}
