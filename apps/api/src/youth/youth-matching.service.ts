import { Injectable } from '@nestjs/common';
import type { YouthMatchCandidate, YouthMatchMinimal, YouthMatchQuery } from '@pathways/contracts';
import {
  birthDateCandidates,
  birthDateRelation,
  MATCH_LIMIT,
  OPEN_REFERRAL_STATUSES,
  youthMatchScore,
} from '@pathways/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { isPoliceViewer } from '../referrals/referrals.policy';
import { Params } from '../common/sql-params';
import { youthScopeSql } from './youth-scope';

/** Trigram similarity a name needs to be suggested on its own (typos and transpositions stay above it). */
const NAME_SIMILARITY_THRESHOLD = 0.45;
/** Names that agree with this little are not suggested, even with the same birth date. */
const MIN_SIMILARITY_WITH_BIRTH_DATE = 0.2;
/** Candidates read per branch before scoring (the trigram index finds them; scoring picks the best 10). */
const CANDIDATES_PER_BRANCH = 100;

interface MatchRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  primary_language: string;
  date_of_birth: string;
  school_name: string | null;
  similarity: number;
  open_referral: boolean;
}

/**
 * Duplicate search in the youth registry. Two indexed branches: names similar by trigrams (pg_trgm's `%` at a 0.45
 * threshold over the distinct normalized names, youth_names, then their youth by a btree), and youth born on an agreeing date (btree) whose name is
 * at least loosely similar. Scored in libs/domain (youthMatchScore). One VIEW audit row per search, without the
 * searched name.
 */
@Injectable()
export class YouthMatchingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async matches(actor: Actor, q: YouthMatchQuery): Promise<(YouthMatchMinimal | YouthMatchCandidate)[]> {
    return this.dataSource.transaction(async (m) => {
      // Suggestions need a closer name than pg_trgm's default 0.3; this keeps common names to fewer candidates.
      await m.query(`SET LOCAL pg_trgm.similarity_threshold = ${NAME_SIMILARITY_THRESHOLD}`);
      const p = new Params();
      const name = p.add(`${q.firstName} ${q.lastName}`);
      const scopeA = youthScopeSql(actor, p);
      const scopeB = youthScopeSql(actor, p);
      const dates = p.add(q.dateOfBirth ? birthDateCandidates(q.dateOfBirth) : []);
      const police = isPoliceViewer(actor.role);
      const openStatuses = p.add(OPEN_REFERRAL_STATUSES);
      const openScope = police
        ? `AND r.referring_org_id = ${p.add(actor.organizationId)} AND r.sealed_at IS NULL`
        : '';
      const rows: MatchRow[] = await m.query(
        `WITH q AS (SELECT f_name_norm(${name}) AS norm),
         -- The close names among the distinct ones (trigram index on youth_names), then their youth (btree).
         names AS (
           SELECT n.name_norm, similarity(n.name_norm, q.norm) AS sim FROM youth_names n, q WHERE n.name_norm % q.norm
         ),
         candidates AS (
           (SELECT y.id FROM names n JOIN youth y ON y.name_norm = n.name_norm WHERE ${scopeA}
             ORDER BY n.sim DESC LIMIT ${CANDIDATES_PER_BRANCH})
           UNION
           (SELECT y.id FROM youth y, q WHERE y.date_of_birth = ANY(${dates}::date[])
              AND similarity(y.name_norm, q.norm) >= ${MIN_SIMILARITY_WITH_BIRTH_DATE} AND ${scopeB}
             LIMIT ${CANDIDATES_PER_BRANCH})
         )
         SELECT y.id, y.first_name, y.last_name, y.preferred_name, y.primary_language,
                to_char(y.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, s.name AS school_name,
                similarity(y.name_norm, q.norm)::float8 AS similarity,
                EXISTS (SELECT 1 FROM referrals r WHERE r.youth_id = y.id AND r.status = ANY(${openStatuses}) ${openScope})
                  AS open_referral
         FROM candidates c JOIN youth y ON y.id = c.id CROSS JOIN q LEFT JOIN schools s ON s.id = y.school_id`,
        p.values,
      );
      await this.audit.record(m, actor, { action: 'VIEW', entityType: 'youth_search', changedFields: [] });
      return rows
        .map((row) => {
          const relation = q.dateOfBirth ? birthDateRelation(q.dateOfBirth, row.date_of_birth) : undefined;
          const minimal: YouthMatchMinimal = {
            id: row.id,
            displayName: `${row.first_name} ${row.last_name}`,
            dateOfBirth: row.date_of_birth,
            schoolName: row.school_name,
            openReferral: row.open_referral,
            score: youthMatchScore(row.similarity, relation),
          };
          if (police) return minimal;
          const candidate: YouthMatchCandidate = {
            ...minimal,
            firstName: row.first_name,
            lastName: row.last_name,
            preferredName: row.preferred_name,
            primaryLanguage: row.primary_language,
          };
          return candidate;
        })
        .sort((a, b) => b.score - a.score || a.displayName.localeCompare(b.displayName))
        .slice(0, MATCH_LIMIT);
    });
  }
}
