import { calendarDateIn, PROGRAM_TIME_ZONE } from '@pathways/domain';
import {
  assessment,
  bornYearsBefore,
  contact,
  followUp,
  goal,
  kase,
  noProgramNotice,
  organization,
  participationConsent,
  person,
  type Person,
  referral,
  referralEvent,
  reportCatalog,
  type ReportCatalog,
  schoolContact,
  serviceEnrollment,
  youth,
} from './support/report-fixtures';
import { type Loose, type Session, TestApp } from './support/test-app';

/**
 * The outcome report on a constructed data set, as the provider supervisor (exact counts): every number below is
 * counted by hand from the rows built in `buildWorld` (see the table there). "Now" is Wednesday 10 February 2027,
 * 12:00 in Chula Vista; the report covers 1 January 2026 to that day.
 */
const NOW = '2027-02-10T20:00:00Z';
const PERIOD = 'from=2026-01-01&to=2027-02-10';

interface World {
  cat: ReportCatalog;
  providerId: string;
  supervisor: Person;
  counselor1: Person;
  counselor2: Person;
}

/**
 * The provider V's referral cohort (13 referrals received in the period), with police agencies P and P2:
 *
 * | ref | received    | school | first reason | pathway         | prio   | status          | case | race          | gender | lang | age |
 * | R1  | 2026-01-13  | H      | OFFENSE      | LE_DIVERSION    | ROUTINE| ENROLLED        | K1   | WHITE         | M      | en   | 15  |
 * | R2  | 2026-01-14  | H      | OFFENSE      | LE_DIVERSION    | URGENT | ENROLLED        | K2   | WHITE         | F      | en   | 14  |
 * | R3  | 2026-01-20  | M      | SCHOOL_RULE  | PREVENTION      | ROUTINE| ENROLLED        | K3   | HISPANIC      | F      | es   | 12  |
 * | R4  | 2026-02-03  | M      | SCHOOL_RULE  | PREVENTION      | ROUTINE| DECLINED        |      | HISPANIC(+DECLINED) | M | es | 13  |
 * | R5  | 2026-04-07  | H      | OFFENSE      | LE_DIVERSION    | ROUTINE| ENROLLED (P2)   | K5   | BLACK         | M      | en   | 16  |
 * | R6  | 2026-04-14  | H      | CONCERN      | SCHOOL_REFERRAL | CRISIS | WITHDRAWN       |      | MULTIRACIAL   | NB     | en   | 19  |
 * | R7  | 2026-05-05  | M      | SCHOOL_RULE  | PREVENTION      | ROUTINE| INELIGIBLE      |      | DECLINED      | -      | tl   | 11  |
 * | R8  | 2026-07-14  | H      | OFFENSE      | LE_DIVERSION    | ROUTINE| ENROLLED        | K8   | WHITE         | M      | en   | 16  |
 * | R9  | 2026-08-04  | H      | OFFENSE      | LE_DIVERSION    | ROUTINE| ENROLLED        | K9   | HISPANIC      | M      | es   | 15  |
 * | R12 | 2026-10-06  | H      | CONCERN      | SELF_FAMILY     | ROUTINE| CONSENT_PENDING |      | WHITE         | M      | en   | 13  |
 * | R10 | 2027-01-26  | H      | OFFENSE      | LE_DIVERSION    | ROUTINE| ENROLLED        | K10  | WHITE         | F      | en   | 14  |
 * | R13 | 2027-02-08  | M      | SCHOOL_RULE  | PREVENTION      | ROUTINE| OUTREACH (P2)   |      | BLACK         | F      | en   | 15  |
 * | R11 | 2027-02-09  | M      | SCHOOL_RULE  | PREVENTION      | ROUTINE| SUBMITTED       |      | ASIAN         | F      | vi   | 8   |
 *
 * Not in the cohort: a duplicate, a draft, a referral received before the period (X2, its case K0 closed in it),
 * referrals to another provider (one of them R1's youth again: recidivism), old referrals whose cases are open.
 * Closed in the period (C): K0, K1, K2, K3, K5, K8.
 */
