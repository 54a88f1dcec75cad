import { DEFAULT_CLOCKS } from '@pathways/domain';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';

/** New law-enforcement contacts more serious than a counsel-and-release: a new referral never downgrades them. */
const MORE_SERIOUS = ['CITATION', 'ARREST', 'PROBATION_REFERRAL', 'PETITION_FILED'];

/**
 * DOMAIN.md "FollowUp": a new referral of the same youth after a closure fills in the pending follow-ups whose
 * window is open (closed_at <= now <= due + tolerance): a new law-enforcement contact (COUNSEL_RELEASE, the least a
 * referral means, unless something more serious is already recorded), linked to the new referral. A follow-up
 * already linked to an earlier referral keeps that link. Runs in the submitting transaction; one UPDATE audit row
 * per follow-up.
 */
export async function fillFollowUpsFromReferral(
  m: EntityManager,
  audit: AuditService,
  actor: Actor,
  referral: { id: string; youthId: string | null },
  now: Date,
): Promise<number> {
  if (!referral.youthId) return 0;
  // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
  const [updated]: [{ id: string }[], number] = await m.query(
    `UPDATE follow_ups f
        SET new_le_contact = CASE WHEN f.new_le_contact = ANY($4::text[]) THEN f.new_le_contact
                                  ELSE 'COUNSEL_RELEASE' END,
            linked_referral_id = $2,
            version = f.version + 1,
            updated_at = $3
       FROM cases c
      WHERE c.id = f.case_id
        AND f.youth_id = $1 AND f.status = 'PENDING' AND f.linked_referral_id IS NULL
        AND c.status = 'CLOSED' AND c.closed_at <= $3 AND c.referral_id <> $2
        AND $3 <= f.due_at + make_interval(days => $5)
      RETURNING f.id`,
    [referral.youthId, referral.id, now, MORE_SERIOUS, DEFAULT_CLOCKS.followUpToleranceDays],
  );
  for (const row of updated)
    await audit.record(m, actor, {
      action: 'UPDATE',
      entityType: 'follow_up',
      entityId: row.id,
      youthId: referral.youthId,
      changedFields: ['newLeContact', 'linkedReferralId'],
    });
  return updated.length;
}
