import type { RetentionValues, SecurityValues } from '@pathways/contracts';
import { retentionCutoffs, type RetentionCutoffs } from '@pathways/domain';
import type { EntityManager } from 'typeorm';

/** Referral states that end a referral without a case (DOMAIN.md "Referral states"). */
const ENDED_WITHOUT_CASE = ['INELIGIBLE', 'DUPLICATE', 'UNABLE_TO_CONTACT', 'DECLINED', 'WITHDRAWN'];

export interface RetentionCandidates {
  cutoffs: RetentionCutoffs;
  /** Closed cases past retention, with their referral and youth. */
  cases: { caseId: string; referralId: string; youthId: string }[];
  /** Referrals that ended without a case, past retention. */
  endedReferrals: { referralId: string; youthId: string }[];
  /** Youth whose every referral is de-identified once these are: their identity goes too. */
  youth: string[];
  sessions: string[];
  idempotencyKeys: string[];
}

/**
 * What the retention job would act on for one organization, now. The dry run reports these; the run acts on
 * exactly these (in the same transaction, under the job's lock), so the two cannot disagree.
 */
export async function findCandidates(
  m: EntityManager,
  organizationId: string,
  isProvider: boolean,
  schedule: RetentionValues,
  security: SecurityValues,
  now: Date,
): Promise<RetentionCandidates> {
  const cutoffs = retentionCutoffs(now, schedule);
  const cases: RetentionCandidates['cases'] = isProvider
    ? await m.query(
        `SELECT c.id AS "caseId", c.referral_id AS "referralId", c.youth_id AS "youthId"
         FROM cases c JOIN youth y ON y.id = c.youth_id
         WHERE c.provider_org_id = $1 AND c.status = 'CLOSED' AND c.closed_at < $2 AND y.date_of_birth <= $3
           AND NOT EXISTS (SELECT 1 FROM deidentified_records d WHERE d.entity_type = 'case' AND d.entity_id = c.id)
         ORDER BY c.id`,
        [organizationId, cutoffs.closedCasesBefore, cutoffs.bornOnOrBefore],
      )
    : [];
  const endedReferrals: RetentionCandidates['endedReferrals'] = isProvider
    ? await m.query(
        `SELECT r.id AS "referralId", r.youth_id AS "youthId"
         FROM referrals r JOIN youth y ON y.id = r.youth_id
         WHERE r.provider_org_id = $1 AND r.status = ANY($2::text[]) AND y.date_of_birth <= $4
           AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.referral_id = r.id)
           AND coalesce((SELECT max(e.at) FROM referral_events e WHERE e.referral_id = r.id), r.updated_at) < $3
           AND NOT EXISTS (SELECT 1 FROM deidentified_records d WHERE d.entity_type = 'referral' AND d.entity_id = r.id)
         ORDER BY r.id`,
        [organizationId, ENDED_WITHOUT_CASE, cutoffs.endedReferralsBefore, cutoffs.bornOnOrBefore],
      )
    : [];
  const referralIds = [...cases.map((c) => c.referralId), ...endedReferrals.map((r) => r.referralId)];
  const youthIds = [...new Set([...cases.map((c) => c.youthId), ...endedReferrals.map((r) => r.youthId)])];
  const youth: { id: string }[] = youthIds.length
    ? await m.query(
        `SELECT y.id FROM youth y
         WHERE y.id = ANY($1::uuid[]) AND y.organization_id = $2
           AND NOT EXISTS (SELECT 1 FROM deidentified_records d WHERE d.entity_type = 'youth' AND d.entity_id = y.id)
           AND NOT EXISTS (
             SELECT 1 FROM referrals r
             WHERE r.youth_id = y.id AND r.id <> ALL($3::uuid[])
               AND NOT EXISTS (SELECT 1 FROM deidentified_records d
                               WHERE d.entity_type = 'referral' AND d.entity_id = r.id))
         ORDER BY y.id`,
        [youthIds, organizationId, referralIds],
      )
    : [];
  // A session has ended at the first of: revocation, its absolute expiry, its idle expiry.
  const sessions: { id: string }[] = await m.query(
    `SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE u.organization_id = $1
       AND least(coalesce(s.revoked_at, 'infinity'), s.expires_at, s.last_seen_at + make_interval(mins => $3)) < $2
     ORDER BY s.id`,
    [organizationId, cutoffs.sessionsEndedBefore, security.sessionIdleMinutes],
  );
  const keys: { id: string }[] = await m.query(
    `SELECT k.id FROM idempotency_keys k JOIN users u ON u.id = k.user_id
     WHERE u.organization_id = $1 AND k.expires_at < $2
     ORDER BY k.id`,
    [organizationId, cutoffs.idempotencyExpiredBefore],
  );
  return {
    cutoffs,
    cases,
    endedReferrals,
    youth: youth.map((y) => y.id),
    sessions: sessions.map((s) => s.id),
    idempotencyKeys: keys.map((k) => k.id),
  };
}