async function buildWorld(t: TestApp): Promise<World> {
  const cat = await reportCatalog(t);
  const V = await organization(t, 'SERVICE_PROVIDER');
  const V2 = await organization(t, 'SERVICE_PROVIDER');
  const P = await organization(t, 'LAW_ENFORCEMENT');
  const P2 = await organization(t, 'LAW_ENFORCEMENT');
  const P3 = await organization(t, 'LAW_ENFORCEMENT');
  const supervisor = await person(t, V, 'PROVIDER_SUPERVISOR', 'Casey Supervisor');
  const counselor1 = await person(t, V, 'COUNSELOR', 'Alex Tester');
  const counselor2 = await person(t, V, 'COUNSELOR', 'Blair Tester');
  const sro = await person(t, P, 'SRO', 'Officer P');
  const sro2 = await person(t, P2, 'SRO', 'Officer P2');
  const sro3 = await person(t, P3, 'SRO', 'Officer P3');
  const C1 = counselor1.id;
  const C2 = counselor2.id;
  const school = { H: cat.high.id, M: cat.middle.id };
  const reason = { OFF: cat.offense, SR: cat.schoolRule, CON: cat.concern };
  const [ST1, ST2] = cat.serviceTypes.map((s) => s.code);

  const ref = async (s: {
    received?: string;
    school: 'H' | 'M';
    reasons: string[];
    pathway?: string;
    priority?: string;
    status: string;
    race?: string[];
    gender?: string | null;
    lang?: string;
    age?: number;
    dob?: string;
    by?: 'P' | 'P2';
    provider?: string;
    youthId?: string;
  }) => {
    const day = s.received ? calendarDateIn(new Date(s.received), PROGRAM_TIME_ZONE) : '2026-06-01';
    const by = s.by === 'P2' ? { org: P2, user: sro2.id } : { org: P, user: sro.id };
    const youthId =
      s.youthId ??
      (await youth(t, {
        orgId: by.org,
        dateOfBirth: s.dob ?? bornYearsBefore(day, s.age ?? 15),
        race: s.race ?? ['WHITE'],
        gender: s.gender === undefined ? 'MALE' : s.gender,
        language: s.lang ?? 'en',
      }));
    const id = await referral(t, {
      youthId,
      referringOrgId: by.org,
      referringUserId: by.user,
      providerOrgId: s.provider ?? V,
      schoolId: school[s.school],
      pathway: s.pathway ?? 'LE_DIVERSION_626B',
      reasonCodes: s.reasons,
      priority: s.priority,
      status: s.status,
      receivedAt: s.received,
    });
    return { id, youthId };
  };
  const ev = (r: { id: string }, action: string, statusTo: string, at: string) =>
    referralEvent(t, r.id, V, action, statusTo, at);
  const refContact = (r: { id: string }, at: string, result = 'COMPLETED') =>
    contact(t, { orgId: V, by: C1, referralId: r.id, occurredAt: at, result });
  const caseContact = (
    caseId: string,
    at: string,
    more: { result?: string; min?: number; enrollment?: string } = {},
  ) =>
    contact(t, {
      orgId: V,
      by: C1,
      caseId,
      occurredAt: at,
      result: more.result,
      durationMin: more.min,
      serviceEnrollmentId: more.enrollment,
    });
  const open = (
    r: { id: string; youthId: string },
    c: Omit<Parameters<typeof kase>[1], 'referralId' | 'youthId' | 'providerOrgId'>,
  ) => kase(t, { referralId: r.id, youthId: r.youthId, providerOrgId: V, ...c });

  // R1: triage and outreach on time; case K1 with program, assessment and plan on time; closed SUCCESSFUL in
  // February 2026 with a late completion notice; the youth is referred again (X4) within 12 months of closure.
  const R1 = await ref({
    received: '2026-01-13T18:00:00Z',
    school: 'H',
    reasons: [reason.OFF, reason.SR],
    status: 'ENROLLED',
    race: ['WHITE'],
    gender: 'MALE',
    age: 15,
  });
  await ev(R1, 'acknowledge', 'TRIAGE', '2026-01-14T17:00:00Z');
  await ev(R1, 'assign', 'OUTREACH', '2026-01-14T18:00:00Z');
  await refContact(R1, '2026-01-15T18:00:00Z', 'NO_ANSWER');
  const K1 = await open(R1, {
    counselorId: C1,
    openedAt: '2026-01-16T18:00:00Z',
    intakeCompletedAt: '2026-01-20T18:00:00Z',
    serviceProgramInitiatedAt: '2026-01-27T18:00:00Z',
    closedAt: '2026-02-05T19:00:00Z',
    outcomeClass: 'SUCCESSFUL',
    closureReason: 'COMPLETED_ALL_GOALS',
    completionNoticeSentAt: '2026-02-20T18:00:00Z',
  });
  await assessment(t, K1, V, C1, '2026-01-22T18:00:00Z');
  await goal(t, K1, V, C1, '2026-01-25T18:00:00Z');
  const E1 = await serviceEnrollment(t, K1, V, C1, ST1);
  await caseContact(K1, '2026-01-23T18:00:00Z', { min: 60, enrollment: E1 });
  await caseContact(K1, '2026-01-30T18:00:00Z', { min: 45, enrollment: E1 });
  await caseContact(K1, '2026-02-01T18:00:00Z', { result: 'NO_SHOW', min: 50, enrollment: E1 });

  // R2: triage late, outreach late, case opened late, no program, no assessment, no plan; closed UNSUCCESSFUL;
  // the 6-month follow-up reports a citation.
  const R2 = await ref({
    received: '2026-01-14T18:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    priority: 'URGENT_SAFETY',
    status: 'ENROLLED',
    race: ['WHITE'],
    gender: 'FEMALE',
    age: 14,
  });
  await ev(R2, 'acknowledge', 'TRIAGE', '2026-01-16T18:00:00Z');
  await ev(R2, 'assign', 'OUTREACH', '2026-01-16T19:00:00Z');
  await refContact(R2, '2026-01-22T18:00:00Z');
  const K2 = await open(R2, {
    counselorId: C1,
    openedAt: '2026-01-30T18:00:00Z',
    closedAt: '2026-03-10T18:00:00Z',
    outcomeClass: 'UNSUCCESSFUL',
    closureReason: 'NON_PARTICIPATION',
  });
  await followUp(t, {
    caseId: K2,
    youthId: R2.youthId,
    orgId: V,
    by: C1,
    window: 'M6',
    status: 'DONE',
    newLeContact: 'CITATION',
  });

  // R3: a late program made good by the NO_PROGRAM_20_DAY notice right after the lapse; assessment late; closed
  // SUCCESSFUL (prevention: no completion notice); the 6-month follow-up reports no new contact.
  const R3 = await ref({
    received: '2026-01-20T18:00:00Z',
    school: 'M',
    reasons: [reason.SR, reason.OFF],
    pathway: 'PREVENTION',
    status: 'ENROLLED',
    race: ['HISPANIC_LATINO'],
    gender: 'FEMALE',
    lang: 'es',
    dob: '2013-01-21',
  });
  await ev(R3, 'acknowledge', 'TRIAGE', '2026-01-20T20:00:00Z');
  await ev(R3, 'assign', 'OUTREACH', '2026-01-20T21:00:00Z');
  await refContact(R3, '2026-01-21T18:00:00Z');
  await noProgramNotice(t, { referralId: R3.id, toOrgId: P, orgId: V, sentAt: '2026-02-09T18:10:00Z' });
  const K3 = await open(R3, {
    counselorId: C2,
    pathway: 'PREVENTION',
    openedAt: '2026-01-28T18:00:00Z',
    serviceProgramInitiatedAt: '2026-02-20T18:00:00Z',
    closedAt: '2026-04-20T17:00:00Z',
    outcomeClass: 'SUCCESSFUL',
    closureReason: 'COMPLETED_MOST_GOALS',
  });
  await assessment(t, K3, V, C2, '2026-02-12T18:00:00Z');
  await goal(t, K3, V, C2, '2026-02-05T18:00:00Z');
  const E3 = await serviceEnrollment(t, K3, V, C2, ST1);
  const E3b = await serviceEnrollment(t, K3, V, C2, ST2);
  await caseContact(K3, '2026-02-10T18:00:00Z', { min: 90, enrollment: E3 });
  await caseContact(K3, '2026-02-12T18:00:00Z', { min: 30, enrollment: E3b });
  await followUp(t, {
    caseId: K3,
    youthId: R3.youthId,
    orgId: V,
    by: C2,
    window: 'M6',
    status: 'DONE',
    newLeContact: 'NONE',
  });

  // R4: the family declined after a completed contact: left out of the 20-day and intake clocks.
  const R4 = await ref({
    received: '2026-02-03T18:00:00Z',
    school: 'M',
    reasons: [reason.SR],
    pathway: 'PREVENTION',
    status: 'DECLINED',
    race: ['HISPANIC_LATINO', 'DECLINED'],
    gender: 'MALE',
    lang: 'es',
    age: 13,
  });
  await ev(R4, 'acknowledge', 'TRIAGE', '2026-02-04T18:00:00Z');
  await ev(R4, 'assign', 'OUTREACH', '2026-02-04T19:00:00Z');
  await refContact(R4, '2026-02-05T18:00:00Z');
  await ev(R4, 'contact-completed', 'CONSENT_PENDING', '2026-02-05T18:00:00Z');
  await ev(R4, 'decline', 'DECLINED', '2026-02-10T18:00:00Z');

  // R5 (referred by P2): triaged by the assignment itself; no contact before its case opened, late; closed
  // ADMINISTRATIVE in September (its recidivism windows have not elapsed).
  const R5 = await ref({
    received: '2026-04-07T17:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'ENROLLED',
    race: ['BLACK'],
    gender: 'MALE',
    age: 16,
    by: 'P2',
  });
  await ev(R5, 'assign', 'OUTREACH', '2026-04-08T17:00:00Z');
  const K5 = await open(R5, {
    counselorId: C2,
    openedAt: '2026-04-13T17:00:00Z',
    serviceProgramInitiatedAt: '2026-04-20T17:00:00Z',
    closedAt: '2026-09-15T17:00:00Z',
    outcomeClass: 'ADMINISTRATIVE',
    closureReason: 'MOVED',
  });
  await caseContact(K5, '2026-04-14T17:00:00Z');
  await assessment(t, K5, V, C2, '2026-04-20T17:00:00Z');
  await goal(t, K5, V, C2, '2026-05-10T17:00:00Z');

  // R6: withdrawn before triage fell due: left out of every clock.
  const R6 = await ref({
    received: '2026-04-14T17:00:00Z',
    school: 'H',
    reasons: [reason.CON],
    pathway: 'SCHOOL_REFERRAL',
    priority: 'CRISIS',
    status: 'WITHDRAWN',
    race: ['BLACK', 'WHITE'],
    gender: 'NONBINARY',
    age: 19,
  });
  await ev(R6, 'withdraw', 'WITHDRAWN', '2026-04-14T20:00:00Z');

  // R7: found ineligible a day late.
  const R7 = await ref({
    received: '2026-05-05T17:00:00Z',
    school: 'M',
    reasons: [reason.SR],
    pathway: 'PREVENTION',
    status: 'INELIGIBLE',
    race: [],
    gender: null,
    lang: 'tl',
    age: 11,
  });
  await ev(R7, 'ineligible', 'INELIGIBLE', '2026-05-07T17:00:00Z');

  // R8: program late and the notice too late; closed SUCCESSFUL two days ago, its completion notice pending.
  const R8 = await ref({
    received: '2026-07-14T17:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'ENROLLED',
    race: ['WHITE'],
    gender: 'MALE',
    age: 16,
  });
  await ev(R8, 'acknowledge', 'TRIAGE', '2026-07-14T20:00:00Z');
  await ev(R8, 'assign', 'OUTREACH', '2026-07-15T17:00:00Z');
  await refContact(R8, '2026-07-16T17:00:00Z');
  await noProgramNotice(t, { referralId: R8.id, toOrgId: P, orgId: V, sentAt: '2026-08-05T17:00:00Z' });
  const K8 = await open(R8, {
    counselorId: C1,
    openedAt: '2026-07-20T17:00:00Z',
    serviceProgramInitiatedAt: '2026-08-10T17:00:00Z',
    closedAt: '2027-02-08T18:00:00Z',
    outcomeClass: 'SUCCESSFUL',
    closureReason: 'COMPLETED_ALL_GOALS',
  });
  await assessment(t, K8, V, C1, '2026-07-25T17:00:00Z');
  await goal(t, K8, V, C1, '2026-07-28T17:00:00Z');

  // R9: an open case (184 days) without an assessment; a session outside any enrollment does not count as dosage.
  const R9 = await ref({
    received: '2026-08-04T17:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'ENROLLED',
    race: ['HISPANIC_LATINO'],
    gender: 'MALE',
    lang: 'es',
    age: 15,
  });
  await ev(R9, 'request-info', 'NEEDS_INFO', '2026-08-05T17:00:00Z');
  await ev(R9, 'assign', 'OUTREACH', '2026-08-05T18:00:00Z');
  await refContact(R9, '2026-08-06T17:00:00Z');
  const K9 = await open(R9, {
    counselorId: C1,
    openedAt: '2026-08-10T17:00:00Z',
    serviceProgramInitiatedAt: '2026-08-14T17:00:00Z',
  });
  await goal(t, K9, V, C1, '2026-08-20T17:00:00Z');
  const E9 = await serviceEnrollment(t, K9, V, C1, ST2);
  await caseContact(K9, '2026-08-20T17:00:00Z', { min: 60, enrollment: E9 });
  await caseContact(K9, '2026-08-15T17:00:00Z', { min: 30 });

  // R12: consent signed on the referral, no case yet; its 20-day clock met by the notice.
  const R12 = await ref({
    received: '2026-10-06T17:00:00Z',
    school: 'H',
    reasons: [reason.CON],
    pathway: 'SELF_FAMILY',
    status: 'CONSENT_PENDING',
    race: ['WHITE'],
    gender: 'MALE',
    age: 13,
  });
  await ev(R12, 'acknowledge', 'TRIAGE', '2026-10-08T17:00:00Z');
  await ev(R12, 'assign', 'OUTREACH', '2026-10-08T18:00:00Z');
  await refContact(R12, '2026-10-08T20:00:00Z');
  await participationConsent(t, {
    youthId: R12.youthId,
    referralId: R12.id,
    orgId: V,
    by: C1,
    signedAt: '2026-10-09T17:00:00Z',
  });
  await noProgramNotice(t, { referralId: R12.id, toOrgId: P, orgId: V, sentAt: '2026-10-26T17:10:00Z' });

  // R10: enrolled last week; its program, assessment and plan are not yet due.
  const R10 = await ref({
    received: '2027-01-26T18:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'ENROLLED',
    race: ['WHITE'],
    gender: 'FEMALE',
    age: 14,
  });
  await ev(R10, 'acknowledge', 'TRIAGE', '2027-01-26T20:00:00Z');
  await ev(R10, 'assign', 'OUTREACH', '2027-01-27T18:00:00Z');
  await refContact(R10, '2027-01-28T18:00:00Z');
  await open(R10, { counselorId: C2, status: 'INTAKE', openedAt: '2027-02-02T18:00:00Z' });

  // R13 (P2): assigned yesterday, first contact not yet due. R11: received yesterday, not triaged yet.
  const R13 = await ref({
    received: '2027-02-08T18:00:00Z',
    school: 'M',
    reasons: [reason.SR],
    pathway: 'PREVENTION',
    status: 'OUTREACH',
    race: ['BLACK'],
    gender: 'FEMALE',
    age: 15,
    by: 'P2',
  });
  await ev(R13, 'acknowledge', 'TRIAGE', '2027-02-09T18:00:00Z');
  await ev(R13, 'assign', 'OUTREACH', '2027-02-09T18:00:00Z');
  await ref({
    received: '2027-02-09T18:00:00Z',
    school: 'M',
    reasons: [reason.SR],
    pathway: 'PREVENTION',
    status: 'SUBMITTED',
    race: ['ASIAN'],
    gender: 'FEMALE',
    lang: 'vi',
    age: 8,
  });

  // Not in the cohort.
  await ref({ received: '2026-03-03T18:00:00Z', school: 'H', reasons: [reason.OFF], status: 'DUPLICATE' });
  await ref({ school: 'H', reasons: [reason.OFF], status: 'DRAFT' });
  await ref({
    received: '2026-05-05T17:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'SUBMITTED',
    provider: V2,
  });
  // R1's youth referred again in October 2026 by P2 to another provider: K1 recidivated within 12 months.
  await ref({
    received: '2026-10-01T17:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'SUBMITTED',
    by: 'P2',
    provider: V2,
    youthId: R1.youthId,
  });
  // X2: received before the period; its case K0 closed in it (SUCCESSFUL, notice on time, one session in the period).
  const X2 = await ref({
    received: '2025-12-20T18:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'ENROLLED',
    race: ['WHITE'],
    gender: 'MALE',
    age: 16,
  });
  const K0 = await open(X2, {
    counselorId: C2,
    openedAt: '2025-12-22T18:00:00Z',
    closedAt: '2026-01-30T19:00:00Z',
    outcomeClass: 'SUCCESSFUL',
    closureReason: 'COMPLETED_ALL_GOALS',
    completionNoticeSentAt: '2026-02-03T18:00:00Z',
  });
  const E0 = await serviceEnrollment(t, K0, V, C2, ST1);
  await caseContact(K0, '2025-12-28T18:00:00Z', { min: 50, enrollment: E0 });
  await caseContact(K0, '2026-01-10T18:00:00Z', { min: 40, enrollment: E0 });
  // K0's 12-month follow-up is still pending (an arrest noted, not yet done), and a duplicate referral of its youth
  // within the window is no new contact.
  await followUp(t, {
    caseId: K0,
    youthId: X2.youthId,
    orgId: V,
    by: C2,
    window: 'M12',
    status: 'PENDING',
    newLeContact: 'ARREST',
  });
  await ref({
    received: '2026-05-01T17:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'DUPLICATE',
    youthId: X2.youthId,
  });
  // Open cases of old referrals: 71 days (C1, ON_HOLD) and 143 days (C2); one in closure review is not open.
  const X7 = await ref({
    received: '2025-10-01T17:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'ENROLLED',
  });
  await open(X7, { counselorId: C1, status: 'ON_HOLD', openedAt: '2026-12-01T18:00:00Z' });
  const X8 = await ref({
    received: '2025-09-01T17:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'ENROLLED',
  });
  await open(X8, { counselorId: C2, openedAt: '2026-09-20T17:00:00Z' });
  const X9 = await ref({
    received: '2025-09-02T17:00:00Z',
    school: 'H',
    reasons: [reason.OFF],
    status: 'ENROLLED',
  });
  await open(X9, { counselorId: C2, status: 'CLOSURE_REVIEW', openedAt: '2026-10-20T17:00:00Z' });

  // School contacts: four citations or custody by P and P2 in the period; one counsel-and-release, one before the
  // period and one by an agency that referred nothing to V do not count.
  const sc = (
    orgId: string,
    by: string,
    s: 'H' | 'M',
    at: string,
    disposition: string,
    ageBand: string,
    race: string[],
    gender: string | null,
  ) =>
    schoolContact(t, { orgId, by, schoolId: school[s], occurredAt: at, disposition, ageBand, race, gender });
  await sc(P, sro.id, 'H', '2026-03-03T18:00:00Z', 'CITATION_PROBATION', '15-16', ['WHITE'], 'MALE');
  await sc(P, sro.id, 'M', '2026-05-12T17:00:00Z', 'CUSTODY_PROBATION', '13-14', ['HISPANIC_LATINO'], 'MALE');
  await sc(P2, sro2.id, 'H', '2026-06-02T17:00:00Z', 'CITATION_PROBATION', '15-16', ['BLACK'], 'FEMALE');
  await sc(P, sro.id, 'H', '2026-08-01T17:00:00Z', 'CITATION_PROBATION', '17-18', ['AIAN'], null);
  await sc(P, sro.id, 'H', '2026-06-03T17:00:00Z', 'COUNSEL_RELEASE', '15-16', ['WHITE'], 'MALE');
  await sc(P, sro.id, 'H', '2025-11-01T17:00:00Z', 'CITATION_PROBATION', '15-16', ['WHITE'], 'MALE');
  await sc(P3, sro3.id, 'H', '2026-06-05T17:00:00Z', 'CITATION_PROBATION', '15-16', ['WHITE'], 'MALE');

  return { cat, providerId: V, supervisor, counselor1, counselor2 };
}

