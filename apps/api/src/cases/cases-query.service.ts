import { Injectable } from '@nestjs/common';
import type { AssessmentFlag, CaseDetail, CaseListItem, CaseListQuery, Page } from '@pathways/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SchoolEntity } from '../catalog/catalog.entities';
import type { Actor } from '../common/actor';
import { cappedCountSql, pageTotal } from '../common/list-count';
import { nameMatchSql, Params } from '../common/sql-params';
import { ReferralEntity } from '../referrals/referral.entity';
import { GuardianEntity, YouthEntity } from '../youth/youth.entity';
import { CaseStore } from './case-store.service';
import { type CaseListRow, toCaseDetail, toCaseListItem } from './case-views';
import type { CaseEntity } from './case.entity';
import { caseScopeSql } from './cases.policy';

const SORT_COLUMNS: Record<string, string> = {
  openedAt: 'c.opened_at',
  caseNumber: 'c.case_number',
  status: 'c.status',
  targetEndAt: 'c.target_end_at',
  // The last substantive (COMPLETED) contact, kept on the case by triggers on contacts.
  lastContactAt: 'c.last_contact_at',
};

/**
 * The ORDER BY of a list sort: the column, then `id` in the same direction, so that the scope's index (scope, column,
 * id) serves either direction by a forward or backward scan and the page stops after `pageSize` rows. A case never
 * contacted is the stalest: first when sorting by last contact oldest first, last when newest first (the NULLS FIRST
 * of its index).
 */
function caseOrderSql(sort: string | undefined): string {
  const [field, direction] = (sort ?? 'openedAt:desc').split(':') as [string, string];
  const column = SORT_COLUMNS[field] ?? 'c.opened_at';
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const nulls = field === 'lastContactAt' ? (dir === 'ASC' ? ' NULLS FIRST' : ' NULLS LAST') : '';
  return `${column} ${dir}${nulls}, c.id ${dir}`;
}

/** The assessment flags that mean a risk of harm: shown on the case while unresolved. */
const SAFETY_FLAGS: readonly AssessmentFlag[] = [
  'SUICIDE_RISK',
  'SELF_HARM',
  'HARM_TO_OTHERS',
  'ABUSE_NEGLECT_REPORTED',
];

/**
 * An assessment `a` of open case `c` still unresolved: no completed CRISIS contact since it was given. The same rule
 * as the SAFETY task of GET /api/tasks, so a case shows a flag exactly while its safety task is open.
 */
const UNRESOLVED = `a.case_id = c.id AND c.status <> 'CLOSED'
    AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.case_id = c.id AND k.contact_type = 'CRISIS'
                      AND k.result = 'COMPLETED' AND k.occurred_at >= a.administered_at)`;

const ACTIVE_FLAGS_SQL = `SELECT DISTINCT f.flag
  FROM assessments a CROSS JOIN LATERAL unnest(a.flags) AS f(flag)
  WHERE ${UNRESOLVED} AND f.flag IN (${SAFETY_FLAGS.map((f) => `'${f}'`).join(', ')})`;

