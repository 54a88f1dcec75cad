import { addCalendarDays, calendarDateIn, PROGRAM_TIME_ZONE } from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import { assessmentBody, caseRow, contactBody, type OpenedCase } from './case-workspace-fixtures';
import type { Session, TestApp } from './test-app';

/**
 * The case routes as rows of an authorization matrix: what each call sends and the status it answers on the
 * caller's own case, for the two case roles. Shared by the case matrix (cases-authorization.int-spec.ts) and the
 * matrix of every route (authorization.int-spec.ts).
 */

/** Ids and values a route's path and body need; defaults (random ids) for calls that must fail before using them. */
export interface CaseSubs {
  version: number;
  targetEnd: string;
  consentId: string;
  assessmentId: string;
  goalId: string;
  itemId: string;
  serviceId: string;
}

export interface CaseCtx {
  t: TestApp;
  /** The case's primary counselor (who records what the call needs). */
  counselor: Session;
  c: OpenedCase;
}

export interface CaseRouteSpec {
  route: string;
  /** Expected status on the caller's own case, for the two case roles (everyone else: 403). */
  counselor: number;
  supervisor: number;
  /** The part of the path after `/api/cases/:id/` (default: the template's). */
  path?: (s: CaseSubs) => string;
  body?: (s: CaseSubs, t: TestApp) => unknown;
  /** Brings a fresh own case into the state the call needs (only for calls expected to succeed). */
  prepare?: (x: CaseCtx) => Promise<Partial<CaseSubs>>;
}

const setStatus = async (x: CaseCtx, sql: string, params: unknown[] = []) => {
  await x.t.db.query(`UPDATE cases SET ${sql} WHERE id = $1`, [x.c.id, ...params]);
  return {};
};
const createdId = async (x: CaseCtx, part: string, body: unknown): Promise<string> => {
  const res = await x.t.call('POST', `/api/cases/${x.c.id}/${part}`, { as: x.counselor, body });
  if (res.status !== 201) throw new Error(`prepare ${part}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
};
const inReview = (x: CaseCtx) =>
  setStatus(
    x,
    `status = 'CLOSURE_REVIEW', status_before_closure = 'ACTIVE', closure_requested_by = $2,
     closure_requested_at = now(), closure_reason = 'OTHER'`,
    [x.counselor.user.id],
  );
const withFollowUp = async (x: CaseCtx) => {
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

export const CASE_ROUTE_SPECS: CaseRouteSpec[] = [
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

/** Defaults for calls that must fail before using them (and the fields a prepare hook does not set). */
export function defaultCaseSubs(): CaseSubs {
  return {
    version: 1,
    targetEnd: '2030-01-15',
    consentId: randomUUID(),
    assessmentId: randomUUID(),
    goalId: randomUUID(),
    itemId: randomUUID(),
    serviceId: randomUUID(),
  };
}
