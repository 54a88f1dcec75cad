import type { Pathway } from '@pathways/contracts';
import { calendarDateIn, caseClocks, PROGRAM_TIME_ZONE } from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import { type Catalog, referralBody } from './referral-fixtures';
import { demo, type Session, type TestApp, type Loose } from './test-app';

/**
 * Builders for the case workspace tests (cases*.int-spec.ts). Cases are opened without the `enroll` endpoint, so
 * these tests do not depend on it.
 */

/** A case opened for a submitted referral, as the builder made it. */
export interface OpenedCase {
  id: string;
  caseNumber: string;
  referralId: string;
  referenceNumber: string;
  youthId: string;
  /** The PROGRAM_PARTICIPATION consent recorded at opening. */
  consentId: string;
  lastName: string;
}

export interface OpenCaseOptions {
  /** The referring officer (POST /api/referrals). */
  sro: Session;
  counselorId: string;
  pathway?: Pathway;
  /** Move the referral and the case to another provider organization (visibility tests). */
  providerOrgId?: string;
  /** The youth's last name (unique by default). */
  lastName?: string;
}

/**
 * Opens a case: a referral submitted through the API by an SRO, then — by direct SQL, as enrollment does — the
 * case (number from case_number_seq, clocks from the domain, status INTAKE, version 1), the referral ENROLLED and
 * assigned to the counselor, the enroll and open events and a PROGRAM_PARTICIPATION consent.
 */
export async function openCase(t: TestApp, catalog: Catalog, o: OpenCaseOptions): Promise<OpenedCase> {
  const lastName = o.lastName ?? `Casefixture-${randomUUID().slice(0, 8)}`;
  const pathway = o.pathway ?? 'LE_DIVERSION_626B';
  const res = await t.call('POST', '/api/referrals', {
    as: o.sro,
    body: referralBody(catalog, {
      pathway,
      youth: { firstName: 'Marisol', lastName, dateOfBirth: '2011-04-12', primaryLanguage: 'es' },
    }),
  });
  if (res.status !== 201) throw new Error(`referral not created: ${res.status} ${JSON.stringify(res.body)}`);
  const referral = res.body as { id: string; referenceNumber: string; youthId: string; receivedAt: string };
  // Enrollment comes after submission (a minute later), so the two referral events have an order.
  t.clock.advance(60_000);
  const now = t.clock.now();
  const clocks = caseClocks({
    receivedAt: new Date(referral.receivedAt),
    openedAt: now,
    intakeCompletedAt: null,
  });
  return t.db.transaction(async (m) => {
    if (o.providerOrgId)
      await m.query(`UPDATE referrals SET provider_org_id = $2 WHERE id = $1`, [
        referral.id,
        o.providerOrgId,
      ]);
    const [{ provider_org_id: providerOrgId }] = await m.query(
      `SELECT provider_org_id FROM referrals WHERE id = $1`,
      [referral.id],
    );
    const [{ n }] = await m.query(`SELECT nextval('case_number_seq')::int AS n`);
    const caseNumber = `C-${calendarDateIn(now, PROGRAM_TIME_ZONE).slice(0, 4)}-${String(n).padStart(6, '0')}`;
    const [{ id }] = await m.query(
      `INSERT INTO cases (case_number, referral_id, youth_id, provider_org_id, primary_counselor_id, pathway, status,
                          opened_at, target_end_at, max_end_at, organization_id, created_by, due_service_start_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'INTAKE', $7, $8, $9, $4, $5,
               (SELECT due_service_start_at FROM referrals WHERE id = $2)) RETURNING id`,
      [
        caseNumber,
        referral.id,
        referral.youthId,
        providerOrgId,
        o.counselorId,
        pathway,
        now,
        clocks.targetEndAt,
        clocks.maxEndAt,
      ],
    );
    await m.query(
      `UPDATE referrals SET status = 'ENROLLED', assigned_counselor_id = $2, assigned_at = $3, version = version + 1
       WHERE id = $1`,
      [referral.id, o.counselorId, now],
    );
    await m.query(
      `INSERT INTO referral_events (referral_id, at, actor_id, status_from, status_to, action, organization_id)
       VALUES ($1, $2, $3, 'SUBMITTED', 'ENROLLED', 'enroll', $4)`,
      [referral.id, now, o.counselorId, providerOrgId],
    );
    await m.query(
      `INSERT INTO case_events (case_id, at, actor_id, status_from, status_to, action, organization_id)
       VALUES ($1, $2, $3, NULL, 'INTAKE', 'open', $4)`,
      [id, now, o.counselorId, providerOrgId],
    );
    const [{ id: consentId }] = await m.query(
      `INSERT INTO consents (youth_id, case_id, referral_id, type, youth_assent, guardian_name, signature_method,
                             language, signed_at, organization_id, created_by)
       VALUES ($1, $2, $3, 'PROGRAM_PARTICIPATION', true, 'Rocío Quintero', 'WET_INK_SCANNED', 'es', $4, $5, $6)
       RETURNING id`,
      [referral.youthId, id, referral.id, now, providerOrgId, o.counselorId],
    );
    return {
      id,
      caseNumber,
      referralId: referral.id,
      referenceNumber: referral.referenceNumber,
      youthId: referral.youthId,
      consentId,
      lastName,
    };
  });
}