/** Reads of cases: the role-scoped list and the detail (each audited as one VIEW row). */
@Injectable()
export class CasesQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, q: CaseListQuery): Promise<Page<CaseListItem>> {
    const p = new Params();
    const where = [caseScopeSql(actor, p)];
    if (q.status) where.push(`c.status = ${p.add(q.status)}`);
    if (q.open === 'true') where.push(`c.status <> 'CLOSED'`);
    if (q.open === 'false') where.push(`c.status = 'CLOSED'`);
    if (q.counselorId) where.push(`c.primary_counselor_id = ${p.add(q.counselorId)}`);
    if (q.q) where.push(searchSql(q.q, p));
    const condition = `WHERE ${where.join(' AND ')}`;
    const from = `FROM cases c JOIN referrals r ON r.id = c.referral_id JOIN youth y ON y.id = c.youth_id`;
    const order = caseOrderSql(q.sort);
    const countValues = [...p.values];
    const limit = p.add(q.pageSize);
    const offset = p.add((q.page - 1) * q.pageSize);
    // Clinical: both case roles read clinical data; any other role never reaches this query (403).
    const safety = `EXISTS (SELECT 1 FROM assessments a WHERE ${UNRESOLVED} AND 'SUICIDE_RISK' = ANY(a.flags))`;
    return this.dataSource.transaction(async (m) => {
      const rows = await m.query<CaseListRow[]>(
        `SELECT c.id, c.case_number, c.referral_id, r.reference_number, c.status, c.pathway, r.priority,
                coalesce(y.preferred_name, y.first_name) || ' ' || y.last_name AS youth_name,
                c.primary_counselor_id, u.display_name AS primary_counselor_name, c.opened_at, c.target_end_at,
                r.due_service_start_at, c.service_program_initiated_at, c.last_contact_at,
                ${safety} AS safety_flag
         ${from} LEFT JOIN users u ON u.id = c.primary_counselor_id
         ${condition} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
        p.values,
      );
      // Without a search the count needs only the cases: joining referrals and youth to count 1,001 open cases led
      // the planner to hash every youth (465k rows read).
      const [count] = await m.query<{ n: number }[]>(
        cappedCountSql(`${q.q ? from : 'FROM cases c'} ${condition}`),
        countValues,
      );
      // One VIEW row for the page (entity ids are on the detail reads).
      await this.audit.record(m, actor, { action: 'VIEW', entityType: 'case.list' });
      return {
        items: rows.map(toCaseListItem),
        ...pageTotal(count?.n),
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  }

  async detail(actor: Actor, id: string): Promise<CaseDetail> {
    return this.store.read(actor, id, null, (m, c) => this.detailOf(m, actor, c));
  }

  /** The detail of a case already loaded (and checked) in the caller's transaction. */
  async detailOf(m: EntityManager, actor: Actor, c: CaseEntity): Promise<CaseDetail> {
    const referral = await m.getRepository(ReferralEntity).findOneByOrFail({ id: c.referralId });
    const youth = await m.getRepository(YouthEntity).findOneByOrFail({ id: c.youthId });
    const guardians = await m
      .getRepository(GuardianEntity)
      .find({ where: { referralId: c.referralId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const school = referral.schoolId
      ? await m.getRepository(SchoolEntity).findOneBy({ id: referral.schoolId })
      : null;
    const [facts] = await m.query<{ last_contact_at: Date | null; flags: AssessmentFlag[] }[]>(
      `SELECT c.last_contact_at, ARRAY(${ACTIVE_FLAGS_SQL} ORDER BY 1) AS flags FROM cases c WHERE c.id = $1`,
      [c.id],
    );
    const names = await this.store.names(m, [
      c.primaryCounselorId,
      c.closureRequestedBy,
      c.closureApprovedBy,
    ]);
    return toCaseDetail(
      {
        c,
        referral,
        youth,
        guardians,
        schoolName: school?.name ?? null,
        lastContactAt: facts?.last_contact_at ?? null,
        safetyFlags: facts?.flags ?? [],
        names,
      },
      actor,
    );
  }
}

/**
 * `q` of the list: a case number (C-...) or reference number (R-...) prefix, else the youth's name (normalized,
 * typo-tolerant through the trigram index on youth.name_norm, as the referral search does).
 */
function searchSql(q: string, p: Params): string {
  const prefix = `${q.toUpperCase().replace(/[\\%_]/g, '')}%`;
  if (/^c-\d/i.test(q)) return `c.case_number LIKE ${p.add(prefix)}`;
  if (/^r-\d/i.test(q)) return `r.reference_number LIKE ${p.add(prefix)}`;
  const term = p.add(q);
  const name = nameMatchSql(term);
  // Names have no digits: the exact case number is tried only for a term with one, so a name search stays a
  // condition on youth alone, which the trigram index (or a walk of the list's own index) answers.
  return /\d/.test(q) ? `(${name} OR c.case_number = ${p.add(q.toUpperCase())})` : name;
}
