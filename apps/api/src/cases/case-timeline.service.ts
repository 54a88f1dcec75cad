import { Injectable } from '@nestjs/common';
import type { TimelineEntry, TimelineKind } from '@pathways/contracts';
import { canReadClinical } from '@pathways/domain';
import type { Actor } from '../common/actor';
import { Params } from '../common/sql-params';
import { CaseStore } from './case-store.service';
import { noteVisibilitySql } from './cases.policy';

interface TimelineRow {
  at: Date;
  kind: TimelineKind;
  detail: string | null;
  entity_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
}

/**
 * Everything that happened to a case, oldest first, with who and when: its status history, the referral's events
 * and outreach, contacts, consents and revocations, assessments, plan, services, notes, follow-ups and notices.
 * One UNION ALL over per-case indexes. `detail` is always a code (a status, a type, a note kind), never text; notes
 * and assessments appear only when the caller may read them (psychotherapy notes: their author only).
 */
@Injectable()
export class CaseTimelineService {
  constructor(private readonly store: CaseStore) {}

  async timeline(actor: Actor, caseId: string): Promise<TimelineEntry[]> {
    return this.store.read(actor, caseId, 'timeline', async (m, c) => {
      const p = new Params();
      const id = p.add(c.id);
      const referral = p.add(c.referralId);
      const notes = noteVisibilitySql(actor, c, p, 'n');
      const clinical = canReadClinical(actor, c) ? 'true' : 'false';
      const rows = await m.query<TimelineRow[]>(
        `WITH t AS (
           SELECT e.at, CASE e.action WHEN 'request-closure' THEN 'CLOSURE_REQUESTED'
                                      WHEN 'reject-closure' THEN 'CLOSURE_REJECTED'
                                      WHEN 'approve-closure' THEN 'CLOSED'
                                      WHEN 'reopen' THEN 'REOPENED'
                                      ELSE 'CASE_STATUS' END AS kind,
                  coalesce(e.detail, e.status_to) AS detail, e.case_id AS entity_id, e.actor_id, 1 AS ord
           FROM case_events e WHERE e.case_id = ${id}
           UNION ALL
           SELECT re.at, 'REFERRAL_EVENT', CASE WHEN re.action = 'seal' THEN 'SEALED' ELSE re.status_to END,
                  re.referral_id, re.actor_id, 0
           FROM referral_events re WHERE re.referral_id = ${referral}
           UNION ALL
           SELECT ct.occurred_at, 'CONTACT', ct.contact_type, ct.id, ct.created_by, 2
           FROM contacts ct WHERE ct.case_id = ${id} OR ct.referral_id = ${referral}
           UNION ALL
           SELECT cs.signed_at, 'CONSENT', cs.type, cs.id, cs.created_by, 2
           FROM consents cs WHERE cs.case_id = ${id} OR cs.referral_id = ${referral}
           UNION ALL
           SELECT cs.revoked_at, 'CONSENT_REVOKED', cs.type, cs.id, cs.revoked_by, 2
           FROM consents cs WHERE (cs.case_id = ${id} OR cs.referral_id = ${referral}) AND cs.revoked_at IS NOT NULL
           UNION ALL
           SELECT a.administered_at, 'ASSESSMENT', a.instrument, a.id, a.created_by, 2
           FROM assessments a WHERE a.case_id = ${id} AND ${clinical}
           UNION ALL
           SELECT g.created_at, 'GOAL', g.domain, g.id, g.created_by, 2 FROM goals g WHERE g.case_id = ${id}
           UNION ALL
           SELECT i.created_at, 'ACCOUNTABILITY', i.type, i.id, i.created_by, 2
           FROM accountability_items i WHERE i.case_id = ${id}
           UNION ALL
           SELECT s.referred_at, 'SERVICE', s.service_type, s.id, s.created_by, 2
           FROM service_enrollments s WHERE s.case_id = ${id}
           UNION ALL
           SELECT n.created_at, 'NOTE', n.kind, n.id, n.author_id, 2
           FROM notes n WHERE n.case_id = ${id} AND ${notes}
           UNION ALL
           SELECT f.completed_at, 'FOLLOW_UP', f."window", f.id, NULL::uuid, 3
           FROM follow_ups f WHERE f.case_id = ${id} AND f.completed_at IS NOT NULL
           UNION ALL
           SELECT nt.sent_at, 'NOTICE', nt.type, nt.id, nt.created_by, 3
           FROM notices nt WHERE nt.referral_id = ${referral}
         )
         SELECT t.at, t.kind, t.detail, t.entity_id, t.actor_id, u.display_name AS actor_name
         FROM t LEFT JOIN users u ON u.id = t.actor_id
         ORDER BY t.at, t.ord, t.kind, t.entity_id`,
        p.values,
      );
      return rows.map((r) => ({
        at: r.at.toISOString(),
        kind: r.kind,
        detail: r.detail,
        entityId: r.entity_id,
        actorId: r.actor_id,
        actorName: r.actor_name,
      }));
    });
  }
}
