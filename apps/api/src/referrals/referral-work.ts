import type {
  ContactModality,
  ContactResult,
  ContactType,
  GoalStatus,
  InfoScope,
  OutcomeClass,
  OutreachCounts,
} from '@pathways/contracts';
import { attemptRuleMet, type ConsentFacts } from '@pathways/domain';
import type { EntityManager } from 'typeorm';
import type { ReferralEntity } from './referral.entity';

/** The case a referral opened, as far as the referral's views need it. */
export interface ReferralCaseFacts {
  id: string;
  caseNumber: string;
  status: string;
  openedAt: Date;
  closedAt: Date | null;
  outcomeClass: OutcomeClass | null;
}

/** What the provider's detail and the program status are built from, beyond the referral itself. */
export interface ReferralWork {
  counselorName: string | null;
  caseFacts: ReferralCaseFacts | null;
  outreach: OutreachCounts;
  /** Releases of information given for this referral or its case (the police view reads them per request). */
  releases: ConsentFacts[];
  sessions: { sessionsAttended: number; sessionsScheduled: number };
  goals: { total: number; byStatus: Partial<Record<GoalStatus, number>> };
}

/**
 * Contacts that count as program sessions for attendance shared with the police under an ATTENDANCE_PARTICIPATION
 * release: appointments with the youth or family. Outreach, collateral and crisis contacts are not sessions (a
 * crisis count would itself say something clinical).
 */
export const SESSION_CONTACT_TYPES: readonly ContactType[] = [
  'INTAKE',
  'ASSESSMENT',
  'COUNSELING_INDIVIDUAL',
  'COUNSELING_FAMILY',
  'GROUP_SESSION',
  'CASE_MANAGEMENT',
  'HOME_VISIT',
  'SCHOOL_VISIT',
  'CHECK_IN',
];
/** A scheduled session the youth attended, missed or the family cancelled (staff cancellations do not count). */
export const SCHEDULED_RESULTS: readonly ContactResult[] = ['COMPLETED', 'NO_SHOW', 'CANCELLED_FAMILY'];

interface OutreachRow {
  occurred_at: Date;
  contact_type: ContactType;
  modality: ContactModality;
  result: ContactResult;
}

/** The counts of a referral's outreach against the attempt rule (>= 3 attempts, >= 2 modalities, 10 business days). */
export function outreachCountsOf(contacts: readonly OutreachRow[]): OutreachCounts {
  const attempts = contacts.filter((c) => c.contact_type === 'OUTREACH_ATTEMPT');
  const times = contacts.map((c) => c.occurred_at.getTime());
  const attemptTimes = attempts.map((c) => c.occurred_at.getTime());
  return {
    attempts: attempts.length,
    modalities: [...new Set(attempts.map((c) => c.modality))].sort(),
    attemptRuleMet: attemptRuleMet(
      attempts.map((c) => ({ occurredAt: c.occurred_at, modality: c.modality })),
    ),
    contacts: contacts.length,
    completedContacts: contacts.filter((c) => c.result === 'COMPLETED').length,
    firstAttemptAt: attemptTimes.length ? new Date(Math.min(...attemptTimes)).toISOString() : null,
    lastContactAt: times.length ? new Date(Math.max(...times)).toISOString() : null,
  };
}

export async function loadOutreachRows(m: EntityManager, referralId: string): Promise<OutreachRow[]> {
  return m.query(
    `SELECT occurred_at, contact_type, modality, result FROM contacts WHERE referral_id = $1 ORDER BY occurred_at`,
    [referralId],
  );
}

/** Loads the working facts of a referral (one connection in a transaction: one query at a time). */
export async function loadReferralWork(m: EntityManager, r: ReferralEntity): Promise<ReferralWork> {
  const counselor: { display_name: string }[] = r.assignedCounselorId
    ? await m.query(`SELECT display_name FROM users WHERE id = $1`, [r.assignedCounselorId])
    : [];
  const cases: {
    id: string;
    case_number: string;
    status: string;
    opened_at: Date;
    closed_at: Date | null;
    outcome_class: OutcomeClass | null;
  }[] = await m.query(
    `SELECT id, case_number, status, opened_at, closed_at, outcome_class FROM cases WHERE referral_id = $1`,
    [r.id],
  );
  const c = cases[0];
  const outreach = outreachCountsOf(await loadOutreachRows(m, r.id));
  const releases: {
    type: 'RELEASE_OF_INFORMATION';
    youth_assent: boolean;
    signed_at: Date;
    expires_at: string | null;
    revoked_at: Date | null;
    counterpart_org_id: string | null;
    info_scope: InfoScope[];
  }[] = await m.query(
    `SELECT type, youth_assent, signed_at, to_char(expires_at, 'YYYY-MM-DD') AS expires_at, revoked_at,
            counterpart_org_id, info_scope
       FROM consents
      WHERE type = 'RELEASE_OF_INFORMATION' AND (referral_id = $1 OR case_id = $2)`,
    [r.id, c?.id ?? null],
  );
  let sessions = { sessionsAttended: 0, sessionsScheduled: 0 };
  let goals: ReferralWork['goals'] = { total: 0, byStatus: {} };
  if (c) {
    const [s]: { attended: number; scheduled: number }[] = await m.query(
      `SELECT count(*) FILTER (WHERE result = 'COMPLETED')::int AS attended,
              count(*) FILTER (WHERE result = ANY($3::text[]))::int AS scheduled
         FROM contacts WHERE case_id = $1 AND contact_type = ANY($2::text[])`,
      [c.id, SESSION_CONTACT_TYPES, SCHEDULED_RESULTS],
    );
    sessions = { sessionsAttended: s?.attended ?? 0, sessionsScheduled: s?.scheduled ?? 0 };
    const g: { status: GoalStatus; n: number }[] = await m.query(
      `SELECT status, count(*)::int AS n FROM goals WHERE case_id = $1 GROUP BY status ORDER BY status`,
      [c.id],
    );
    goals = {
      total: g.reduce((sum, row) => sum + row.n, 0),
      byStatus: Object.fromEntries(g.map((row) => [row.status, row.n])),
    };
  }
  return {
    counselorName: counselor[0]?.display_name ?? null,
    caseFacts: c
      ? {
          id: c.id,
          caseNumber: c.case_number,
          status: c.status,
          openedAt: c.opened_at,
          closedAt: c.closed_at,
          outcomeClass: c.outcome_class,
        }
      : null,
    outreach,
    releases: releases.map((row) => ({
      type: row.type,
      youthAssent: row.youth_assent,
      signedAt: row.signed_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      counterpartOrgId: row.counterpart_org_id,
      infoScope: row.info_scope,
    })),
    sessions,
    goals,
  };
}
