import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { MODULE_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import {
  AGE_BANDS,
  COMMUNITY_EVENT_TYPES,
  REASON_CODE_KINDS,
  SCHOOL_KINDS,
  SCHOOL_LEVELS,
  type Role,
} from '@pathways/contracts';
import { hasPermission } from '@pathways/domain';
import { authenticator } from 'otplib';
import { randomUUID } from 'node:crypto';
import { FEATURE_MODULES } from '../src/app.module';
import { listRoutes, type RouteInfo } from '../src/routes';
import { assessmentBody, contactBody, openCase, type OpenedCase } from './support/case-workspace-fixtures';
import { DEMO_PASSWORD } from '../src/database/seed/seed-demo';
import {
  contact,
  type Flow,
  flow,
  freshYouth,
  ok,
  participation,
  type Person,
  submitted,
  withFailingInsert,
} from './support/referral-flow';
import { referralBody } from './support/referral-fixtures';
import {
  type CallOptions,
  type CallResult,
  demo,
  type Loose,
  type Session,
  TestApp,
} from './support/test-app';

/**
 * The ASVS L2 / CJIS checks of QUALITY.md that the feature specs do not already make (auth.int-spec.ts has lockout,
 * timeouts, logout, CSRF, cookies, headers and the login rate limit per address; reports-access.int-spec.ts the CSV
 * formula neutralizing): mass assignment on every write route, injection strings in every query parameter of every
 * GET route, stored markup, error bodies, the body limit and the rate limits of the unauthenticated routes. The
 * write and read checks are generated from the route inventory (`listRoutes()`), so a new route without a row fails.
 */

const ROUTES = listRoutes();
const keyOf = (r: RouteInfo) => `${r.method} ${r.path}`;

const ROLE_OF: Record<Person, Role> = {
  sro: 'SRO',
  sro2: 'SRO',
  sergeant: 'PD_SUPERVISOR',
  counselor: 'COUNSELOR',
  counselor2: 'COUNSELOR',
  supervisor: 'PROVIDER_SUPERVISOR',
  admin: 'ADMIN',
  auditor: 'AUDITOR',
};
/** One demo account per role. */
const ONE_PER_ROLE: Person[] = ['sro', 'sergeant', 'counselor', 'supervisor', 'admin', 'auditor'];
/** The accounts (one per role) a route lets in; [null] for a public route. */
const callersOf = (route: RouteInfo): (Person | null)[] => {
  const auth = route.auth;
  if (!auth || auth.public) return [null];
  return ONE_PER_ROLE.filter((p) => hasPermission(ROLE_OF[p], auth.permission));
};

/** Every response of 400 and above this file receives, for the leak check at the end. */
const errorResponses: { what: string; status: number; text: string }[] = [];

async function call(t: TestApp, method: string, url: string, options: CallOptions = {}): Promise<CallResult> {
  const res = await t.call(method, url, options);
  if (res.status >= 400)
    errorResponses.push({
      what: `${method} ${url.slice(0, 120)}`,
      status: res.status,
      text: typeof res.body === 'string' ? res.body : JSON.stringify(res.body),
    });
  return res;
}

/** The names a 400's details point at: the path segments and any quoted key in the message. */
function namesIn(detail: { path: string; message: string }): string[] {
  return [
    ...detail.path.split(/[.,]/),
    ...[...detail.message.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ''),
  ].filter(Boolean);
}

/** A 400 whose details name every field in `fields`, and nothing else. */
function expectRejected(res: CallResult, fields: string[], what: string): void {
  const details: { path: string; message: string }[] = res.body?.details ?? [];
  const unnamed = fields.filter((f) => !details.some((d) => namesIn(d).includes(f)));
  const unrelated = details.filter((d) => !namesIn(d).some((n) => fields.includes(n)));
  expect({ what, status: res.status, unnamed, unrelated }).toEqual({
    what,
    status: 400,
    unnamed: [],
    unrelated: [],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The records the write and read rows address

interface Ids {
  /** A DRAFT of the SRO. */
  draftId: string;
  /** A SUBMITTED referral of the SRO. */
  submittedId: string;
  /** An open case assigned to counselor@, and its (ENROLLED) referral. */
  c: OpenedCase;
  goalId: string;
  itemId: string;
  serviceId: string;
  assessmentId: string;
  eventId: string;
  /** counselor2@ (for the administrator's routes). */
  userId: string;
  schoolId: string;
  reasonCodeId: string;
  serviceTypeId: string;
  resourceId: string;
}

async function records(f: Flow): Promise<Ids> {
  const { t, as } = f;
  const draft = ok(
    await t.call('POST', '/api/referrals', {
      as: as.sro,
      body: { submit: false, narrative: 'Draft for the security checks' },
    }),
    201,
    'draft',
  );
  const sub = await submitted(f);
  const c = await openCase(t, f.c, { sro: as.sro, counselorId: as.counselor.user.id });
  const created = async (part: string, body: unknown) =>
    ok(await t.call('POST', `/api/cases/${c.id}/${part}`, { as: as.counselor, body }), 201, `create ${part}`)
      .id as string;
  const goalId = await created('goals', { domain: 'ACADEMICS', description: 'Raise the math grade' });
  const itemId = await created('accountability-items', { type: 'APOLOGY_LETTER', requiredAmount: 1 });
  const serviceId = await created('services', { serviceType: 'MENTORING', status: 'REFERRED' });
  const assessmentId = await created(
    'assessments',
    assessmentBody(t, { overrideLevel: 'HIGH', overrideReason: 'Escalation at home' }),
  );
  await t.db.query(
    `INSERT INTO follow_ups (case_id, organization_id, created_by, youth_id, "window", due_at)
     SELECT id, organization_id, primary_counselor_id, youth_id, 'M6', $2 FROM cases WHERE id = $1`,
    [c.id, t.clock.now()],
  );
  const event = ok(
    await t.call('POST', '/api/community-events', {
      as: as.sro,
      body: { type: COMMUNITY_EVENT_TYPES[0], occurredOn: '2026-03-01', participantCount: 10 },
    }),
    201,
    'community event',
  );
  const one = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ id: string }[]>(sql, params))[0].id;
  return {
    draftId: draft.id,
    submittedId: sub.id,
    c,
    goalId,
    itemId,
    serviceId,
    assessmentId,
    eventId: event.id,
    userId: await one('SELECT id FROM users WHERE email = $1', [demo('counselor2')]),
    schoolId: f.c.otherSchoolId,
    reasonCodeId: await one('SELECT id FROM reason_codes ORDER BY code LIMIT 1'),
    serviceTypeId: await one('SELECT id FROM service_types ORDER BY code LIMIT 1'),
    resourceId: f.c.resourceId,
  };
}

/**
 * Puts the ids into a route template: `:id` is the record the route's resource names. Reads address the case's
 * referral (every role with a referral permission sees it); writes the draft or the submitted referral.
 */
function fill(template: string, x: Ids, method = 'GET'): string {
  const idFor: [RegExp, string][] = [
    [/^\/api\/referrals\/:id/, method === 'GET' ? x.c.referralId : ''],
    [/^\/api\/referrals\/:id\/(submit|withdraw|acknowledge-return)$/, x.submittedId],
    [/^\/api\/referrals\/:id$/, x.draftId],
    [/^\/api\/referrals\/:id\//, x.submittedId],
    [/^\/api\/cases\/:id/, x.c.id],
    [/^\/api\/admin\/users\/:id/, x.userId],
    [/^\/api\/admin\/schools\/:id/, x.schoolId],
    [/^\/api\/admin\/reason-codes\/:id/, x.reasonCodeId],
    [/^\/api\/admin\/service-types\/:id/, x.serviceTypeId],
    [/^\/api\/admin\/resources\/:id/, x.resourceId],
    [/^\/api\/community-events\/:id/, x.eventId],
  ];
  const id = idFor.find(([re, value]) => value && re.test(template))?.[1];
  return template
    .replace(':id', id ?? ':id')
    .replace(':consentId', x.c.consentId)
    .replace(':assessmentId', x.assessmentId)
    .replace(':goalId', x.goalId)
    .replace(':itemId', x.itemId)
    .replace(':serviceId', x.serviceId)
    .replace(':window', 'M6');
}

/** Test-only: every row written to any table but sessions (touched by every request) lands in `test_writes`. */
async function installWriteLog(t: TestApp): Promise<void> {
  await t.db.query(`CREATE TABLE test_writes (tbl text NOT NULL, op text NOT NULL)`);
  await t.db.query(`
    CREATE FUNCTION test_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO test_writes VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
  await t.db.query(`
    DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT tablename FROM pg_tables
               WHERE schemaname = 'public' AND tablename NOT IN ('test_writes', 'sessions', 'migrations')
      LOOP
        EXECUTE format('CREATE TRIGGER tr_test_log_write AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION test_log_write()', t);
      END LOOP;
    END $$`);
}

const writesSince = async (t: TestApp): Promise<string[]> =>
  (await t.db.query<{ w: string }[]>(`SELECT op || ' ' || tbl AS w FROM test_writes`)).map((r) => r.w);
const clearWrites = (t: TestApp) => t.db.query('DELETE FROM test_writes');

// ---------------------------------------------------------------------------------------------------------------
// Mass assignment: every write route

/** Fields a client must never set, with a plausible value each. A route's row lists the ones it takes. */
const FORBIDDEN: Record<string, unknown> = {
  id: randomUUID(),
  organizationId: randomUUID(),
  createdBy: randomUUID(),
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  status: 'CLOSED',
  version: 7,
  role: 'ADMIN',
  youthId: randomUUID(),
  providerOrgId: randomUUID(),
  referringUserId: randomUUID(),
  assignedCounselorId: randomUUID(),
  sealedAt: '2026-01-01T00:00:00Z',
  passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$forged',
  mfaSecret: 'JBSWY3DPEHPK3PXP',
  mfaEnabled: false,
  lockedAt: null,
  active: true,
  email: 'mass-assignment@example.org',
  displayName: 'Mass Assignment',
};
/** Keys a nested object (youth, guardian, consent) must refuse. */
const NESTED_FORBIDDEN = { id: randomUUID(), organizationId: randomUUID(), createdBy: randomUUID() };

interface WriteRow {
  /** Who calls; null for a public route. */
  as: Person | null;
  /** A valid body; absent when the handler reads no body at all (checked against its parameters). */
  body?: (f: Flow, x: Ids) => Record<string, unknown>;
  /** Names of FORBIDDEN the route legitimately takes. */
  accepts?: string[];
  /** Where the body holds objects of its own (each must refuse NESTED_FORBIDDEN). */
  nested?: (string | number)[][];
}

const v =
  (extra: Record<string, unknown> = {}) =>
  () => ({ version: 1, ...extra });
const VERSIONED = ['version'];

const WRITES: Record<string, WriteRow> = {
  'POST /api/auth/login': {
    as: null,
    body: () => ({ email: demo('sro'), password: 'not-the-password' }),
    accepts: ['email'],
  },
  'POST /api/auth/mfa': { as: null, body: () => ({ challenge: 'c'.repeat(43), code: '123456' }) },
  'POST /api/auth/logout': { as: 'sro' },
  // Self-update: the locale only, never the role, the e-mail or the account's state.
  'PATCH /api/auth/me': { as: 'sro', body: () => ({ locale: 'es' }) },
  'POST /api/auth/password': {
    as: 'sro',
    body: () => ({ currentPassword: DEMO_PASSWORD, newPassword: 'a long river of 2026 stones' }),
  },
  'POST /api/auth/mfa/enroll': { as: 'sro', body: () => ({}) },
  'POST /api/admin/users': {
    as: 'admin',
    body: () => ({ email: 'new-user@example.org', displayName: 'New User', role: 'COUNSELOR' }),
    accepts: ['email', 'displayName', 'role'],
  },
  'PATCH /api/admin/users/:id': {
    as: 'admin',
    body: v({ displayName: 'Renamed' }),
    accepts: ['version', 'displayName', 'role', 'active'],
  },
  'POST /api/admin/users/:id/unlock': { as: 'admin' },
  'POST /api/admin/users/:id/reset-mfa': { as: 'admin' },
  'POST /api/admin/users/:id/reset-password': { as: 'admin' },
  'PATCH /api/admin/organization': { as: 'admin', body: v({ name: 'Renamed Org' }), accepts: VERSIONED },
  'POST /api/admin/retention/run': { as: 'admin' },
  'POST /api/admin/schools': {
    as: 'admin',
    body: () => ({
      name: 'Mass School',
      level: SCHOOL_LEVELS[0],
      kind: SCHOOL_KINDS[0],
      district: 'District',
      inCvpdJurisdiction: true,
    }),
  },
  'PATCH /api/admin/schools/:id': {
    as: 'admin',
    body: v({ name: 'Renamed' }),
    accepts: ['version', 'active'],
  },
  'POST /api/admin/reason-codes': {
    as: 'admin',
    body: () => ({
      code: 'MASS_CODE',
      label: 'Mass',
      kind: REASON_CODE_KINDS[0],
      excludedFromDiversion: false,
    }),
  },
  'PATCH /api/admin/reason-codes/:id': {
    as: 'admin',
    body: v({ label: 'Renamed' }),
    accepts: ['version', 'active'],
  },
  'POST /api/admin/service-types': { as: 'admin', body: () => ({ code: 'MASS_TYPE', label: 'Mass' }) },
  'PATCH /api/admin/service-types/:id': {
    as: 'admin',
    body: v({ label: 'Renamed' }),
    accepts: ['version', 'active'],
  },
  'POST /api/admin/resources': {
    as: 'admin',
    body: () => ({ key: 'mass-resource', name: 'Mass', category: 'COUNSELING' }),
  },
  'PATCH /api/admin/resources/:id': {
    as: 'admin',
    body: v({ name: 'Renamed' }),
    accepts: ['version', 'active'],
  },
  'POST /api/referrals': {
    as: 'sro',
    body: (f) => referralBody(f.c, { youth: freshYouth() }),
    // `youthId` is the other way to name the youth (an existing record the SRO found).
    accepts: ['youthId'],
    nested: [['youth'], ['guardians', 0]],
  },
  'PATCH /api/referrals/:id': {
    as: 'sro',
    body: v({ narrative: 'Edited draft', youth: freshYouth() }),
    accepts: ['version', 'youthId'],
    nested: [['youth']],
  },
  'DELETE /api/referrals/:id': { as: 'sro' },
  'POST /api/referrals/:id/submit': { as: 'sro', body: v(), accepts: VERSIONED },
  'POST /api/referrals/:id/withdraw': {
    as: 'sro',
    body: v({ reason: 'Family moved away' }),
    accepts: VERSIONED,
  },
  'POST /api/referrals/:id/acknowledge-return': { as: 'sro', body: v(), accepts: VERSIONED },
  'POST /api/referrals/:id/acknowledge': { as: 'supervisor', body: v(), accepts: VERSIONED },
  'POST /api/referrals/:id/request-info': {
    as: 'supervisor',
    body: v({ message: 'Which school?' }),
    accepts: VERSIONED,
  },
  'POST /api/referrals/:id/assign': {
    as: 'supervisor',
    body: (f) => ({ version: 1, counselorId: f.as.counselor.user.id }),
    accepts: VERSIONED,
  },
  'POST /api/referrals/:id/ineligible': {
    as: 'supervisor',
    body: v({ reason: 'Out of area' }),
    accepts: VERSIONED,
  },
  'POST /api/referrals/:id/mark-duplicate': {
    as: 'supervisor',
    body: (_f, x) => ({ version: 1, duplicateOfId: x.c.referralId }),
    accepts: VERSIONED,
  },
  'POST /api/referrals/:id/override-eligibility': {
    as: 'supervisor',
    body: v({ reason: 'Supervisor judgement' }),
    accepts: VERSIONED,
  },
  'POST /api/referrals/:id/contacts': { as: 'supervisor', body: (f) => contact(f) },
  'POST /api/referrals/:id/unable-to-contact': { as: 'supervisor', body: v(), accepts: VERSIONED },
  'POST /api/referrals/:id/decline': {
    as: 'supervisor',
    body: v({ reason: 'Family declined' }),
    accepts: VERSIONED,
  },
  'POST /api/referrals/:id/enroll': {
    as: 'supervisor',
    body: (f) => ({ version: 1, consents: [participation(f)] }),
    accepts: VERSIONED,
    nested: [['consents', 0]],
  },
  'POST /api/school-contacts': {
    as: 'sro',
    body: (f) => ({
      occurredAt: f.t.clock.now().toISOString(),
      schoolId: f.c.schoolId,
      reasonCodes: ['PHYSICAL_FIGHT'],
      disposition: 'COUNSEL_RELEASE',
      ageBand: AGE_BANDS[0],
    }),
  },
  'POST /api/community-events': {
    as: 'sro',
    body: () => ({ type: COMMUNITY_EVENT_TYPES[0], occurredOn: '2026-03-02', participantCount: 5 }),
  },
  'PATCH /api/community-events/:id': { as: 'sro', body: v({ participantCount: 12 }), accepts: VERSIONED },
  'PATCH /api/cases/:id': { as: 'counselor', body: v(), accepts: VERSIONED },
  'POST /api/cases/:id/status': {
    as: 'counselor',
    body: v({ status: 'ON_HOLD', reason: 'Family trip' }),
    accepts: ['version', 'status'],
  },
  'POST /api/cases/:id/request-closure': {
    as: 'counselor',
    body: v({ closureReason: 'COMPLETED_ALL_GOALS', summary: 'All goals met' }),
    accepts: VERSIONED,
  },
  'POST /api/cases/:id/approve-closure': { as: 'supervisor', body: v(), accepts: VERSIONED },
  'POST /api/cases/:id/reject-closure': {
    as: 'supervisor',
    body: v({ comment: 'Keep working' }),
    accepts: VERSIONED,
  },
  'POST /api/cases/:id/reopen': {
    as: 'supervisor',
    body: v({ reason: 'Family asked to continue' }),
    accepts: VERSIONED,
  },
  'POST /api/cases/:id/consents': {
    as: 'counselor',
    body: () => ({
      type: 'TEXT_MESSAGING',
      youthAssent: true,
      guardianName: 'Rocío Quintero',
      signatureMethod: 'E_SIGNATURE',
      language: 'es',
      signedAt: '2026-01-05T17:00:00Z',
    }),
  },
  'POST /api/cases/:id/consents/:consentId/revoke': { as: 'counselor', body: () => ({}) },
  'POST /api/cases/:id/assessments': { as: 'counselor', body: (f) => assessmentBody(f.t) },
  'POST /api/cases/:id/assessments/:assessmentId/approve-override': { as: 'supervisor' },
  'POST /api/cases/:id/goals': {
    as: 'counselor',
    body: () => ({ domain: 'ACADEMICS', description: 'Read every day' }),
    // A goal may start in a status other than the default.
    accepts: ['status'],
  },
  'PATCH /api/cases/:id/goals/:goalId': {
    as: 'counselor',
    body: v({ description: 'Read every evening' }),
    accepts: ['version', 'status'],
  },
  'POST /api/cases/:id/accountability-items': {
    as: 'counselor',
    body: () => ({ type: 'APOLOGY_LETTER', requiredAmount: 1 }),
  },
  'PATCH /api/cases/:id/accountability-items/:itemId': {
    as: 'counselor',
    body: v({ completedAmount: 1 }),
    accepts: VERSIONED,
  },
  'POST /api/cases/:id/services': {
    as: 'counselor',
    body: () => ({ serviceType: 'MENTORING', status: 'REFERRED' }),
    accepts: ['status'],
  },
  'PATCH /api/cases/:id/services/:serviceId': {
    as: 'counselor',
    body: v({ sessionsPlanned: 4 }),
    accepts: ['version', 'status'],
  },
  'POST /api/cases/:id/contacts': { as: 'counselor', body: (f) => contactBody(f.t) },
  'POST /api/cases/:id/notes': {
    as: 'counselor',
    body: () => ({ kind: 'CASE_NOTE', body: 'Phone check-in' }),
  },
  'PATCH /api/cases/:id/follow-ups/:window': {
    as: 'counselor',
    body: v({ attendanceRate: 90 }),
    accepts: ['version', 'status'],
  },
};

const WRITE_ROUTES = ROUTES.filter((r) => r.method !== 'GET').map(keyOf);
const BODY_ROUTES = Object.entries(WRITES)
  .filter(([, row]) => row.body)
  .map(([route]) => route);

/** Whether the handler behind a route declares a @Body parameter (a handler without one cannot be mass-assigned). */
function readsBody(route: RouteInfo): boolean {
  for (const module of FEATURE_MODULES)
    for (const controller of (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? []) as Type[]) {
      if (controller.name !== route.controller) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, route.handler) ?? {}) as Record<
        string,
        unknown
      >;
      return Object.keys(args).some((k) => k.split(':')[0] === String(RouteParamtypes.BODY));
    }
  throw new Error(`controller ${route.controller} not found`);
}

// ---------------------------------------------------------------------------------------------------------------
// Injection strings in every query parameter of every GET route

/** Text filters and sort parameters get all of these; typed ones (enum, uuid, date, number) the short list. */
const INJECTIONS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  "'; DROP TABLE referrals; --",
  "%' AND pg_sleep(5) --",
  '1); SELECT pg_sleep(5); --',
  "') UNION SELECT id, password_hash FROM users --",
  '" OR ""="',
  '\\',
  "\\'; --",
  '%_%',
  'createdAt:asc; DROP TABLE cases',
  'createdAt:asc, (SELECT 1)',
  '名前🙂\u202e',
  'a\u0000b',
];
const TYPED_INJECTIONS = [
  "' OR 1=1 --",
  "'; DROP TABLE referrals; --",
  "%' AND pg_sleep(5) --",
  'a\u0000b',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31',
  '-1',
  '1e309',
];

/** Rows in a response: a list, a page, or CSV lines; null for anything else. */
function rowsOf(body: Loose): number | null {
  if (Array.isArray(body)) return body.length;
  if (Array.isArray(body?.items)) return body.items.length;
  if (typeof body === 'string' && body.includes('\n')) return body.trim().split('\n').length;
  return null;
}

/** The query a route needs to answer 200 at all (its required parameters). */
const BASE_QUERY: Record<string, Record<string, string>> = {
  'GET /api/youth/matches': { firstName: 'Zzyzx', lastName: 'Qwertyuiop' },
};
const queryString = (pairs: [string, string][]) =>
  pairs.map(([k, value]) => `${k}=${encodeURIComponent(value)}`).join('&');

interface QueryParam {
  name: string;
  /** In the route's contract (else a probe: `q` or `sort` where the route has none). */
  declared: boolean;
  /** A free-text filter: a string with no enum, format or pattern. */
  text: boolean;
}

// ---------------------------------------------------------------------------------------------------------------

/** The shape every error answer has (API.md "Errors"). */
const errorShape = (status: number) => ({
  statusCode: status,
  error: expect.any(String),
  code: expect.any(String),
  message: expect.any(String),
});

describe('security checks (ASVS L2 / CJIS)', () => {
  let t: TestApp;
  let f: Flow;
  let ids: Ids;
  let doc: Loose;
  const session = (p: Person | null): Session | undefined => (p ? f.as[p] : undefined);

  beforeAll(async () => {
    t = await TestApp.start();
    f = await flow(t);
    ids = await records(f);
    doc = (await t.call('GET', '/api/docs.json')).body;
    await installWriteLog(t);
  });
  afterAll(() => t.close());

  const opOf = (route: string) => {
    const [method, path] = route.split(' ') as [string, string];
    return doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
  };

  describe('mass assignment: every write route refuses unknown and forbidden fields', () => {
    it('has a row for every write route, a body for exactly the handlers that read one, and accepts only documented fields', () => {
      expect(Object.keys(WRITES).sort()).toEqual([...WRITE_ROUTES].sort());
      const mismatched = ROUTES.filter((r) => r.method !== 'GET')
        .filter((r) => readsBody(r) !== Boolean(WRITES[keyOf(r)]?.body))
        .map(keyOf);
      expect(mismatched).toEqual([]);
      const undocumented = BODY_ROUTES.flatMap((route) => {
        const schema = opOf(route)?.requestBody?.content?.['application/json']?.schema;
        // The two referral bodies are checked in the service against the full form (a loose envelope here).
        if (!schema || schema.additionalProperties !== false) return [];
        return (WRITES[route].accepts ?? [])
          .filter((name) => !(name in (schema.properties ?? {})))
          .map((name) => `${route} ${name}`);
      });
      expect(undocumented).toEqual([]);
    });

    it.each(BODY_ROUTES)(
      '%s: an unknown field, each forbidden field and prototype keys answer 400 naming them; nothing is written',
      async (route) => {
        const row = WRITES[route];
        const [method, template] = route.split(' ') as [string, string];
        const url = fill(template, ids, method);
        const base = row.body!(f, ids);
        const send = async (what: string, options: CallOptions) => {
          await clearWrites(t);
          const res = await call(t, method, url, { as: session(row.as), ...options });
          expect({ what, writes: await writesSince(t) }).toEqual({ what, writes: [] });
          return res;
        };

        expectRejected(
          await send('unknown', { body: { ...base, unexpectedField: 'x' } }),
          ['unexpectedField'],
          `${route} unknown`,
        );
        const forbidden = Object.keys(FORBIDDEN).filter((k) => !(row.accepts ?? []).includes(k));
        const extra = Object.fromEntries(forbidden.map((k) => [k, FORBIDDEN[k]]));
        expectRejected(
          await send('forbidden', { body: { ...base, ...extra } }),
          forbidden,
          `${route} forbidden`,
        );
        for (const path of row.nested ?? []) {
          const body = structuredClone(base);
          let target: Loose = body;
          for (const step of path) target = target[step];
          Object.assign(target, NESTED_FORBIDDEN);
          expectRejected(
            await send(`nested ${path.join('.')}`, { body }),
            Object.keys(NESTED_FORBIDDEN),
            `${route} nested ${path.join('.')}`,
          );
        }
        const json = JSON.stringify(base);
        for (const poison of [
          '"__proto__":{"role":"ADMIN"}',
          '"constructor":{"prototype":{"role":"ADMIN"}}',
        ]) {
          const rawBody = json === '{}' ? `{${poison}}` : json.replace(/^\{/, `{${poison},`);
          const res = await send(`prototype ${poison}`, { rawBody });
          expect({ route, poison, status: res.status }).toEqual({ route, poison, status: 400 });
        }
      },
    );
  });

  describe('injection strings in every query parameter of every GET route', () => {
    const GET_ROUTES = ROUTES.filter((r) => r.method === 'GET');
    let tablesBefore: string[];
    let countsBefore: Loose;
    const counts = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM referrals)::int AS referrals, (SELECT count(*) FROM cases)::int AS cases,
                  (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM youth)::int AS youth`,
        )
      )[0];
    const tables = async () =>
      (await t.db.query<Loose[]>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`))
        .map((r) => r.tablename as string)
        .sort();
    beforeAll(async () => {
      tablesBefore = await tables();
      countsBefore = await counts();
    });

    /** The query parameters a route documents (its contract schema), plus `q` and `sort` wherever it has none. */
    function paramsOf(route: RouteInfo): QueryParam[] {
      const declared: QueryParam[] = (opOf(keyOf(route))?.parameters ?? [])
        .filter((p: Loose) => p.in === 'query')
        .map((p: Loose) => ({
          name: p.name,
          declared: true,
          text: p.schema?.type === 'string' && !p.schema.enum && !p.schema.format && !p.schema.pattern,
        }));
      const extra = ['q', 'sort']
        .filter((n) => !declared.some((d) => d.name === n))
        .map((name) => ({ name, declared: false, text: false }));
      return [...declared, ...extra];
    }

    it('can address every GET route', () => {
      const unfilled = GET_ROUTES.map((r) => fill(r.path, ids)).filter((u) => u.includes(':'));
      expect(unfilled).toEqual([]);
    });

    it.each(GET_ROUTES.map((r) => [keyOf(r), r] as const))(
      '%s: answers 200 with no extra rows or 400 naming the parameter, never 500, never slowed',
      async (_key, route) => {
        const who = callersOf(route);
        expect(who.length).toBeGreaterThan(0);
        const path = fill(route.path, ids);
        const base = Object.entries(BASE_QUERY[keyOf(route)] ?? {});
        const url = (pairs: [string, string][] = []) => {
          const query = queryString([...base.filter(([k]) => !pairs.some(([p]) => p === k)), ...pairs]);
          return query ? `${path}?${query}` : path;
        };
        for (const [i, person] of who.entries()) {
          const as = session(person);
          const baseline = await call(t, 'GET', url(), { as });
          expect({ person, status: baseline.status }).toEqual({ person, status: 200 });
          const baseRows = rowsOf(baseline.body);
          for (const param of paramsOf(route)) {
            // Free text and sort orders reach each role's own SQL: every role gets the full list. Typed and undeclared
            // parameters are settled by the contract before any SQL: the first role suffices.
            const full = param.text || (param.declared && param.name === 'sort');
            if (!full && i > 0) continue;
            const payloads = full ? INJECTIONS : TYPED_INJECTIONS;
            for (const payload of [...payloads, ['x', "' OR 1=1 --"]]) {
              const pairs = (Array.isArray(payload) ? payload : [payload]).map(
                (value) => [param.name, value] as [string, string],
              );
              const started = Date.now();
              const res = await call(t, 'GET', url(pairs), { as });
              const ms = Date.now() - started;
              const what = `${person ?? 'public'} ${param.name}=${JSON.stringify(payload)}`;
              expect({ what, slow: ms > 4000 }).toEqual({ what, slow: false });
              if (res.status === 400) {
                expectRejected(res, [param.name], what);
                continue;
              }
              expect({ what, status: res.status }).toEqual({ what, status: 200 });
              const rows = rowsOf(res.body);
              if (rows === null || baseRows === null) continue;
              // A free-text filter matches nothing here (no record holds these strings); anything else at most
              // narrows the list.
              if (param.text) expect({ what, rows }).toEqual({ what, rows: 0 });
              else expect({ what, extraRows: rows > baseRows }).toEqual({ what, extraRows: false });
            }
          }
        }
      },
    );

    it('leaves every table and its rows in place', async () => {
      expect(await tables()).toEqual(tablesBefore);
      expect(await counts()).toEqual(countsBefore);
    });
  });

  describe('stored markup: user text is kept as plain text, note bodies are sanitized', () => {
    /** Markup that runs script if a screen ever inserted it as HTML; `tag` tells the fields apart. */
    const long = (tag: string) =>
      `<script>alert('${tag}')</script><img src=x onerror=alert('${tag}')><a href="javascript:alert('${tag}')">${tag}</a>`;
    const short = (tag: string) => `<img src=x onerror=alert('${tag}')>`;

    /** True when some string in the response is exactly `value` (stored and returned verbatim, not encoded). */
    const holds = (body: Loose, value: string): boolean =>
      typeof body === 'string'
        ? body === value
        : body !== null && typeof body === 'object'
          ? Object.entries(body).some(([k, item]) => k === value || holds(item, value))
          : false;

    /** Each read answers JSON the browser will not sniff into HTML, holding every value verbatim. */
    const expectVerbatim = (res: CallResult, values: string[], what: string) => {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect({ what, missing: values.filter((value) => !holds(res.body, value)) }).toEqual({
        what,
        missing: [],
      });
    };

    it('referral: youth names, guardian, narrative, report number, request for information, reasons', async () => {
      const { t: app, as } = f;
      const text = {
        firstName: short('first'),
        lastName: short('last'),
        preferredName: short('preferred'),
        guardian: short('guardian'),
        narrative: long('narrative'),
        report: '<b onmouseover=alert(1)>R-1</b>',
      };
      const created = ok(
        await call(app, 'POST', '/api/referrals', {
          as: as.sro,
          body: referralBody(f.c, {
            youth: {
              ...freshYouth(),
              firstName: text.firstName,
              lastName: text.lastName,
              preferredName: text.preferredName,
            },
            guardians: [
              {
                name: text.guardian,
                relationship: 'MOTHER',
                phone: '(619) 555-0142',
                preferredLanguage: 'es',
              },
            ],
            narrative: text.narrative,
            policeReportNumber: text.report,
          }),
        }),
        201,
        'create',
      );
      expectVerbatim(
        await call(app, 'GET', `/api/referrals/${created.id}`, { as: as.sro }),
        Object.values(text),
        'sro',
      );
      const acknowledged = ok(
        await call(app, 'POST', `/api/referrals/${created.id}/acknowledge`, {
          as: as.supervisor,
          body: { version: created.version },
        }),
        200,
        'acknowledge',
      );
      const info = long('info');
      ok(
        await call(app, 'POST', `/api/referrals/${created.id}/request-info`, {
          as: as.supervisor,
          body: { version: acknowledged.version, message: info },
        }),
        200,
        'request-info',
      );
      const asked = await call(app, 'GET', `/api/referrals/${created.id}`, { as: as.sro });
      expectVerbatim(asked, [info], 'request-info');
      const withdraw = long('withdraw');
      ok(
        await call(app, 'POST', `/api/referrals/${created.id}/withdraw`, {
          as: as.sro,
          body: { version: asked.body.version, reason: withdraw },
        }),
        200,
        'withdraw',
      );
      expectVerbatim(
        await call(app, 'GET', `/api/referrals/${created.id}`, { as: as.sro }),
        [withdraw],
        'withdraw',
      );

      const other = await submitted(f);
      const triaged = ok(
        await call(app, 'POST', `/api/referrals/${other.id}/acknowledge`, {
          as: as.supervisor,
          body: { version: other.version },
        }),
        200,
        'acknowledge',
      );
      const ineligible = long('ineligible');
      ok(
        await call(app, 'POST', `/api/referrals/${other.id}/ineligible`, {
          as: as.supervisor,
          body: { version: triaged.version, reason: ineligible },
        }),
        200,
        'ineligible',
      );
      expectVerbatim(
        await call(app, 'GET', `/api/referrals/${other.id}`, { as: as.supervisor }),
        [ineligible],
        'ineligible',
      );
    });

    it('case: status reason, closure summary, rejection comment, consent, plan, services, assessment', async () => {
      const { t: app, as } = f;
      const c = await openCase(app, f.c, { sro: as.sro, counselorId: as.counselor.user.id });
      const url = `/api/cases/${c.id}`;
      const post = async (part: string, body: unknown, who: Session = as.counselor, status = 201) =>
        ok(await call(app, 'POST', `${url}/${part}`, { as: who, body }), status, part);
      const text = {
        guardian: short('consent'),
        goal: long('goal'),
        item: short('item'),
        provider: long('provider'),
        override: long('override'),
        domain: short('domain'),
      };
      await post('consents', {
        type: 'TEXT_MESSAGING',
        youthAssent: true,
        guardianName: text.guardian,
        signatureMethod: 'E_SIGNATURE',
        language: 'es',
        signedAt: app.clock.now().toISOString(),
      });
      await post('goals', { domain: 'ACADEMICS', description: text.goal });
      await post('accountability-items', {
        type: 'APOLOGY_LETTER',
        requiredAmount: 1,
        description: text.item,
      });
      await post('services', { serviceType: 'MENTORING', status: 'REFERRED', provider: text.provider });
      await post(
        'assessments',
        assessmentBody(app, {
          overrideLevel: 'HIGH',
          overrideReason: text.override,
          domainScores: { [text.domain]: 3 },
        }),
      );
      for (const [part, values] of [
        ['consents', [text.guardian]],
        ['goals', [text.goal]],
        ['accountability-items', [text.item]],
        ['services', [text.provider]],
        ['assessments', [text.override, text.domain]],
      ] as const)
        expectVerbatim(await call(app, 'GET', `${url}/${part}`, { as: as.counselor }), [...values], part);

      await app.db.query(`UPDATE cases SET status = 'ACTIVE' WHERE id = $1`, [c.id]);
      const reason = long('status');
      const { version } = (await call(app, 'GET', url, { as: as.counselor })).body;
      const held = await post('status', { version, status: 'NON_COMPLIANT', reason }, as.counselor, 200);
      expectVerbatim(await call(app, 'GET', url, { as: as.counselor }), [reason], 'status reason');
      const summary = long('summary');
      const requested = await post(
        'request-closure',
        { version: held.version, closureReason: 'COMPLETED_ALL_GOALS', summary },
        as.counselor,
        200,
      );
      expectVerbatim(await call(app, 'GET', url, { as: as.supervisor }), [summary], 'closure summary');
      const comment = long('reject');
      await post('reject-closure', { version: requested.version, comment }, as.supervisor, 200);
      const timeline = await call(app, 'GET', `${url}/timeline`, { as: as.supervisor });
      const detail = await call(app, 'GET', url, { as: as.supervisor });
      // The comment goes back to the counselor; the timeline itself carries codes only, never free text.
      expect(holds(detail.body, comment) || holds(timeline.body, comment)).toBe(true);
      expect(JSON.stringify(timeline.body)).not.toContain('<');
    });

    it('note bodies of every kind are sanitized to inert markup on write', async () => {
      const { t: app, as } = f;
      const c = await openCase(app, f.c, { sro: as.sro, counselorId: as.counselor.user.id });
      for (const kind of ['CASE_NOTE', 'CLINICAL', 'PSYCHOTHERAPY']) {
        const res = await call(app, 'POST', `/api/cases/${c.id}/notes`, {
          as: as.counselor,
          body: { kind, body: `<p>Seen ${kind}</p>${long(kind)}` },
        });
        expect(res.status).toBe(201);
        expect(res.body.body).not.toMatch(/<script|onerror|javascript:|<img|<a[\s>]/i);
        expect(res.body.body).toContain(`<p>Seen ${kind}</p>`);
      }
      const listed = await call(app, 'GET', `/api/cases/${c.id}/notes`, { as: as.counselor });
      expect(JSON.stringify(listed.body)).not.toMatch(/<script|onerror|javascript:|<img/i);
    });

    it('community events, people and catalogs keep their text verbatim; resource links are web links only', async () => {
      const { t: app, as } = f;
      const title = long('event');
      const partner = short('partner');
      ok(
        await call(app, 'POST', '/api/community-events', {
          as: as.sro,
          body: {
            type: COMMUNITY_EVENT_TYPES[0],
            title,
            partners: [partner],
            occurredOn: '2026-03-03',
            participantCount: 3,
          },
        }),
        201,
        'event',
      );
      expectVerbatim(
        await call(app, 'GET', '/api/community-events?pageSize=100', { as: as.sro }),
        [title, partner],
        'community event',
      );

      const displayName = short('user');
      ok(
        await call(app, 'POST', '/api/admin/users', {
          as: as.admin,
          body: { email: 'markup@example.org', displayName, role: 'COUNSELOR' },
        }),
        201,
        'user',
      );
      expectVerbatim(await call(app, 'GET', '/api/admin/users', { as: as.admin }), [displayName], 'user');

      const school = { name: short('school'), address: short('address') };
      ok(
        await call(app, 'POST', '/api/admin/schools', {
          as: as.admin,
          body: {
            name: school.name,
            address: school.address,
            level: SCHOOL_LEVELS[0],
            kind: SCHOOL_KINDS[0],
            district: 'District',
            inCvpdJurisdiction: true,
          },
        }),
        201,
        'school',
      );
      expectVerbatim(await call(app, 'GET', '/api/schools', { as: as.sro }), [school.name], 'school');
      expectVerbatim(
        await call(app, 'GET', '/api/admin/schools', { as: as.admin }),
        Object.values(school),
        'school',
      );

      const description = long('resource');
      ok(
        await call(app, 'POST', '/api/admin/resources', {
          as: as.admin,
          body: { key: 'markup-resource', name: short('resource'), category: 'COUNSELING', description },
        }),
        201,
        'resource',
      );
      expectVerbatim(await call(app, 'GET', '/api/public/resources'), [description], 'public resource');
      for (const url of [
        'javascript:alert(1)',
        'JavaScript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
      ]) {
        const res = await call(app, 'POST', '/api/admin/resources', {
          as: as.admin,
          body: { key: 'bad-link', name: 'Bad link', category: 'COUNSELING', urls: [url] },
        });
        expectRejected(res, ['urls'], url);
      }

      const org = await call(app, 'GET', '/api/admin/organization', { as: as.admin });
      const address = short('org');
      ok(
        await call(app, 'PATCH', '/api/admin/organization', {
          as: as.admin,
          body: { version: org.body.version, profile: { address } },
        }),
        200,
        'organization',
      );
      expectVerbatim(
        await call(app, 'GET', '/api/admin/organization', { as: as.admin }),
        [address],
        'organization',
      );
    });
  });

  describe('error bodies: the API.md shape, never a stack, SQL or schema names', () => {
    /** Markers of internals that must never reach a client. */
    const LEAKS = [
      /QueryFailedError|EntityNotFound|TypeORM|node_modules|\.(ts|js):\d+/i,
      /\n\s+at |\bstack\b/i,
      /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/,
      /syntax error|violates|constraint|duplicate key|relation "|column "|invalid input syntax|PostgreSQL|\bpg_/i,
    ];
    let identifiers: RegExp;
    beforeAll(async () => {
      // Table and column names with an underscore cannot occur in plain English messages.
      const rows = await t.db.query<{ n: string }[]>(
        `SELECT DISTINCT n FROM (SELECT table_name AS n FROM information_schema.tables WHERE table_schema = 'public'
                                 UNION SELECT column_name FROM information_schema.columns WHERE table_schema = 'public') x
          WHERE n LIKE '%\\_%'`,
      );
      identifiers = new RegExp(`\\b(${rows.map((r) => r.n).join('|')})\\b`);
    });
    const leaksOf = (text: string) => [...LEAKS, identifiers].filter((re) => re.test(text)).map(String);

    const expectClean = (res: CallResult, status: number, what: string) => {
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject(errorShape(status));
      expect({ what, leaks: leaksOf(JSON.stringify(res.body)) }).toEqual({ what, leaks: [] });
    };

    it('answers a malformed id in any path parameter with 400 (or 404), not a database error', async () => {
      const bad = encodeURIComponent("1' OR '1'='1");
      for (const route of ROUTES.filter((r) => r.path.includes(':'))) {
        const key = keyOf(route);
        const person = key in WRITES ? WRITES[key].as : callersOf(route)[0]!;
        for (const param of route.path.match(/:\w+/g) ?? []) {
          const url = fill(route.path.replace(param, bad), ids, route.method);
          const res = await call(t, route.method, url, {
            as: session(person),
            body: WRITES[key]?.body?.(f, ids),
          });
          expect({ key, param, status: [400, 404].includes(res.status) }).toEqual({
            key,
            param,
            status: true,
          });
          expectClean(res, res.status, `${key} ${param}`);
        }
      }
    });

    it('answers 401, 403, 404, 409, 413, 415 and malformed JSON in the same shape', async () => {
      const { as } = f;
      expectClean(await call(t, 'GET', '/api/referrals'), 401, 'no session');
      expectClean(
        await call(t, 'GET', '/api/referrals', { headers: { authorization: "Bearer ' OR 1=1 --" } }),
        401,
        'forged token',
      );
      expectClean(await call(t, 'GET', '/api/audit', { as: as.sro }), 403, 'role');
      expectClean(
        await call(t, 'GET', `/api/cases/${randomUUID()}`, { as: as.counselor }),
        404,
        'missing case',
      );
      expectClean(
        await call(t, 'GET', '/api/<script>alert(1)</script>', { as: as.sro }),
        404,
        'unknown route',
      );
      const stale = await call(t, 'PATCH', `/api/cases/${ids.c.id}/goals/${ids.goalId}`, {
        as: as.counselor,
        body: { version: 999, description: 'Stale edit' },
      });
      expectClean(stale, 409, 'stale version');
      expectClean(
        await call(t, 'POST', '/api/referrals', { as: as.sro, rawBody: '{"narrative": "unterminated' }),
        400,
        'malformed JSON',
      );
      expectClean(
        await call(t, 'POST', '/api/referrals', {
          as: as.sro,
          rawBody: '<referral/>',
          headers: { 'content-type': 'application/xml' },
        }),
        415,
        'XML body',
      );
      expectClean(
        await call(t, 'POST', '/api/referrals', {
          as: as.sro,
          body: referralBody(f.c, { youth: freshYouth(), narrative: 'x'.repeat(2_000_000) }),
        }),
        413,
        'oversize body',
      );
    });

    it('refuses an over-long string with 400 naming the field', async () => {
      const { as } = f;
      const long = await call(t, 'POST', '/api/referrals', {
        as: as.sro,
        body: referralBody(f.c, {
          youth: freshYouth({ lastName: 'L'.repeat(81) }),
          narrative: 'N'.repeat(10_001),
        }),
      });
      expectRejected(long, ['youth', 'narrative'], 'over-long referral');
      expectRejected(
        await call(t, 'GET', `/api/referrals?q=${'q'.repeat(101)}`, { as: as.sro }),
        ['q'],
        'over-long search',
      );
      const path = await call(t, 'GET', `/api/cases/${'9'.repeat(5000)}`, { as: as.counselor });
      expectClean(path, path.status, 'over-long id');
      expect([400, 404]).toContain(path.status);
    });

    it('turns a database error into a generic 500 naming the request, with no SQL, table, column or value', async () => {
      const marker = 'GOAL-MARKER-5521';
      await t.db.query(`
        CREATE FUNCTION test_fail_goal() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'null value in column "description" of relation "goals" violates not-null constraint: %',
          NEW.description USING ERRCODE = '23502'; END $$`);
      await t.db.query(
        `CREATE TRIGGER tr_test_fail_goal BEFORE INSERT ON goals FOR EACH ROW EXECUTE FUNCTION test_fail_goal()`,
      );
      try {
        await clearWrites(t);
        const res = await call(t, 'POST', `/api/cases/${ids.c.id}/goals`, {
          as: f.as.counselor,
          body: { domain: 'ACADEMICS', description: `${marker} keep reading` },
        });
        expectClean(res, 500, 'database error');
        expect(res.body.message).toContain(String(res.headers['x-request-id'] ?? ''));
        expect(JSON.stringify(res.body)).not.toContain(marker);
        // The goal and its audit row rolled back together.
        expect(await writesSince(t)).toEqual([]);
      } finally {
        await t.db.query('DROP TRIGGER tr_test_fail_goal ON goals');
      }
      const failing = await withFailingInsert(t, 'referrals', () =>
        call(t, 'POST', '/api/referrals', { as: f.as.sro, body: referralBody(f.c, { youth: freshYouth() }) }),
      );
      expectClean(failing, 500, 'injected failure');
      expect(JSON.stringify(failing.body)).not.toContain('injected failure');
    });

    it('a duplicate key is a client error, not a database error', async () => {
      const { as } = f;
      const dupes: [string, Record<string, unknown>][] = [
        ['/api/admin/users', { email: demo('counselor'), displayName: 'Twin', role: 'COUNSELOR' }],
        ['/api/admin/service-types', { code: 'MENTORING', label: 'Twin' }],
        ['/api/admin/resources', { key: 'markup-resource', name: 'Twin', category: 'COUNSELING' }],
      ];
      for (const [url, body] of dupes) {
        const res = await call(t, 'POST', url, { as: as.admin, body });
        expect({ url, status: [400, 409].includes(res.status) }).toEqual({ url, status: true });
        expectClean(res, res.status, url);
      }
    });

    it('an oversize body is refused before anything is read or written, signed in or not', async () => {
      await clearWrites(t);
      const big = 'x'.repeat(1_100_000);
      expectClean(
        await call(t, 'POST', '/api/auth/login', { body: { email: demo('sro'), password: big } }),
        413,
        'login',
      );
      expectClean(
        await call(t, 'POST', `/api/cases/${ids.c.id}/notes`, {
          as: f.as.counselor,
          body: { kind: 'CASE_NOTE', body: big },
        }),
        413,
        'note',
      );
      expect(await writesSince(t)).toEqual([]);
    });

    it(`never leaked internals in any error answer of this file`, () => {
      expect(errorResponses.length).toBeGreaterThan(1000);
      const leaking = errorResponses
        .map((e) => ({ ...e, leaks: leaksOf(e.text) }))
        .filter((e) => e.leaks.length)
        .slice(0, 5);
      expect(leaking).toEqual([]);
      // The two database errors forced above are the only 500s of the whole file.
      expect(
        errorResponses.filter((e) => e.status >= 500).map((e) => e.what.replace(/[0-9a-f-]{36}/g, ':id')),
      ).toEqual(['POST /api/cases/:id/goals', 'POST /api/referrals']);
    });
  });

  describe('MFA codes count toward the lockout', () => {
    it('locks the account after 5 wrong codes (each on a fresh challenge), even for the right password', async () => {
      const s = await t.login(demo('sro2'));
      const start = await call(t, 'POST', '/api/auth/mfa/enroll', { as: s, body: {} });
      const secret: string = start.body.secret;
      expect(
        (
          await call(t, 'POST', '/api/auth/mfa/enroll', {
            as: s,
            body: { code: authenticator.generate(secret) },
          })
        ).status,
      ).toBe(200);
      const wrong = String((Number(authenticator.generate(secret)) + 1) % 1_000_000).padStart(6, '0');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const first = await call(t, 'POST', '/api/auth/login', {
          body: { email: demo('sro2'), password: DEMO_PASSWORD },
        });
        expect(first.body.mfaRequired).toBe(true);
        statuses.push(
          (await call(t, 'POST', '/api/auth/mfa', { body: { challenge: first.body.challenge, code: wrong } }))
            .status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      const after = await call(t, 'POST', '/api/auth/login', {
        body: { email: demo('sro2'), password: DEMO_PASSWORD },
      });
      expect(after.status).toBe(423);
      const [user] = await t.db.query('SELECT id FROM users WHERE email = $1', [demo('sro2')]);
      expect(await t.auditRows(`action = 'LOCKOUT' AND actor_id = $1`, [user.id])).toHaveLength(1);
    });
  });
});

describe('rate limits beyond the sign-in address limit (ACCESS.md: unauthenticated routes, per address and account)', () => {
  describe('per account', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start({ LOGIN_RATE_LIMIT_PER_ACCOUNT: '3' });
    });
    afterAll(() => t.close());

    it('answers 429 past the per-account limit whatever the address and the e-mail case, and other accounts still sign in', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (
            await call(t, 'POST', '/api/auth/login', {
              body: { email: demo('counselor'), password: `wrong-password-${i}` },
            })
          ).status,
        );
      const limited = await call(t, 'POST', '/api/auth/login', {
        body: { email: 'COUNSELOR@demo.pathways.local', password: DEMO_PASSWORD },
      });
      expect([...statuses, limited.status]).toEqual([401, 401, 401, 429]);
      expect(limited.body).toMatchObject({ ...errorShape(429), code: 'RATE_LIMITED' });
      // @nestjs/throttler names the header after the limit that tripped (Retry-After-account).
      expect(Object.keys(limited.headers).filter((h) => h.startsWith('retry-after'))).not.toEqual([]);
      expect(limited.body).not.toHaveProperty('user');
      // The throttled attempt never reached the password check: no fourth failure, no lockout.
      const [user] = await t.db.query('SELECT id FROM users WHERE email = $1', [demo('counselor')]);
      expect(await t.auditRows(`action = 'LOGIN_FAILED' AND actor_id = $1`, [user.id])).toHaveLength(3);
      expect(
        (await call(t, 'POST', '/api/auth/login', { body: { email: demo('sro'), password: DEMO_PASSWORD } }))
          .status,
      ).toBe(200);
    });

    it.each(['/api/public/resources', '/api/public/dashboard'])(
      'limits %s to 120 requests a minute per address',
      async (url) => {
        const statuses = new Map<number, number>();
        for (let i = 0; i < 121; i++) {
          const { status } = await call(t, 'GET', url);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
        expect(Object.fromEntries(statuses)).toEqual({ 200: 120, 429: 1 });
        const limited = await call(t, 'GET', url);
        expect(limited.body).toMatchObject({ ...errorShape(429), code: 'RATE_LIMITED' });
      },
    );
  });

  describe('per address, MFA included', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start({ LOGIN_RATE_LIMIT_PER_IP: '3' });
    });
    afterAll(() => t.close());

    it('limits the MFA step per address, and a forged X-Forwarded-For does not reset it (TRUST_PROXY off)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await call(t, 'POST', '/api/auth/mfa', {
              body: { challenge: `guess-${i}`.padEnd(43, 'x'), code: '123456' },
            })
          ).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
      const spoofed = await call(t, 'POST', '/api/auth/mfa', {
        body: { challenge: 'another-guess'.padEnd(43, 'x'), code: '123456' },
        headers: { 'x-forwarded-for': '203.0.113.77' },
      });
      expect(spoofed.status).toBe(429);
    });
  });
});
