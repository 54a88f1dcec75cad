import 'reflect-metadata';
import type { Permission, Role } from '@pathways/contracts';
import { addCalendarDays, calendarDateIn, hasPermission, PROGRAM_TIME_ZONE } from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import { listRoutes } from '../src/routes';
import {
  assessmentBody,
  caseRow,
  contactBody,
  openCase,
  type OpenedCase,
  otherProvider,
} from './support/case-workspace-fixtures';
import { catalog, type Catalog } from './support/referral-fixtures';
import { demo, type Session, TestApp } from './support/test-app';

/**
 * The authorization matrix of the case routes: every route × every role × the caller's own case or another one,
 * with the expected status, generated from the table below. "Own" is the counselor's assigned case / a case of the
 * supervisor's provider; "other" is another counselor's case / another provider's case. Roles without the route's
 * permission get 403 whatever the case; a case the caller may not see is 404, never 403 (ACCESS.md).
 */

/** Ids and values a route's path and body need; defaults (random ids) for calls that must fail before using them. */
interface Subs {
  version: number;
  targetEnd: string;
  consentId: string;
  assessmentId: string;
  goalId: string;
  itemId: string;
  serviceId: string;
}

interface Ctx {
  t: TestApp;
  counselor: Session;
  c: OpenedCase;
}

interface RouteSpec {
  route: string;
  /** Expected status on the caller's own case, for the two case roles (everyone else: 403). */
  counselor: number;
  supervisor: number;
  path?: (s: Subs) => string;
  body?: (s: Subs, t: TestApp) => unknown;
  /** Brings a fresh own case into the state the call needs (only for calls expected to succeed). */
  prepare?: (x: Ctx) => Promise<Partial<Subs>>;
}

