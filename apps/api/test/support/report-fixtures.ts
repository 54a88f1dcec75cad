import { randomUUID } from 'node:crypto';
import { demo, type Loose, type TestApp } from './test-app';

/**
 * Builders for the outcome-report tests: rows inserted directly with SQL, so each test states every date,
 * demographic and outcome its expected numbers depend on. Organizations and people are created fresh (the demo
 * organizations hold the demo data set, which would blur exact counts).
 */

const DAY = 86_400_000;
let serial = 0;
const next = () => {
  serial += 1;
  return `${serial}-${randomUUID().slice(0, 8)}`;
};

/** INSERT of one row from an object of column values; returns its id. */
export async function insertRow(t: TestApp, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const [inserted] = await t.db.query(
    `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     RETURNING id`,
    columns.map((c) => row[c]),
  );
  return inserted.id;
}

export async function organization(t: TestApp, kind: string, name = `Org ${next()}`): Promise<string> {
  return insertRow(t, 'organizations', { name, kind });
}

export interface Person {
  id: string;
  email: string;
}

/** A user signing in with the demo password. */
export async function person(t: TestApp, orgId: string, role: string, displayName: string): Promise<Person> {
  const email = `${role.toLowerCase()}-${next()}@test.pathways.local`;
  const [{ id }] = await t.db.query(
    `INSERT INTO users (organization_id, email, display_name, role, password_hash)
     SELECT $1, $2, $3, $4, password_hash FROM users WHERE email = $5 RETURNING id`,
    [orgId, email, displayName, role, demo('sro')],
  );
  return { id, email };
}

export interface YouthInput {
  orgId: string;
  dateOfBirth: string;
  race?: string[];
  gender?: string | null;
  language?: string;
  firstName?: string;
  lastName?: string;
}

export async function youth(t: TestApp, y: YouthInput): Promise<string> {
  const n = next();
  return insertRow(t, 'youth', {
    organization_id: y.orgId,
    first_name: y.firstName ?? `Quetzalli${n.replace(/\W/g, '')}`,
    last_name: y.lastName ?? `Reportfixture${n.replace(/\W/g, '')}`,
    date_of_birth: y.dateOfBirth,
    gender_identity: y.gender ?? null,
    race_ethnicity: y.race ?? [],
    primary_language: y.language ?? 'en',
  });
}

export interface ReferralInput {
  youthId: string | null;
  referringOrgId: string;
  referringUserId: string;
  providerOrgId: string;
  schoolId: string | null;
  pathway?: string;
  reasonCodes?: string[];
  priority?: string;
  status: string;
  /** ISO instant; absent for a draft. */
  receivedAt?: string;
}

export async function referral(t: TestApp, r: ReferralInput): Promise<string> {
  const received = r.receivedAt ? new Date(r.receivedAt) : null;
  return insertRow(t, 'referrals', {
    reference_number: received ? `R-T${next()}` : null,
    youth_id: r.youthId,
    referring_org_id: r.referringOrgId,
    referring_user_id: r.referringUserId,
    provider_org_id: r.providerOrgId,
    school_id: r.schoolId,
    pathway: r.pathway ?? 'LE_DIVERSION_626B',
    reason_codes: r.reasonCodes ?? [],
    priority: r.priority ?? 'ROUTINE',
    narrative: 'Report fixture narrative: never in a report.',
    status: r.status,
    received_at: received,
    due_service_start_at: received ? new Date(received.getTime() + 20 * DAY) : null,
    organization_id: r.referringOrgId,
    created_by: r.referringUserId,
  });
}

export async function referralEvent(
  t: TestApp,
  referralId: string,
  orgId: string,
  action: string,
  statusTo: string,
  at: string,
): Promise<void> {
  await insertRow(t, 'referral_events', {
    referral_id: referralId,
    organization_id: orgId,
    action,
    status_to: statusTo,
    at: new Date(at),
  });
}

export interface CaseInput {
  referralId: string;
  youthId: string;
  providerOrgId: string;
  counselorId: string;
  pathway?: string;
  status?: string;
  openedAt: string;
  intakeCompletedAt?: string;
  serviceProgramInitiatedAt?: string;
  closedAt?: string;
  outcomeClass?: string;
  closureReason?: string;
  completionNoticeSentAt?: string;
}

export async function kase(t: TestApp, c: CaseInput): Promise<string> {
  const opened = new Date(c.openedAt);
  return insertRow(t, 'cases', {
    case_number: `C-T${next()}`,
    referral_id: c.referralId,
    youth_id: c.youthId,
    provider_org_id: c.providerOrgId,
    primary_counselor_id: c.counselorId,
    pathway: c.pathway ?? 'LE_DIVERSION_626B',
    status: c.status ?? (c.closedAt ? 'CLOSED' : 'ACTIVE'),
    opened_at: opened,
    intake_completed_at: c.intakeCompletedAt ? new Date(c.intakeCompletedAt) : null,
    service_program_initiated_at: c.serviceProgramInitiatedAt ? new Date(c.serviceProgramInitiatedAt) : null,
    target_end_at: new Date(opened.getTime() + 90 * DAY),
    max_end_at: new Date(opened.getTime() + 400 * DAY),
    closed_at: c.closedAt ? new Date(c.closedAt) : null,
    outcome_class: c.outcomeClass ?? null,
    closure_reason: c.closureReason ?? null,
    completion_notice_sent_at: c.completionNoticeSentAt ? new Date(c.completionNoticeSentAt) : null,
    organization_id: c.providerOrgId,
    created_by: c.counselorId,
  });
}

export interface ContactInput {
  orgId: string;
  by: string;
  referralId?: string;
  caseId?: string;
  occurredAt: string;
  result?: string;
  durationMin?: number;
  serviceEnrollmentId?: string;
}

