import { Injectable } from '@nestjs/common';
import type {
  ErrorDetail,
  Page,
  SchoolContactListQuery,
  SchoolContactRequest,
  SchoolContactView,
} from '@pathways/contracts';
import { PROGRAM_TIME_ZONE } from '@pathways/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { cappedCountSql, pageTotal } from '../common/list-count';
import { Params } from '../common/sql-params';
import { SchoolContactEntity } from './school-contact.entity';

interface ContactRow {
  id: string;
  occurred_at: Date;
  school_id: string;
  school_name: string;
  reason_codes: string[];
  disposition: SchoolContactView['disposition'];
  age_band: SchoolContactView['ageBand'];
  gender_identity: SchoolContactView['genderIdentity'];
  race_ethnicity: SchoolContactView['raceEthnicity'];
  created_by: string;
  created_at: Date;
}

/** School contacts that did not become referrals: an SRO sees their own, a PD supervisor the agency's. */
@Injectable()
export class SchoolContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, body: SchoolContactRequest): Promise<SchoolContactView> {
    return this.dataSource.transaction(async (m) => {
      const problems: ErrorDetail[] = [];
      const known: { code: string }[] = await m.query(
        'SELECT code FROM reason_codes WHERE active AND code = ANY($1)',
        [body.reasonCodes],
      );
      const codes = new Set(known.map((r) => r.code));
      body.reasonCodes.forEach((c, i) => {
        if (!codes.has(c)) problems.push({ path: `reasonCodes.${i}`, message: 'Unknown reason code' });
      });
      const school: unknown[] = await m.query('SELECT 1 FROM schools WHERE id = $1 AND active', [
        body.schoolId,
      ]);
      if (!school.length) problems.push({ path: 'schoolId', message: 'Unknown school' });
      if (problems.length) throw validationFailed(problems);
      const contact = await m.save(
        m.create(SchoolContactEntity, {
          occurredAt: new Date(body.occurredAt),
          schoolId: body.schoolId,
          reasonCodes: body.reasonCodes,
          disposition: body.disposition,
          ageBand: body.ageBand,
          genderIdentity: body.genderIdentity ?? null,
          raceEthnicity: body.raceEthnicity ?? [],
          organizationId: actor.organizationId,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'CREATE',
        entityType: 'school_contact',
        entityId: contact.id,
      });
      const [row] = await this.rows(m.query.bind(m), 'c.id = $1', [contact.id], 'LIMIT 1');
      if (!row) throw new Error('school contact vanished');
      return toView(row);
    });
  }

  async list(actor: Actor, q: SchoolContactListQuery): Promise<Page<SchoolContactView>> {
    const p = new Params();
    const where = [
      actor.role === 'PD_SUPERVISOR'
        ? `c.organization_id = ${p.add(actor.organizationId)}`
        : `c.created_by = ${p.add(actor.userId)}`,
    ];
    if (q.schoolId) where.push(`c.school_id = ${p.add(q.schoolId)}`);
    if (q.disposition) where.push(`c.disposition = ${p.add(q.disposition)}`);
    if (q.from || q.to) {
      const tz = p.add(PROGRAM_TIME_ZONE);
      if (q.from) where.push(`c.occurred_at >= (${p.add(q.from)}::date)::timestamp AT TIME ZONE ${tz}`);
      if (q.to) where.push(`c.occurred_at < (${p.add(q.to)}::date + 1)::timestamp AT TIME ZONE ${tz}`);
    }
    const condition = where.join(' AND ');
    const countParams = [...p.values];
    const page = `ORDER BY c.occurred_at DESC, c.id LIMIT ${p.add(q.pageSize)} OFFSET ${p.add((q.page - 1) * q.pageSize)}`;
    const query = this.dataSource.query.bind(this.dataSource);
    const [rows, count] = await Promise.all([
      this.rows(query, condition, p.values, page),
      this.dataSource.query<{ n: number }[]>(
        cappedCountSql(`FROM school_contacts c WHERE ${condition}`),
        countParams,
      ),
    ]);
    return { items: rows.map(toView), ...pageTotal(count[0]?.n), page: q.page, pageSize: q.pageSize };
  }

  private rows(
    query: (sql: string, params: unknown[]) => Promise<ContactRow[]>,
    condition: string,
    params: unknown[],
    tail: string,
  ): Promise<ContactRow[]> {
    return query(
      `SELECT c.id, c.occurred_at, c.school_id, s.name AS school_name, c.reason_codes, c.disposition, c.age_band,
              c.gender_identity, c.race_ethnicity, c.created_by, c.created_at
       FROM school_contacts c JOIN schools s ON s.id = c.school_id WHERE ${condition} ${tail}`,
      params,
    );
  }
}

function toView(r: ContactRow): SchoolContactView {
  return {
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    schoolId: r.school_id,
    schoolName: r.school_name,
    reasonCodes: r.reason_codes,
    disposition: r.disposition,
    ageBand: r.age_band,
    genderIdentity: r.gender_identity,
    raceEthnicity: r.race_ethnicity,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}