const setStatus = async (x: Ctx, sql: string, params: unknown[] = []) => {
  await x.t.db.query(`UPDATE cases SET ${sql} WHERE id = $1`, [x.c.id, ...params]);
  return {};
};
const createdId = async (x: Ctx, part: string, body: unknown): Promise<string> => {
  const res = await x.t.call('POST', `/api/cases/${x.c.id}/${part}`, { as: x.counselor, body });
  if (res.status !== 201) throw new Error(`prepare ${part}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
};
const inReview = (x: Ctx) =>
  setStatus(
    x,
    `status = 'CLOSURE_REVIEW', status_before_closure = 'ACTIVE', closure_requested_by = $2,
     closure_requested_at = now(), closure_reason = 'OTHER'`,
    [x.counselor.user.id],
  );
const withFollowUp = async (x: Ctx) => {
  await x.t.db.query(
    `INSERT INTO follow_ups (case_id, organization_id, created_by, youth_id, "window", due_at)
     SELECT id, organization_id, primary_counselor_id, youth_id, 'M6', $2 FROM cases
     WHERE id = $1`,
    // Due now: its window is open, so recording it is allowed.
    [x.c.id, x.t.clock.now()],
  );
  return {};
};

const GOAL = { domain: 'ACADEMICS', description: 'Raise the math grade' };
const ITEM = { type: 'APOLOGY_LETTER', requiredAmount: 1 };
const SERVICE = { serviceType: 'MENTORING', status: 'REFERRED' };
const CONSENT = {
  type: 'TEXT_MESSAGING',
  youthAssent: true,
  guardianName: 'Rocío Quintero',
  signatureMethod: 'E_SIGNATURE',
  language: 'es',
  signedAt: '2026-01-05T17:00:00Z',
};

const ROUTES: RouteSpec[] = [
  { route: 'GET /api/cases', counselor: 200, supervisor: 200 },
  { route: 'GET /api/cases/:id', counselor: 200, supervisor: 200 },
  {
    route: 'PATCH /api/cases/:id',
    counselor: 200,
    supervisor: 200,
    body: (s) => ({ version: s.version, targetEndAt: s.targetEnd }),
    prepare: async (x) => ({
      targetEnd: addCalendarDays(
        calendarDateIn((await caseRow(x.t, x.c.id)).opened_at, PROGRAM_TIME_ZONE),
        30,
      ),
    }),
  },
  {
    route: 'POST /api/cases/:id/status',
    counselor: 200,
    supervisor: 200,
    body: (s) => ({ version: s.version, status: 'NON_COMPLIANT', reason: 'No contact for 30 days' }),
    prepare: (x) => setStatus(x, `status = 'ACTIVE'`),
  },
  {
    route: 'POST /api/cases/:id/request-closure',
    counselor: 200,
    supervisor: 200,
    body: (s) => ({ version: s.version, closureReason: 'COMPLETED_ALL_GOALS', summary: 'All goals met' }),
  },
  {
    route: 'POST /api/cases/:id/approve-closure',
    counselor: 403,
    supervisor: 200,
    body: (s) => ({ version: s.version }),
    prepare: inReview,
  },
  {
    route: 'POST /api/cases/:id/reject-closure',
    counselor: 403,
    supervisor: 200,
    body: (s) => ({ version: s.version, comment: 'Keep working' }),
    prepare: inReview,
  },
  {
    route: 'POST /api/cases/:id/reopen',
    counselor: 403,
    supervisor: 200,
    body: (s) => ({ version: s.version, reason: 'Family asked to continue' }),
    prepare: (x) => setStatus(x, `status = 'CLOSED', closed_at = now(), outcome_class = 'ADMINISTRATIVE'`),
  },
  { route: 'GET /api/cases/:id/timeline', counselor: 200, supervisor: 200 },
  { route: 'GET /api/cases/:id/consents', counselor: 200, supervisor: 200 },
  { route: 'POST /api/cases/:id/consents', counselor: 201, supervisor: 201, body: () => CONSENT },
  {
    route: 'POST /api/cases/:id/consents/:consentId/revoke',
    counselor: 200,
    supervisor: 200,
    path: (s) => `consents/${s.consentId}/revoke`,
    body: () => ({}),
    prepare: (x) => Promise.resolve({ consentId: x.c.consentId }),
  },
  { route: 'GET /api/cases/:id/assessments', counselor: 200, supervisor: 200 },
  {
    route: 'POST /api/cases/:id/assessments',
    counselor: 201,
    // The supervisor reads clinical data but does not record it (CLINICAL_WRITE_DENIED).
    supervisor: 403,
    body: (_s, t) => assessmentBody(t),
  },
  {
    route: 'POST /api/cases/:id/assessments/:assessmentId/approve-override',
    counselor: 403,
    supervisor: 200,
    path: (s) => `assessments/${s.assessmentId}/approve-override`,
    prepare: async (x) => ({
      assessmentId: await createdId(
        x,
        'assessments',
        assessmentBody(x.t, { overrideLevel: 'HIGH', overrideReason: 'Escalation at home' }),
      ),
    }),
  },
  { route: 'GET /api/cases/:id/goals', counselor: 200, supervisor: 200 },
  { route: 'POST /api/cases/:id/goals', counselor: 201, supervisor: 201, body: () => GOAL },
  {
    route: 'PATCH /api/cases/:id/goals/:goalId',
    counselor: 200,
    supervisor: 200,
    path: (s) => `goals/${s.goalId}`,
    body: () => ({ version: 1, status: 'IN_PROGRESS' }),
    prepare: async (x) => ({ goalId: await createdId(x, 'goals', GOAL) }),
  },
  { route: 'GET /api/cases/:id/accountability-items', counselor: 200, supervisor: 200 },
  { route: 'POST /api/cases/:id/accountability-items', counselor: 201, supervisor: 201, body: () => ITEM },
  {
    route: 'PATCH /api/cases/:id/accountability-items/:itemId',
    counselor: 200,
    supervisor: 200,
    path: (s) => `accountability-items/${s.itemId}`,
    body: () => ({ version: 1, completedAmount: 1, verified: true }),
    prepare: async (x) => ({ itemId: await createdId(x, 'accountability-items', ITEM) }),
  },
  { route: 'GET /api/cases/:id/services', counselor: 200, supervisor: 200 },
  { route: 'POST /api/cases/:id/services', counselor: 201, supervisor: 201, body: () => SERVICE },
  {
    route: 'PATCH /api/cases/:id/services/:serviceId',
    counselor: 200,
    supervisor: 200,
    path: (s) => `services/${s.serviceId}`,
    body: () => ({ version: 1, status: 'ACTIVE' }),
    prepare: async (x) => ({ serviceId: await createdId(x, 'services', SERVICE) }),
  },
  { route: 'GET /api/cases/:id/contacts', counselor: 200, supervisor: 200 },
  {
    route: 'POST /api/cases/:id/contacts',
    counselor: 201,
    supervisor: 201,
    body: (_s, t) => contactBody(t),
  },
  { route: 'GET /api/cases/:id/notes', counselor: 200, supervisor: 200 },
  {
    route: 'POST /api/cases/:id/notes',
    counselor: 201,
    supervisor: 201,
    body: () => ({ kind: 'CASE_NOTE', body: 'Check-in by phone' }),
  },
  { route: 'GET /api/cases/:id/follow-ups', counselor: 200, supervisor: 200 },
  {
    route: 'GET /api/cases/:id/follow-ups/:window',
    counselor: 200,
    supervisor: 200,
    path: () => 'follow-ups/M6',
    prepare: withFollowUp,
  },
  {
    route: 'PATCH /api/cases/:id/follow-ups/:window',
    counselor: 200,
    supervisor: 200,
    path: () => 'follow-ups/M6',
    body: () => ({ version: 1, status: 'DONE', newLeContact: 'NONE' }),
    prepare: withFollowUp,
  },
];

const ROLES: { role: Role; email: string }[] = [
  { role: 'SRO', email: demo('sro') },
  { role: 'PD_SUPERVISOR', email: demo('sergeant') },
  { role: 'COUNSELOR', email: demo('counselor') },
  { role: 'PROVIDER_SUPERVISOR', email: demo('supervisor') },
  { role: 'ADMIN', email: demo('admin') },
  { role: 'AUDITOR', email: demo('auditor') },
];

type Relation = 'own' | 'other';

/** The permission each case route declares (its @Authenticated), read from the controllers. */
const CASE_ROUTES = listRoutes().filter((r) => r.path === '/api/cases' || r.path.startsWith('/api/cases/'));
const permissionOf = (route: string): Permission | null => {
  const declared = CASE_ROUTES.find((r) => `${r.method} ${r.path}` === route)?.auth;
  return declared && !declared.public ? declared.permission : null;
};

/**
 * A role without the route's permission: 403 whatever the case (the guard answers before the case is read).
 * With it: another counselor's or provider's case is 404; the own case answers the table's status.
 */
function expected(spec: RouteSpec, role: Role, relation: Relation): number {
  const permission = permissionOf(spec.route);
  if (!permission || !hasPermission(role, permission)) return 403;
  if (relation === 'other') return 404;
  return role === 'COUNSELOR' ? spec.counselor : spec.supervisor;
}

const MATRIX = ROUTES.flatMap((spec) =>
  ROLES.flatMap(({ role }) =>
    (spec.route === 'GET /api/cases' ? (['own'] as const) : (['own', 'other'] as const)).map(
      (relation) => [spec.route, role, relation, expected(spec, role, relation)] as const,
    ),
  ),
);

describe('case routes: authorization matrix (route × role × own/other case)', () => {
  let t: TestApp;
  let cat: Catalog;
  const sessions = {} as Record<Role, Session>;
  let sro: Session;
  /** Another counselor's case (other for the counselor) and another provider's case (other for the rest). */
  let otherCounselorsCase: OpenedCase;
  let otherProvidersCase: OpenedCase;
  let sharedOwnCase: OpenedCase;
  beforeAll(async () => {
    t = await TestApp.start();
    cat = await catalog(t);
    const logged = await Promise.all(ROLES.map(({ email }) => t.login(email)));
    ROLES.forEach(({ role }, i) => (sessions[role] = logged[i]));
    sro = sessions.SRO;
    const counselor2 = await t.login(demo('counselor2'));
    const other = await otherProvider(t);
    otherCounselorsCase = await openCase(t, cat, { sro, counselorId: counselor2.user.id });
    otherProvidersCase = await openCase(t, cat, {
      sro,
      counselorId: other.counselorId,
      providerOrgId: other.orgId,
    });
    sharedOwnCase = await openCase(t, cat, { sro, counselorId: sessions.COUNSELOR.user.id });
  });
  afterAll(() => t.close());

  it('has a row for every case route the API declares, and no row for a route that does not exist', () => {
    const declared = CASE_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(ROUTES.map((r) => r.route).sort()).toEqual(declared);
    expect(CASE_ROUTES.filter((r) => !permissionOf(`${r.method} ${r.path}`))).toEqual([]);
  });

  it.each(MATRIX)('%s as %s on the %s case answers %i', async (route, role, relation, status) => {
    const spec = ROUTES.find((r) => r.route === route)!;
    const succeeds = status < 300;
    let c: OpenedCase;
    if (relation === 'other') c = role === 'COUNSELOR' ? otherCounselorsCase : otherProvidersCase;
    else if (succeeds) c = await openCase(t, cat, { sro, counselorId: sessions.COUNSELOR.user.id });
    else c = sharedOwnCase;
    const defaults: Subs = {
      version: 1,
      targetEnd: '2030-01-15',
      consentId: randomUUID(),
      assessmentId: randomUUID(),
      goalId: randomUUID(),
      itemId: randomUUID(),
      serviceId: randomUUID(),
    };
    const subs = {
      ...defaults,
      ...(succeeds && spec.prepare ? await spec.prepare({ t, counselor: sessions.COUNSELOR, c }) : {}),
    };
    const [method, template] = route.split(' ') as [string, string];
    const rest = spec.path ? `/${spec.path(subs)}` : template.replace(/^\/api\/cases\/:id/, '');
    const url = template === '/api/cases' ? template : `/api/cases/${c.id}${rest}`;
    const res = await t.call(method, url, { as: sessions[role], body: spec.body?.(subs, t) });
    expect(res.status).toBe(status);
  });
});