/** The demo people who work cases, signed in. */
export interface CaseTeam {
  sro: Session;
  counselor: Session;
  counselor2: Session;
  supervisor: Session;
}

export async function caseTeam(t: TestApp): Promise<CaseTeam> {
  const [sro, counselor, counselor2, supervisor] = await Promise.all(
    ['sro', 'counselor', 'counselor2', 'supervisor'].map((n) => t.login(demo(n))),
  );
  return { sro, counselor, counselor2, supervisor };
}

/** Another active counselor of an organization (the demo provider by default), for lists no other test touches. */
export async function addCounselor(t: TestApp, orgId?: string): Promise<string> {
  const [{ id }] = await t.db.query(
    `INSERT INTO users (organization_id, email, display_name, role, password_hash)
     SELECT coalesce($1, organization_id), $2, 'Extra Counselor', 'COUNSELOR', password_hash FROM users
     WHERE email = $3 RETURNING id`,
    [orgId ?? null, `counselor-${randomUUID().slice(0, 8)}@test.pathways.local`, demo('counselor')],
  );
  return id;
}

/** A second provider organization with a counselor of its own (whose cases the demo supervisor must not see). */
export async function otherProvider(t: TestApp): Promise<{ orgId: string; counselorId: string }> {
  const [{ id: orgId }] = await t.db.query(
    `INSERT INTO organizations (name, kind) VALUES ($1, 'SERVICE_PROVIDER') RETURNING id`,
    [`Other Provider ${randomUUID().slice(0, 8)}`],
  );
  return { orgId, counselorId: await addCounselor(t, orgId) };
}

/** The case row as stored (for "nothing written" and state checks). */
export async function caseRow(t: TestApp, id: string): Promise<Record<string, Loose>> {
  const [row] = await t.db.query(`SELECT * FROM cases WHERE id = $1`, [id]);
  return row;
}

/** A completed individual session an hour ago (overrides merge on top). */
export function contactBody(t: TestApp, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    occurredAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
    contactType: 'COUNSELING_INDIVIDUAL',
    modality: 'OFFICE',
    result: 'COMPLETED',
    durationMin: 50,
    participants: ['YOUTH'],
    ...over,
  };
}

/** A YASI prescreen an hour ago (overrides merge on top). */
export function assessmentBody(t: TestApp, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    instrument: 'YASI_PRESCREEN',
    timing: 'INTAKE',
    administeredAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
    overallLevel: 'MODERATE',
    totalScore: 12,
    domainScores: { family: 3, school: 4 },
    ...over,
  };
}

/** Requests closure (as `by`) and approves it (as `approver`); returns the closed case's detail. */
export async function closeCase(
  t: TestApp,
  caseId: string,
  by: Session,
  approver: Session,
  closureReason = 'COMPLETED_ALL_GOALS',
): Promise<Loose> {
  const current = await t.call('GET', `/api/cases/${caseId}`, { as: by });
  const requested = await t.call('POST', `/api/cases/${caseId}/request-closure`, {
    as: by,
    body: { version: current.body.version, closureReason, summary: 'Goals met; family agrees.' },
  });
  if (requested.status !== 200) throw new Error(`request-closure: ${requested.status}`);
  const approved = await t.call('POST', `/api/cases/${caseId}/approve-closure`, {
    as: approver,
    body: { version: requested.body.version },
  });
  if (approved.status !== 200)
    throw new Error(`approve-closure: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.body;
}