const cells = (list: Loose[]) => Object.fromEntries(list.map((c) => [c.key, c.count]));
const rate = (numerator: number | null, denominator: number | null, r: number | null) => ({
  numerator,
  denominator,
  rate: r,
});

describe('outcome report (GET /api/reports/outcomes) on a constructed data set', () => {
  let t: TestApp;
  let w: World;
  let supervisor: Session;
  let report: Loose;

  beforeAll(async () => {
    t = await TestApp.start();
    t.clock.advance(Date.parse(NOW) - t.clock.now().getTime());
    w = await buildWorld(t);
    supervisor = await t.login(w.supervisor.email);
    report = await get(PERIOD + '&groupBy=quarter');
  });
  afterAll(() => t.close());

  async function get(query: string, as: Session = supervisor): Promise<Loose> {
    const res = await t.call('GET', `/api/reports/outcomes?${query}`, { as });
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  it('states the period, scope and filters, exact for the provider supervisor', () => {
    expect(report.period).toEqual({
      from: '2026-01-01',
      to: '2027-02-10',
      groupBy: 'quarter',
      asOf: '2027-02-10T20:00:00.000Z',
    });
    expect(report.filters).toEqual({ schoolId: null, schoolLevel: null, pathway: null });
    expect(report.scope).toBe('PROVIDER');
    expect(report.suppressed).toBe(false);
    expect(report.suppressionThreshold).toBe(11);
    expect(report.suppressedCells).toEqual([]);
  });

  it('counts the referral cohort (not duplicates, drafts, other periods or providers) and each breakdown', () => {
    expect(report.volume.total).toBe(13);
    expect(report.volume.byPeriod).toEqual([
      { key: '2026-Q1', count: 4 },
      { key: '2026-Q2', count: 3 },
      { key: '2026-Q3', count: 2 },
      { key: '2026-Q4', count: 1 },
      { key: '2027-Q1', count: 3 },
    ]);
    expect(report.volume.bySchool).toEqual(
      [
        { key: w.cat.high.id, label: w.cat.high.name, count: 8 },
        { key: w.cat.middle.id, label: w.cat.middle.name, count: 5 },
      ].sort((a, b) => a.label.localeCompare(b.label)),
    );
    expect(cells(report.volume.bySchoolLevel)).toEqual({
      ELEMENTARY: 0,
      MIDDLE: 5,
      HIGH: 8,
      K8: 0,
      K12: 0,
      ADULT: 0,
    });
    // The kind of the first reason code: R1 (offense, then a school rule) is an offense, R3 the other way round.
    expect(cells(report.volume.byReasonCategory)).toEqual({
      OFFENSE: 6,
      SCHOOL_RULE: 5,
      STATUS: 0,
      CONCERN: 2,
    });
    expect(cells(report.volume.byPathway)).toEqual({
      PREVENTION: 5,
      LE_DIVERSION_626B: 6,
      COUNSEL_RELEASE_RESOURCE: 0,
      SCHOOL_REFERRAL: 1,
      PROBATION_654: 0,
      SELF_FAMILY: 1,
    });
    expect(cells(report.volume.byPriority)).toEqual({ ROUTINE: 11, URGENT_SAFETY: 1, CRISIS: 1 });
  });

  it('fills the months without referrals with zero', async () => {
    const byMonth = (await get(PERIOD)).volume.byPeriod;
    expect(byMonth.map((c: Loose) => [c.key, c.count])).toEqual([
      ['2026-01', 3],
      ['2026-02', 1],
      ['2026-03', 0],
      ['2026-04', 2],
      ['2026-05', 1],
      ['2026-06', 0],
      ['2026-07', 1],
      ['2026-08', 1],
      ['2026-09', 0],
      ['2026-10', 1],
      ['2026-11', 0],
      ['2026-12', 0],
      ['2027-01', 1],
      ['2027-02', 2],
    ]);
    expect((await get('from=2026-01-01&to=2027-02-10&groupBy=year')).volume.byPeriod).toEqual([
      { key: '2026', count: 10 },
      { key: '2027', count: 3 },
    ]);
  });

  it('covers the twelve months to today by default', async () => {
    const r = await get('');
    expect(r.period).toMatchObject({ from: '2026-02-11', to: '2027-02-10', groupBy: 'month' });
    // R1, R2, R3 (January) and R4 (3 February) fall before 11 February 2026.
    expect(r.volume.total).toBe(9);
  });

  it("computes the diversion rate against the citations and custody of the agencies that referred the provider's cohort", () => {
    expect(report.diversionRate).toEqual({ ...rate(13, 17, 0.7647), citationsAndCustody: 4 });
  });

  it('counts the funnel with the conversion of each step', () => {
    expect(report.funnel).toEqual([
      { step: 'RECEIVED', count: 13, conversion: null },
      // 7 with a case, R4 and R12 with a completed contact on the referral.
      { step: 'CONTACTED', count: 9, conversion: 0.6923 },
      // 7 with a case, R12 with a participation consent on the referral.
      { step: 'CONSENTED', count: 8, conversion: 0.8889 },
      { step: 'ENROLLED', count: 7, conversion: 0.875 },
      { step: 'COMPLETED', count: 3, conversion: 0.4286 },
    ]);
  });

  it('measures every clock: met, missed, pending, leaving out referrals that ended without the work', () => {
    const sla = Object.fromEntries(
      report.sla.map((r: Loose) => [r.clock, [r.met, r.missed, r.pending, r.rate]]),
    );
    expect(report.sla.map((r: Loose) => r.clock)).toEqual([
      'SERVICE_START_20_DAY',
      'TRIAGE',
      'FIRST_OUTREACH',
      'INTAKE_CONSENT',
      'ASSESSMENT',
      'CASE_PLAN',
      'COMPLETION_NOTICE',
    ]);
    expect(sla).toEqual({
      // Met: R1, R5, R9 (program), R3 and R12 (notice right after the lapse); missed: R2, R8 (notice two days
      // late); pending: R10, R13, R11; left out: R4 (declined), R6 (withdrawn), R7 (ineligible).
      SERVICE_START_20_DAY: [5, 2, 3, 0.7143],
      // Missed: R2 (Friday for a Wednesday referral), R7, R12; pending: R11; R6 withdrawn before it fell due.
      TRIAGE: [8, 3, 1, 0.7273],
      // Missed: R2 (the MLK holiday counted out, still late), R5 (no contact before the case opened, late); pending: R13.
      FIRST_OUTREACH: [7, 2, 1, 0.7778],
      // Missed: R2 (case a day late), R12 (no case); pending: R13, R11; left out: R4, R6, R7.
      INTAKE_CONSENT: [6, 2, 2, 0.75],
      // Met: K1, K5, K8; missed: K2 (none before closing), K3 (a day late), K9 (none); pending: K10.
      ASSESSMENT: [3, 3, 1, 0.5],
      // Met: K1, K3, K8, K9; missed: K2, K5; pending: K10.
      CASE_PLAN: [4, 2, 1, 0.6667],
      // Successful police diversions closed in the period: K0 on time, K1 late, K8 not yet due.
      COMPLETION_NOTICE: [1, 1, 1, 0.5],
    });
  });

  it('computes the completion rate without administrative exits, with outcomes and closure reasons', () => {
    expect(report.completion.rate).toEqual(rate(4, 5, 0.8));
    expect(report.completion.byOutcome).toEqual([
      { key: 'SUCCESSFUL', count: 4 },
      { key: 'UNSUCCESSFUL', count: 1 },
      { key: 'ADMINISTRATIVE', count: 1 },
    ]);
    expect(cells(report.completion.closureReasons)).toEqual({
      COMPLETED_ALL_GOALS: 3,
      COMPLETED_MOST_GOALS: 1,
      NON_PARTICIPATION: 1,
      WITHDREW: 0,
      NEW_LAW_ENFORCEMENT_CONTACT: 0,
      MOVED: 1,
      HIGHER_LEVEL_OF_CARE: 0,
      INELIGIBLE_DISCOVERED: 0,
      UNABLE_TO_LOCATE: 0,
      AGED_OUT: 0,
      OTHER: 0,
    });
  });

  it('counts recidivism among closures whose window has elapsed, by follow-up or by a new referral', () => {
    expect(report.recidivism).toEqual([
      // Elapsed: K0, K1, K2, K3; K2's follow-up reports a citation (K1's new referral came after 6 months).
      { window: 'M6', rate: rate(1, 4, 0.25), notElapsed: 2 },
      // Elapsed: K0 and K1; K1's youth was referred again after 8 months; K0's pending follow-up and its
      // duplicate referral do not count.
      { window: 'M12', rate: rate(1, 2, 0.5), notElapsed: 4 },
    ]);
  });

  it('shows the open caseload per counselor, aged by days since opening (the period does not apply)', () => {
    expect(report.caseload).toEqual({
      asOf: '2027-02-10T20:00:00.000Z',
      rows: [
        {
          key: w.counselor1.id,
          label: 'Alex Tester',
          open: 2,
          aging: { '0-30': 0, '31-90': 1, '91-180': 0, '>180': 1 },
        },
        {
          key: w.counselor2.id,
          label: 'Blair Tester',
          open: 2,
          aging: { '0-30': 1, '31-90': 0, '91-180': 1, '>180': 0 },
        },
      ],
      total: { key: 'ALL', open: 4, aging: { '0-30': 1, '31-90': 1, '91-180': 1, '>180': 1 } },
    });
  });

  it('counts completed service sessions in the period by service type, with hours', () => {
    const [st1, st2] = w.cat.serviceTypes;
    expect(report.dosage.rows).toEqual(
      [
        // K1 (60 + 45 min), K3 (90), K0 (40; its December session is before the period).
        { key: st1.code, label: st1.label, youth: 3, sessions: 4, hours: 3.9 },
        // K3 (30), K9 (60).
        { key: st2.code, label: st2.label, youth: 2, sessions: 2, hours: 1.5 },
      ].sort((a, b) => a.label.localeCompare(b.label)),
    );
    expect(report.dosage.total).toEqual({ key: 'ALL', youth: 4, sessions: 6, hours: 5.4 });
  });

  describe('equity', () => {
    const dimension = (r: Loose, dim: string) => r.equity.find((d: Loose) => d.dimension === dim);
    const table = (d: Loose) =>
      Object.fromEntries(
        d.groups.map((g: Loose) => [
          g.key,
          [g.referred, ...g.measures.map((m: Loose) => [m.measure, m.rate.rate, m.rri])],
        ]),
      );

    it('compares every race/ethnicity group with WHITE (RRI), null where the reference rate is 0 or absent', () => {
      const race = dimension(report, 'RACE_ETHNICITY');
      expect(race.reference).toBe('WHITE');
      expect(race.groups.map((g: Loose) => g.key)).toEqual([
        'AIAN',
        'ASIAN',
        'BLACK',
        'HISPANIC_LATINO',
        'WHITE',
        'MULTIRACIAL',
        'DECLINED',
      ]);
      expect(table(race)).toEqual({
        // Only a citation: no referral, so a diversion rate of 0.
        AIAN: [
          0,
          ['DIVERSION', 0, 0],
          ['ENROLLMENT', null, null],
          ['DECLINE', null, null],
          ['COMPLETION', null, null],
          ['RECIDIVISM_M6', null, null],
        ],
        ASIAN: [
          1,
          ['DIVERSION', 1, 1.2],
          ['ENROLLMENT', 0, 0],
          ['DECLINE', 0, null],
          ['COMPLETION', null, null],
          ['RECIDIVISM_M6', null, null],
        ],
        BLACK: [
          2,
          ['DIVERSION', 0.6667, 0.8],
          ['ENROLLMENT', 0.5, 0.63],
          ['DECLINE', 0, null],
          ['COMPLETION', null, null],
          ['RECIDIVISM_M6', null, null],
        ],
        HISPANIC_LATINO: [
          3,
          ['DIVERSION', 0.75, 0.9],
          ['ENROLLMENT', 0.6667, 0.83],
          ['DECLINE', 0.3333, null],
          ['COMPLETION', 1, 1.33],
          ['RECIDIVISM_M6', 0, 0],
        ],
        // K0, K1, K2, K8 closed (3 successful); K0, K1, K2 elapsed 6 months, K2 recidivated.
        WHITE: [
          5,
          ['DIVERSION', 0.8333, 1],
          ['ENROLLMENT', 0.8, 1],
          ['DECLINE', 0, null],
          ['COMPLETION', 0.75, 1],
          ['RECIDIVISM_M6', 0.3333, 1],
        ],
        MULTIRACIAL: [
          1,
          ['DIVERSION', 1, 1.2],
          ['ENROLLMENT', 0, 0],
          ['DECLINE', 0, null],
          ['COMPLETION', null, null],
          ['RECIDIVISM_M6', null, null],
        ],
        DECLINED: [
          1,
          ['DIVERSION', 1, 1.2],
          ['ENROLLMENT', 0, 0],
          ['DECLINE', 0, null],
          ['COMPLETION', null, null],
          ['RECIDIVISM_M6', null, null],
        ],
      });
      const hispanicDiversion = race.groups.find((g: Loose) => g.key === 'HISPANIC_LATINO').measures[0];
      expect(hispanicDiversion).toEqual({ measure: 'DIVERSION', rate: rate(3, 4, 0.75), rri: 0.9 });
    });

    it('groups gender, language and age band, the largest group being the reference', () => {
      const gender = dimension(report, 'GENDER');
      expect(gender.reference).toBe('MALE');
      expect(gender.groups.map((g: Loose) => [g.key, g.referred])).toEqual([
        ['FEMALE', 5],
        ['MALE', 6],
        ['NONBINARY', 1],
        ['DECLINED', 1],
      ]);
      const language = dimension(report, 'LANGUAGE');
      expect(language.reference).toBe('en');
      expect(language.groups.map((g: Loose) => [g.key, g.referred])).toEqual([
        ['en', 8],
        ['es', 3],
        ['tl', 1],
        ['vi', 1],
      ]);
      // School contacts record no language: no diversion rate by language.
      expect(language.groups[0].measures[0]).toEqual({
        measure: 'DIVERSION',
        rate: rate(null, null, null),
        rri: null,
      });
      expect(language.groups[0].measures[1]).toEqual({
        measure: 'ENROLLMENT',
        rate: rate(5, 8, 0.625),
        rri: 1,
      });
      const age = dimension(report, 'AGE_BAND');
      // R3 turns 13 the day after its referral: 10-12. 17-18 comes from a citation only; R6 (19) is OTHER.
      expect(age.groups.map((g: Loose) => [g.key, g.referred])).toEqual([
        ['6-9', 1],
        ['10-12', 2],
        ['13-14', 4],
        ['15-16', 5],
        ['17-18', 0],
        ['OTHER', 1],
      ]);
      expect(age.reference).toBe('15-16');
    });

    it("compares with the organization's configured reference group, and has no index when that group is absent", async () => {
      const setReference = (group: string) =>
        t.db.query(`UPDATE organizations SET settings = $2 WHERE id = $1`, [
          w.providerId,
          JSON.stringify({ reports: { equityReferenceGroup: group } }),
        ]);
      try {
        await setReference('HISPANIC_LATINO');
        const race = dimension(await get(PERIOD), 'RACE_ETHNICITY');
        expect(race.reference).toBe('HISPANIC_LATINO');
        const white = race.groups.find((g: Loose) => g.key === 'WHITE');
        expect(white.measures.map((m: Loose) => [m.measure, m.rri])).toEqual([
          ['DIVERSION', 1.11],
          ['ENROLLMENT', 1.2],
          ['DECLINE', 0],
          ['COMPLETION', 0.75],
          ['RECIDIVISM_M6', null],
        ]);
        await setReference('NHPI');
        const absent = dimension(await get(PERIOD), 'RACE_ETHNICITY');
        expect(absent.reference).toBe('NHPI');
        expect(absent.groups.flatMap((g: Loose) => g.measures.map((m: Loose) => m.rri))).toEqual(
          Array(7 * 5).fill(null),
        );
      } finally {
        await t.db.query(`UPDATE organizations SET settings = '{}' WHERE id = $1`, [w.providerId]);
      }
    });
  });

  it('answers an empty period with zeros and null rates (the caseload is still today’s)', async () => {
    const r = await get('from=2030-01-01&to=2030-01-31');
    expect(r.volume.total).toBe(0);
    expect(r.volume.byPeriod).toEqual([{ key: '2030-01', count: 0 }]);
    expect(r.volume.bySchool).toEqual([]);
    expect(r.diversionRate).toEqual({ ...rate(0, 0, null), citationsAndCustody: 0 });
    expect(r.funnel.map((f: Loose) => [f.count, f.conversion])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
    expect(
      r.sla.every((s: Loose) => s.met === 0 && s.missed === 0 && s.pending === 0 && s.rate === null),
    ).toBe(true);
    expect(r.completion.rate).toEqual(rate(0, 0, null));
    expect(r.recidivism.map((x: Loose) => [x.rate, x.notElapsed])).toEqual([
      [rate(0, 0, null), 0],
      [rate(0, 0, null), 0],
    ]);
    expect(r.dosage).toEqual({ rows: [], total: { key: 'ALL', youth: 0, sessions: 0, hours: 0 } });
    expect(r.equity.map((d: Loose) => [d.dimension, d.groups])).toEqual([
      ['RACE_ETHNICITY', []],
      ['GENDER', []],
      ['LANGUAGE', []],
      ['AGE_BAND', []],
    ]);
    expect(r.caseload.total.open).toBe(4);
  });

  describe('filters', () => {
    it('by school: referrals, citations, closures and caseload of that school', async () => {
      const r = await get(`${PERIOD}&schoolId=${w.cat.high.id}`);
      expect(r.filters.schoolId).toBe(w.cat.high.id);
      expect(r.volume.total).toBe(8);
      expect(r.volume.bySchool).toEqual([{ key: w.cat.high.id, label: w.cat.high.name, count: 8 }]);
      // Citations at the high school: three of four.
      expect(r.diversionRate).toEqual({ ...rate(8, 11, 0.7273), citationsAndCustody: 3 });
      // K3 (middle school) is not counted: K0, K1, K8 successful, K2 not, K5 administrative.
      expect(r.completion.rate).toEqual(rate(3, 4, 0.75));
      expect(r.caseload.total.open).toBe(4);
    });

    it('by school level', async () => {
      const r = await get(`${PERIOD}&schoolLevel=MIDDLE`);
      expect(r.volume.total).toBe(5);
      expect(cells(r.volume.bySchoolLevel)).toMatchObject({ MIDDLE: 5, HIGH: 0 });
      expect(r.diversionRate).toEqual({ ...rate(5, 6, 0.8333), citationsAndCustody: 1 });
      expect(r.completion.rate).toEqual(rate(1, 1, 1));
      expect(r.caseload.total.open).toBe(0);
    });

    it('by pathway (school contacts have none: all the referring agencies’ citations count)', async () => {
      const r = await get(`${PERIOD}&pathway=PREVENTION`);
      expect(r.volume.total).toBe(5);
      expect(r.diversionRate).toEqual({ ...rate(5, 9, 0.5556), citationsAndCustody: 4 });
      expect(r.funnel.map((f: Loose) => f.count)).toEqual([5, 2, 1, 1, 1]);
      expect(r.dosage.total).toEqual({ key: 'ALL', youth: 1, sessions: 2, hours: 2 });
    });
  });
});
