import { Injectable } from '@nestjs/common';
import type { CaseloadRow } from '@pathways/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';

/**
 * GET /api/caseloads: the supervisor's active counselors with their open work (assigned referrals not yet enrolled,
 * cases not closed), for assigning. Counts only, no youth: not a youth-record read.
 */
@Injectable()
export class CaseloadsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor): Promise<CaseloadRow[]> {
    const rows: { id: string; display_name: string; open_referrals: number; open_cases: number }[] =
      await this.dataSource.query(
        `SELECT u.id, u.display_name,
                (SELECT count(*) FROM referrals r
                  WHERE r.assigned_counselor_id = u.id AND r.provider_org_id = u.organization_id
                    AND r.status IN ('OUTREACH', 'CONSENT_PENDING'))::int AS open_referrals,
                (SELECT count(*) FROM cases c
                  WHERE c.primary_counselor_id = u.id AND c.provider_org_id = u.organization_id
                    AND c.status <> 'CLOSED')::int AS open_cases
           FROM users u
          WHERE u.organization_id = $1 AND u.role = 'COUNSELOR' AND u.active
          ORDER BY u.display_name, u.id`,
        [actor.organizationId],
      );
    return rows.map((r) => ({
      counselorId: r.id,
      displayName: r.display_name,
      openReferrals: r.open_referrals,
      openCases: r.open_cases,
    }));
  }
}
