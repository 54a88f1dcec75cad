import { catalog, type Catalog, referralBody } from './referral-fixtures';
import { demo, type Session, type TestApp, type Loose } from './test-app';

/** The demo accounts the referral-side tests sign in as. */
export const PEOPLE = [
  'sro',
  'sro2',
  'sergeant',
  'counselor',
  'counselor2',
  'supervisor',
  'admin',
  'auditor',
] as const;
export type Person = (typeof PEOPLE)[number];
export type People = Record<Person, Session>;

/** Signs everyone in (again): moving the clock past the idle timeout ends the sessions. */
export async function signIn(t: TestApp): Promise<People> {
  const sessions = await Promise.all(PEOPLE.map((n) => t.login(demo(n))));
  return Object.fromEntries(PEOPLE.map((n, i) => [n, sessions[i]])) as People;
}

/** Moves the fake clock to an absolute instant (forwards or back) and signs everyone in again at that time. */
export async function at(f: Flow, instant: string): Promise<void> {
  f.t.clock.advance(Date.parse(instant) - f.t.clock.now().getTime());
  f.as = await signIn(f.t);
}

export interface Flow {
  t: TestApp;
  c: Catalog;
  as: People;
}

export async function flow(t: TestApp): Promise<Flow> {
  return { t, c: await catalog(t), as: await signIn(t) };
}

/** A fresh youth per referral, so searches and follow-ups do not meet other tests' records. */
let n = 0;
export function freshYouth(over: Record<string, unknown> = {}): Record<string, unknown> {
  n += 1;
  return {
    firstName: `Itzel${n}`,
    lastName: `Caseflow-${n}`,
    dateOfBirth: '2011-06-15',
    primaryLanguage: 'es',
    ...over,
  };
}

type Body = Record<string, Loose>;

export function ok(res: { status: number; body: Body }, expected: number, what: string): Body {
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A submitted referral by `sro` (or `by`), with a fresh youth unless the overrides bring one. */
export async function submitted(f: Flow, over: Body = {}, by: Session = f.as.sro): Promise<Body> {
  const body = referralBody(f.c, { youth: freshYouth(), ...over });
  return ok(await f.t.call('POST', '/api/referrals', { as: by, body }), 201, 'create referral');
}

export async function post(f: Flow, id: string, action: string, as: Session, body: Body): Promise<Body> {
  return ok(await f.t.call('POST', `/api/referrals/${id}/${action}`, { as, body }), 200, action);
}

/** SUBMITTED -> TRIAGE by the supervisor. */
export async function triaged(f: Flow, over: Body = {}): Promise<Body> {
  const r = await submitted(f, over);
  return post(f, r.id, 'acknowledge', f.as.supervisor, { version: r.version });
}

/** TRIAGE -> OUTREACH, assigned to `counselor` (default: counselor@). */
export async function inOutreach(
  f: Flow,
  over: Body = {},
  counselor: Session = f.as.counselor,
): Promise<Body> {
  const r = await triaged(f, over);
  return post(f, r.id, 'assign', f.as.supervisor, { version: r.version, counselorId: counselor.user.id });
}

/** An outreach attempt at the clock's now (a referral created at the same instant may take it). */
export function contact(f: Flow, over: Body = {}): Body {
  return {
    occurredAt: f.t.clock.now().toISOString(),
    contactType: 'OUTREACH_ATTEMPT',
    modality: 'PHONE',
    result: 'NO_ANSWER',
    ...over,
  };
}

/** OUTREACH -> CONSENT_PENDING through a completed contact; returns the referral as it now is. */
export async function consentPending(f: Flow, over: Body = {}): Promise<Body> {
  const r = await inOutreach(f, over);
  ok(
    await f.t.call('POST', `/api/referrals/${r.id}/contacts`, {
      as: f.as.counselor,
      body: contact(f, { result: 'COMPLETED' }),
    }),
    201,
    'contact',
  );
  return ok(await f.t.call('GET', `/api/referrals/${r.id}`, { as: f.as.counselor }), 200, 'detail');
}

/** A valid program-participation consent signed now (guardian + youth assent). */
export function participation(f: Flow, over: Body = {}): Body {
  return {
    type: 'PROGRAM_PARTICIPATION',
    youthAssent: true,
    guardianName: 'Rocío Quintero',
    signatureMethod: 'E_SIGNATURE',
    language: 'es',
    signedAt: f.t.clock.now().toISOString(),
    ...over,
  };
}

/** CONSENT_PENDING -> ENROLLED; returns the referral and the case opened. */
export async function enrolled(
  f: Flow,
  over: Body = {},
  consents: Body[] = [participation(f)],
): Promise<{ referral: Body; caseId: string; caseNumber: string }> {
  const r = await consentPending(f, over);
  const res = ok(
    await f.t.call('POST', `/api/referrals/${r.id}/enroll`, {
      as: f.as.counselor,
      body: { version: r.version, consents },
    }),
    201,
    'enroll',
  );
  return { referral: r, caseId: res.caseId, caseNumber: res.caseNumber };
}

/** Runs `fn` while a trigger makes every INSERT on `table` fail, and drops the trigger after. */
export async function withFailingInsert<T>(t: TestApp, table: string, fn: () => Promise<T>): Promise<T> {
  await t.db.query(`
    CREATE OR REPLACE FUNCTION test_fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
  await t.db.query(
    `CREATE TRIGGER tr_test_fail_insert BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION test_fail_insert()`,
  );
  try {
    return await fn();
  } finally {
    await t.db.query(`DROP TRIGGER tr_test_fail_insert ON ${table}`);
  }
}

/** A referral row as stored (status, version and the columns transitions write). */
export async function referralRow(t: TestApp, id: string): Promise<Body> {
  const [row] = await t.db.query(`SELECT * FROM referrals WHERE id = $1`, [id]);
  return row;
}

export { catalog, type Catalog };