export async function contact(t: TestApp, k: ContactInput): Promise<string> {
  return insertRow(t, 'contacts', {
    referral_id: k.referralId ?? null,
    case_id: k.caseId ?? null,
    occurred_at: new Date(k.occurredAt),
    duration_min: k.durationMin ?? null,
    contact_type: k.referralId ? 'OUTREACH_ATTEMPT' : 'COUNSELING_INDIVIDUAL',
    modality: 'PHONE',
    result: k.result ?? 'COMPLETED',
    service_enrollment_id: k.serviceEnrollmentId ?? null,
    organization_id: k.orgId,
    created_by: k.by,
  });
}

export async function participationConsent(
  t: TestApp,
  c: { youthId: string; referralId: string; caseId?: string; orgId: string; by: string; signedAt: string },
): Promise<void> {
  await insertRow(t, 'consents', {
    youth_id: c.youthId,
    referral_id: c.referralId,
    case_id: c.caseId ?? null,
    type: 'PROGRAM_PARTICIPATION',
    youth_assent: true,
    signature_method: 'E_SIGNATURE',
    language: 'en',
    signed_at: new Date(c.signedAt),
    organization_id: c.orgId,
    created_by: c.by,
  });
}

export async function assessment(
  t: TestApp,
  caseId: string,
  orgId: string,
  by: string,
  at: string,
): Promise<void> {
  await insertRow(t, 'assessments', {
    case_id: caseId,
    organization_id: orgId,
    created_by: by,
    instrument: 'YASI_PRESCREEN',
    timing: 'INTAKE',
    administered_at: new Date(at),
    overall_level: 'LOW',
  });
}

export async function goal(
  t: TestApp,
  caseId: string,
  orgId: string,
  by: string,
  createdAt: string,
): Promise<void> {
  await insertRow(t, 'goals', {
    case_id: caseId,
    organization_id: orgId,
    created_by: by,
    created_at: new Date(createdAt),
    domain: 'ACADEMICS',
    description: 'Report fixture goal',
  });
}

export async function serviceEnrollment(
  t: TestApp,
  caseId: string,
  orgId: string,
  by: string,
  serviceType: string,
): Promise<string> {
  return insertRow(t, 'service_enrollments', {
    case_id: caseId,
    organization_id: orgId,
    created_by: by,
    service_type: serviceType,
    status: 'ACTIVE',
    referred_at: new Date('2025-01-01T00:00:00Z'),
  });
}

export async function followUp(
  t: TestApp,
  f: {
    caseId: string;
    youthId: string;
    orgId: string;
    by: string;
    window: 'M6' | 'M12';
    status: string;
    newLeContact: string | null;
  },
): Promise<void> {
  await insertRow(t, 'follow_ups', {
    case_id: f.caseId,
    youth_id: f.youthId,
    organization_id: f.orgId,
    created_by: f.by,
    window: f.window,
    due_at: new Date('2026-06-01T00:00:00Z'),
    status: f.status,
    new_le_contact: f.newLeContact,
  });
}

export async function noProgramNotice(
  t: TestApp,
  n: { referralId: string; toOrgId: string; orgId: string; sentAt: string },
): Promise<void> {
  await insertRow(t, 'notices', {
    type: 'NO_PROGRAM_20_DAY',
    referral_id: n.referralId,
    to_org_id: n.toOrgId,
    sent_at: new Date(n.sentAt),
    retain_until: new Date(new Date(n.sentAt).getTime() + 400 * DAY),
    organization_id: n.orgId,
  });
}

export interface SchoolContactInput {
  orgId: string;
  by: string;
  schoolId: string;
  occurredAt: string;
  disposition: string;
  ageBand: string;
  gender?: string | null;
  race?: string[];
}

export async function schoolContact(t: TestApp, c: SchoolContactInput): Promise<void> {
  await insertRow(t, 'school_contacts', {
    organization_id: c.orgId,
    created_by: c.by,
    school_id: c.schoolId,
    occurred_at: new Date(c.occurredAt),
    disposition: c.disposition,
    age_band: c.ageBand,
    gender_identity: c.gender ?? null,
    race_ethnicity: c.race ?? [],
  });
}

/** Catalog rows the report tests group by: two schools of different levels, reason codes of three kinds, two service types. */
export interface ReportCatalog {
  high: { id: string; name: string };
  middle: { id: string; name: string };
  offense: string;
  schoolRule: string;
  concern: string;
  serviceTypes: { code: string; label: string }[];
}

export async function reportCatalog(t: TestApp): Promise<ReportCatalog> {
  const school = async (level: string) =>
    (await t.db.query(`SELECT id, name FROM schools WHERE level = $1 ORDER BY name LIMIT 1`, [level]))[0];
  const code = async (kind: string) =>
    (await t.db.query(`SELECT code FROM reason_codes WHERE kind = $1 ORDER BY code LIMIT 1`, [kind]))[0].code;
  const serviceTypes: Loose[] = await t.db.query(
    `SELECT code, label FROM service_types ORDER BY label LIMIT 2`,
  );
  return {
    high: await school('HIGH'),
    middle: await school('MIDDLE'),
    offense: await code('OFFENSE'),
    schoolRule: await code('SCHOOL_RULE'),
    concern: await code('CONCERN'),
    serviceTypes,
  };
}

/** A birth date giving `age` whole years on `onDate` (YYYY-MM-DD): the birthday falls on that very day. */
export function bornYearsBefore(onDate: string, age: number): string {
  return `${Number(onDate.slice(0, 4)) - age}${onDate.slice(4)}`;
}
