import 'reflect-metadata';
import {
  POLICE_ROLES,
  type AccountabilityItemView,
  type AssessmentView,
  type CaseDetail,
  type CaseListItem,
  type ConsentView,
  type ContactView,
  type CreateReferralResponse,
  type FollowUpView,
  type GoalView,
  type NoteView,
  type OutreachCounts,
  type ProviderReferralDetail,
  type ReferralStatus,
  type Role,
  type ServiceEnrollmentView,
} from '@pathways/contracts';
import { hasPermission } from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import type { AuthDeclaration } from '../src/auth/authenticated.decorator';
import { DEMO_PASSWORD } from '../src/database/seed/seed-demo';
import { listRoutes } from '../src/routes';
import { addUser, otherAgency, signedInCopy } from './support/access-fixtures';
import { CASE_ROUTE_SPECS, type CaseSubs, defaultCaseSubs } from './support/case-route-table';
import {
  assessmentBody,
  closeCase,
  contactBody,
  openCase,
  type OpenedCase,
  otherProvider,
} from './support/case-workspace-fixtures';
import {
  contact,
  enrolled,
  type Flow,
  freshYouth,
  ok,
  participation,
  type People,
  signIn,
  submitted,
} from './support/referral-flow';
import { catalog, type Catalog, referralBody } from './support/referral-fixtures';
import { demo, type Loose, type Session, TestApp } from './support/test-app';

/**
 * The authorization matrix of the whole API (QUALITY.md): every route of `listRoutes()` × every role × the kind of
 * record it is called on (the caller's own, another user's of the caller's organization, another organization's),
 * with the expected status, generated from the one table ROUTES below; plus a signed-out row per route.
 *
 * The expected status is derived, not written per cell (ACCESS.md):
 * - a role without the route's permission (libs/domain `hasPermission`) gets 403 (code FORBIDDEN), whatever the record;
 * - with it, a record the role may not see is 404 (code NOT_FOUND), never 403 — who sees what is `SEES` below;
 * - a visible record answers the row's `ok` status (2xx, or the business status a row documents);
 * - a list route answers 200 and lists the record exactly when the role may see it;
 * - signed out, every route but the public ones answers 401.
 * Every 2xx answer to a police user (SRO, PD_SUPERVISOR) is walked for case-work and clinical keys (FORBIDDEN_KEYS,
 * from libs/contracts) and searched for the clinical text the shared cases carry (SECRETS; CSV answers: the text only).
 *
 * "Own" per role: an SRO's own referral/event/contact is one they made; a PD supervisor's, one the demo SRO of the
 * agency made; a counselor's, a referral/case assigned to them; a provider supervisor's, one of the provider's
 * assigned to the demo counselor; an ADMIN's, a user of their organization; an AUDITOR's, an audit row of it.
 * "Other user": the same made by sro2@ / assigned to counselor2@ (users and audit rows have no such kind).
 * "Other organization": a referral of a second police agency moved to a second provider, that provider's case,
 * that agency's event and school contact, a user or an audit row of the other demo organization.
 */

type Relation = 'own' | 'otherUser' | 'otherOrg';
type Kind = 'none' | 'catalog' | 'referral' | 'case' | 'communityEvent' | 'schoolContact' | 'user' | 'audit';

const ROLES: readonly Role[] = [
  'SRO',
  'PD_SUPERVISOR',
  'COUNSELOR',
  'PROVIDER_SUPERVISOR',
  'ADMIN',
  'AUDITOR',
];
/** The demo account each role signs in as. */
const PERSON: Record<Role, keyof People> = {
  SRO: 'sro',
  PD_SUPERVISOR: 'sergeant',
  COUNSELOR: 'counselor',
  PROVIDER_SUPERVISOR: 'supervisor',
  ADMIN: 'admin',
  AUDITOR: 'auditor',
};
const ALL: readonly Relation[] = ['own', 'otherUser', 'otherOrg'];
/** The record kinds each kind of route is called on. Catalogs are shared by every organization: own only. */
const RELATIONS: Record<Kind, readonly Relation[]> = {
  none: ['own'],
  catalog: ['own'],
  referral: ALL,
  case: ALL,
  communityEvent: ALL,
  schoolContact: ALL,
  user: ['own', 'otherOrg'],
  audit: ['own', 'otherOrg'],
};

/** Who sees which record (ACCESS.md "Data categories × roles"); the permission is checked before this. */
const SEES: Record<Kind, (role: Role, relation: Relation) => boolean> = {
  none: () => true,
  catalog: () => true,
  // SRO: own; PD supervisor: the agency's; counselor: assigned; provider supervisor: all of the provider's.
  referral: (role, rel) =>
    rel === 'own' || (rel === 'otherUser' && (role === 'PD_SUPERVISOR' || role === 'PROVIDER_SUPERVISOR')),
  // Counselor: assigned (primary counselor); provider supervisor: all of the provider's.
  case: (role, rel) => rel === 'own' || (rel === 'otherUser' && role === 'PROVIDER_SUPERVISOR'),
  // Community events belong to the agency.
  communityEvent: (_role, rel) => rel !== 'otherOrg',
  // School contacts: an SRO their own, a PD supervisor the agency's.
  schoolContact: (role, rel) => rel === 'own' || (rel === 'otherUser' && role === 'PD_SUPERVISOR'),
  // Users and audit rows: the caller's organization.
  user: (_role, rel) => rel === 'own',
  audit: (_role, rel) => rel === 'own',
};

/** A record a row is called on (shared by the rows that do not change it), and the list filter that finds it. */
interface Rec {
  id: string;
  filter: string;
}

/** Ids and values a route's path and body need. */
interface Subs extends CaseSubs {
  id: string;
  counselorId: string;
  duplicateOfId: string;
}

/**
 * The people a fresh record of a relation belongs to (own: sro@ and counselor@; other user: sro2@, counselor2@).
 * Another organization's record is never visible, so never made fresh: the shared one serves every row.
 */
interface Owner {
  sro: Session;
  counselor: Session;
}

interface Ctx {
  t: TestApp;
  /** The caller (null: signed out). */
  as: Session | null;
  /** The e-mail the caller signs in with. */
  email: string;
  owner: Owner;
  flow: Flow;
}

interface RouteSpec {
  route: string;
  /** The record the route is called on or lists (default: none). */
  kind?: Kind;
  /** The status when the caller has the permission and sees the record: one for all, or per role. */
  ok: number | Partial<Record<Role, number>>;
  /** A list route: the URL that lists the record (filtered to it), for the listed / not listed check. */
  list?: (rec: Rec) => string;
  /** The URL (default: the template with `:id` = the record). */
  url?: (s: Subs) => string;
  body?: (s: Subs, x: Ctx) => unknown;
  /** A fresh record in the state the call needs (only for calls expected to be allowed). */
  prepare?: (x: Ctx) => Promise<Partial<Subs>>;
  /** Another session of the caller's role for calls that end the session or change the account. */
  session?: (x: Ctx) => Promise<Session>;
}

let t: TestApp;
let cat: Catalog;
let people: People;
let signedInAt = 0;
let otherAgencySro: Session;
const REC = {} as Record<Exclude<Kind, 'user' | 'audit'>, Record<Relation, Rec>> &
  Record<'user' | 'audit', Record<'police' | 'provider', Record<Relation, Rec>>>;
let shared: Record<Relation, { referralId: string; caseId: string }>;

const uid = () => randomUUID().slice(0, 8);
const flowOf = (): Flow => ({ t, c: cat, as: people });
const ownerOf = (relation: Relation): Owner =>
  relation === 'otherUser'
    ? { sro: people.sro2, counselor: people.counselor2 }
    : { sro: people.sro, counselor: people.counselor };

// Fixtures ---------------------------------------------------------------------------------------------------------

/** A saved draft of the owner's SRO (a complete form, so it can be submitted). */
const draft = async (x: Ctx): Promise<Partial<Subs>> => {
  const body = { ...referralBody(cat, { youth: freshYouth() }), submit: false };
  const r = ok(await t.call('POST', '/api/referrals', { as: x.owner.sro, body }), 201, 'draft');
  return { id: r.id, version: r.version };
};

interface StateOptions {
  /** A decision returned to the referring officer. */
  returned?: boolean;
  /** The eligibility checklist failed: a supervisor must override it. */
  needsOverride?: boolean;
  /** Three outreach attempts over three modalities (the unable-to-contact rule is met). */
  attempts?: boolean;
}

/**
 * A referral submitted by the owner's SRO through the API and put in `status` (at version 1) by SQL, assigned to the
 * owner's counselor in the outreach states — as the referral state-machine test does.
 */
const inState =
  (status: ReferralStatus, o: StateOptions = {}) =>
  async (x: Ctx): Promise<Partial<Subs>> => {
    const r = await submitted(x.flow, {}, x.owner.sro);
    const assigned = status === 'OUTREACH' || status === 'CONSENT_PENDING';
    await t.db.query(
      `UPDATE referrals SET status = $2, assigned_counselor_id = $3::uuid,
              assigned_at = CASE WHEN $3::uuid IS NULL THEN NULL ELSE received_at END,
              returned_to_referrer_at = CASE WHEN $4 THEN received_at END,
              eligibility = CASE WHEN $5 THEN jsonb_set(eligibility, '{decision}', '"NEEDS_OVERRIDE"')
                                 ELSE eligibility END
        WHERE id = $1`,
      [r.id, status, assigned ? x.owner.counselor.user.id : null, !!o.returned, !!o.needsOverride],
    );
    if (o.attempts)
      await t.db.query(
        `INSERT INTO contacts (referral_id, occurred_at, contact_type, modality, result, organization_id, created_by)
         SELECT $1, $2::timestamptz + (i || ' hours')::interval, 'OUTREACH_ATTEMPT', m, 'NO_ANSWER', $3, $4
           FROM unnest(ARRAY['PHONE', 'TEXT', 'HOME']) WITH ORDINALITY AS x(m, i)`,
        [r.id, r.receivedAt, r.providerOrgId, x.owner.counselor.user.id],
      );
    return { id: r.id, version: r.version, counselorId: x.owner.counselor.user.id };
  };

/** A catalog entry made by the caller (an ADMIN) through the API. */
const catalogEntry =
  (path: string, body: () => Record<string, unknown>) =>
  async (x: Ctx): Promise<Partial<Subs>> => {
    const r = ok(await t.call('POST', path, { as: x.as!, body: body() }), 201, path);
    return { id: r.id, version: r.version };
  };
const SCHOOL = () => ({
  name: `Authorization Test School ${uid()}`,
  level: 'HIGH',
  kind: 'CHARTER',
  district: 'Test District',
  inCvpdJurisdiction: true,
});
const REASON_CODE = () => ({
  code: `AUTHZ_${uid().toUpperCase()}`,
  label: 'Authorization test reason',
  kind: 'CONCERN',
  excludedFromDiversion: false,
});
const SERVICE_TYPE = () => ({ code: `AUTHZ_${uid().toUpperCase()}`, label: 'Authorization test service' });
const RESOURCE = () => ({
  key: `authz-${uid()}`,
  name: 'Authorization test resource',
  category: 'COUNSELING',
});

/** A user of the caller's organization, made in SQL (so no demo account is reset or deactivated). */
const userOfCallersOrg = async (x: Ctx): Promise<Partial<Subs>> => {
  const { id } = await addUser(t, x.as!.user.organization.id, 'COUNSELOR', 'User To Administer');
  return { id, version: 1 };
};

const communityEvent = (over: Record<string, unknown> = {}) => ({
  type: 'SAFETY_PATROL',
  occurredOn: '2026-02-03',
  schoolId: cat.schoolId,
  participantCount: 40,
  ...over,
});
const schoolContact = (over: Record<string, unknown> = {}) => ({
  occurredAt: '2026-02-03T18:00:00Z',
  schoolId: cat.schoolId,
  reasonCodes: ['VAPING_TOBACCO'],
  disposition: 'SCHOOL_DISCIPLINE_ONLY',
  ageBand: '15-16',
  ...over,
});
/** The day the shared events and school contacts happened (no demo record falls on it). */
const SHARED_DAY = '2019-06-03';

// The table --------------------------------------------------------------------------------------------------------

const referralRow = (
  route: string,
  okStatus: number,
  prepare?: RouteSpec['prepare'],
  body?: RouteSpec['body'],
): RouteSpec => ({ route, kind: 'referral', ok: okStatus, prepare, body });
const version = (s: Subs) => ({ version: s.version });

/** The case rows of the case matrix, on the same table: a fresh case of the owner's counselor for allowed calls. */
const CASE_ROWS: RouteSpec[] = CASE_ROUTE_SPECS.map((c): RouteSpec => {
  const template = c.route.split(' ')[1];
  if (template === '/api/cases')
    return { route: c.route, kind: 'case', ok: 200, list: (rec) => `/api/cases?${rec.filter}` };
  return {
    route: c.route,
    kind: 'case',
    ok: { COUNSELOR: c.counselor, PROVIDER_SUPERVISOR: c.supervisor },
    url: (s) => (c.path ? `/api/cases/${s.id}/${c.path(s)}` : template.replace(':id', s.id)),
    body: c.body && ((s, x) => c.body!(s, x.t)),
    prepare: async (x) => {
      const opened: OpenedCase = await openCase(t, cat, {
        sro: x.owner.sro,
        counselorId: x.owner.counselor.user.id,
      });
      const more = c.prepare ? await c.prepare({ t, counselor: x.owner.counselor, c: opened }) : {};
      return { id: opened.id, ...more };
    },
  };
});

const ROUTES: RouteSpec[] = [
  // Sign-in and the own session. Public routes answer the same to everyone, signed in or not.
  {
    route: 'POST /api/auth/login',
    ok: 200,
    body: (_s, x) => ({ email: x.email, password: DEMO_PASSWORD }),
  },
  // No sign-in is waiting for a second step under this challenge: 401 AUTH_MFA_INVALID (the business answer).
  {
    route: 'POST /api/auth/mfa',
    ok: 401,
    body: () => ({ challenge: 'no-such-challenge', code: '123456' }),
  },
  // Ends a second session of the caller's account, so the shared one stays signed in.
  { route: 'POST /api/auth/logout', ok: 204, session: (x) => t.login(x.email) },
  { route: 'GET /api/auth/me', ok: 200 },
  { route: 'PATCH /api/auth/me', ok: 200, body: () => ({ locale: 'en' }) },
  // Changes the password of a signed-in copy of the caller's account (same organization and role).
  {
    route: 'POST /api/auth/password',
    ok: 204,
    session: (x) => signedInCopy(t, x.as!),
    body: () => ({ currentPassword: DEMO_PASSWORD, newPassword: 'Another long passphrase 2026!' }),
  },
  // A new pending secret only: two-step verification stays off until a code confirms it.
  { route: 'POST /api/auth/mfa/enroll', ok: 200, body: () => ({}) },

  // The audit console (AUDITOR): the own organization's rows only.
  { route: 'GET /api/audit', kind: 'audit', ok: 200, list: (rec) => `/api/audit?${rec.filter}` },
  { route: 'GET /api/audit/verify', ok: 200 },
  { route: 'GET /api/audit/actors', ok: 200 },
  { route: 'GET /api/audit/review', ok: 200 },
  { route: 'GET /api/audit/export', ok: 200 },

  // Users: the assignment picker, and account administration inside the ADMIN's organization.
  { route: 'GET /api/users', kind: 'user', ok: 200, list: (rec) => `/api/users?${rec.filter}` },
  { route: 'GET /api/admin/users', kind: 'user', ok: 200, list: (rec) => `/api/admin/users?${rec.filter}` },
  {
    route: 'POST /api/admin/users',
    ok: 201,
    body: () => ({
      email: `new-${uid()}@test.pathways.local`,
      displayName: 'New Counselor',
      role: 'COUNSELOR',
    }),
  },
  {
    route: 'PATCH /api/admin/users/:id',
    kind: 'user',
    ok: 200,
    prepare: userOfCallersOrg,
    body: (s) => ({ version: s.version, displayName: 'Renamed By Admin' }),
  },
  { route: 'POST /api/admin/users/:id/unlock', kind: 'user', ok: 200, prepare: userOfCallersOrg },
  { route: 'POST /api/admin/users/:id/reset-mfa', kind: 'user', ok: 200, prepare: userOfCallersOrg },
  { route: 'POST /api/admin/users/:id/reset-password', kind: 'user', ok: 200, prepare: userOfCallersOrg },
  { route: 'GET /api/admin/organization', ok: 200 },
  {
    route: 'PATCH /api/admin/organization',
    ok: 200,
    prepare: async (x) => ({
      version: ok(await t.call('GET', '/api/admin/organization', { as: x.as! }), 200, 'organization').version,
    }),
    body: (s) => ({ version: s.version, profile: { phone: '(619) 555-0199' } }),
  },
  { route: 'GET /api/admin/retention', ok: 200 },
  { route: 'GET /api/admin/retention/dry-run', ok: 200 },
  { route: 'POST /api/admin/retention/run', ok: 200 },

  // Catalogs: read by everyone signed in; administered by the ADMIN (shared by every organization).
  { route: 'GET /api/schools', ok: 200 },
  { route: 'GET /api/reason-codes', ok: 200 },
  { route: 'GET /api/service-types', ok: 200 },
  { route: 'GET /api/resources', ok: 200 },
  { route: 'GET /api/public/resources', ok: 200 },
  { route: 'GET /api/admin/schools', ok: 200 },
  { route: 'POST /api/admin/schools', ok: 201, body: SCHOOL },
  {
    route: 'PATCH /api/admin/schools/:id',
    kind: 'catalog',
    ok: 200,
    prepare: catalogEntry('/api/admin/schools', SCHOOL),
    body: (s) => ({ version: s.version, name: `Renamed Test School ${uid()}` }),
  },
  { route: 'GET /api/admin/reason-codes', ok: 200 },
  { route: 'POST /api/admin/reason-codes', ok: 201, body: REASON_CODE },
  {
    route: 'PATCH /api/admin/reason-codes/:id',
    kind: 'catalog',
    ok: 200,
    prepare: catalogEntry('/api/admin/reason-codes', REASON_CODE),
    body: (s) => ({ version: s.version, label: 'Renamed test reason' }),
  },
  { route: 'GET /api/admin/service-types', ok: 200 },
  { route: 'POST /api/admin/service-types', ok: 201, body: SERVICE_TYPE },
  {
    route: 'PATCH /api/admin/service-types/:id',
    kind: 'catalog',
    ok: 200,
    prepare: catalogEntry('/api/admin/service-types', SERVICE_TYPE),
    body: (s) => ({ version: s.version, label: 'Renamed test service' }),
  },
  { route: 'GET /api/admin/resources', ok: 200 },
  { route: 'POST /api/admin/resources', ok: 201, body: RESOURCE },
  {
    route: 'PATCH /api/admin/resources/:id',
    kind: 'catalog',
    ok: 200,
    prepare: catalogEntry('/api/admin/resources', RESOURCE),
    body: (s) => ({ version: s.version, name: 'Renamed test resource' }),
  },
  { route: 'GET /api/health', ok: 200 },
  {
    route: 'GET /api/youth/matches',
    ok: 200,
    url: () => '/api/youth/matches?firstName=Marisol&lastName=Quintero',
  },

  // Referrals: intake by the referring officer (author only), triage by the provider supervisor, outreach.
  {
    route: 'POST /api/referrals',
    ok: 201,
    body: () => referralBody(cat, { youth: freshYouth() }),
  },
  { route: 'GET /api/referrals', kind: 'referral', ok: 200, list: (rec) => `/api/referrals?${rec.filter}` },
  referralRow('GET /api/referrals/:id', 200),
  referralRow('PATCH /api/referrals/:id', 200, draft, (s) => ({
    version: s.version,
    narrative: 'Corrected: the fight started in the hallway.',
  })),
  referralRow('DELETE /api/referrals/:id', 204, draft),
  referralRow('POST /api/referrals/:id/submit', 200, draft, version),
  referralRow('POST /api/referrals/:id/withdraw', 200, inState('SUBMITTED'), (s) => ({
    version: s.version,
    reason: 'Handled by the school instead',
  })),
  referralRow(
    'POST /api/referrals/:id/acknowledge-return',
    200,
    inState('INELIGIBLE', { returned: true }),
    version,
  ),
  referralRow('POST /api/referrals/:id/acknowledge', 200, inState('SUBMITTED'), version),
  referralRow('POST /api/referrals/:id/request-info', 200, inState('SUBMITTED'), (s) => ({
    version: s.version,
    message: 'Please add the school counselor’s name.',
  })),
  referralRow('POST /api/referrals/:id/assign', 200, inState('TRIAGE'), (s) => ({
    version: s.version,
    counselorId: s.counselorId,
  })),
  referralRow('POST /api/referrals/:id/ineligible', 200, inState('SUBMITTED'), (s) => ({
    version: s.version,
    reason: 'Lives outside the service area',
  })),
  referralRow('POST /api/referrals/:id/mark-duplicate', 200, inState('SUBMITTED'), (s) => ({
    version: s.version,
    duplicateOfId: s.duplicateOfId,
  })),
  referralRow(
    'POST /api/referrals/:id/override-eligibility',
    200,
    inState('SUBMITTED', { needsOverride: true }),
    (s) => ({ version: s.version, reason: 'Weapon was a toy; DA agrees to diversion' }),
  ),
  referralRow('POST /api/referrals/:id/contacts', 201, inState('OUTREACH'), (_s, x) => contact(x.flow)),
  referralRow('GET /api/referrals/:id/contacts', 200),
  referralRow(
    'POST /api/referrals/:id/unable-to-contact',
    200,
    inState('OUTREACH', { attempts: true }),
    version,
  ),
  referralRow('POST /api/referrals/:id/decline', 200, inState('CONSENT_PENDING'), (s) => ({
    version: s.version,
    reason: 'Family prefers private counseling',
  })),
  referralRow('POST /api/referrals/:id/enroll', 201, inState('CONSENT_PENDING'), (s, x) => ({
    version: s.version,
    consents: [participation(x.flow)],
  })),

  // Police-side records without names: school contacts (own / agency's) and community events (the agency's).
  { route: 'POST /api/school-contacts', ok: 201, body: () => schoolContact() },
  {
    route: 'GET /api/school-contacts',
    kind: 'schoolContact',
    ok: 200,
    list: (rec) => `/api/school-contacts?${rec.filter}`,
  },
  {
    route: 'GET /api/community-events',
    kind: 'communityEvent',
    ok: 200,
    list: (rec) => `/api/community-events?${rec.filter}`,
  },
  { route: 'POST /api/community-events', ok: 201, body: () => communityEvent() },
  {
    route: 'PATCH /api/community-events/:id',
    kind: 'communityEvent',
    ok: 200,
    prepare: async (x) => {
      const e = ok(
        await t.call('POST', '/api/community-events', { as: x.owner.sro, body: communityEvent() }),
        201,
        'event',
      );
      return { id: e.id, version: e.version };
    },
    body: (s) => ({ version: s.version, participantCount: 55 }),
  },

  // Notices to the referring agency.
  { route: 'GET /api/notices', ok: 200 },
  referralRow('GET /api/referrals/:id/notices', 200),

  ...CASE_ROWS,

  // Work lists and reports.
  { route: 'GET /api/tasks', ok: 200 },
  { route: 'GET /api/caseloads', ok: 200 },
  { route: 'GET /api/reports/outcomes', ok: 200 },
  { route: 'GET /api/reports/outcomes.csv', ok: 200 },
  { route: 'GET /api/public/dashboard', ok: 200 },
];

// What police users never receive ------------------------------------------------------------------------------------

/** The provider's working fields of a referral: ProviderReferralDetail minus the police DTO (every one, checked by tsc). */
type ProviderOnlyKey = Exclude<keyof ProviderReferralDetail, keyof CreateReferralResponse>;
const PROVIDER_REFERRAL_KEYS = [
  'assignedCounselorId',
  'declineReason',
  'duplicateOfId',
  'returnedToReferrerAt',
  'assignedCounselorName',
  'assignedAt',
  'ineligibleReason',
  'returnAcknowledgedAt',
  'caseId',
  'caseNumber',
  'outreach',
] as const satisfies readonly ProviderOnlyKey[];
type Unlisted = Exclude<ProviderOnlyKey, (typeof PROVIDER_REFERRAL_KEYS)[number]>;
const everyProviderKeyListed: [Unlisted] extends [never] ? true : Unlisted = true;

/**
 * The distinctive keys of the case-work and clinical DTOs (each checked against its contract by tsc). Keys a police
 * DTO uses too are left out (Eligibility.overrideReason, the public dashboard's `participants`): the text check
 * (SECRETS) catches what such a field would carry.
 */
const CASE_WORK_KEYS = [
  ...([
    'caseNumber',
    'statusReason',
    'primaryCounselorId',
    'primaryCounselorName',
    'clocks',
    'closure',
    'safetyFlags',
    'abilities',
  ] as const satisfies readonly (keyof CaseDetail)[]),
  ...([
    'safetyFlag',
    'lastContactAt',
    'serviceProgramInitiatedAt',
  ] as const satisfies readonly (keyof CaseListItem)[]),
  ...([
    'instrument',
    'timing',
    'administeredAt',
    'overallLevel',
    'totalScore',
    'domainScores',
    'flags',
    'overrideLevel',
    'overrideApprovedBy',
    'overrideApprovedAt',
    'effectiveLevel',
  ] as const satisfies readonly (keyof AssessmentView)[]),
  ...([
    'body',
    'authorId',
    'authorName',
    'amendsId',
    'amendedById',
  ] as const satisfies readonly (keyof NoteView)[]),
  ...(['domain'] as const satisfies readonly (keyof GoalView)[]),
  ...([
    'requiredAmount',
    'completedAmount',
    'verifiedBy',
    'verifiedByName',
    'verifiedAt',
  ] as const satisfies readonly (keyof AccountabilityItemView)[]),
  ...([
    'serviceType',
    'serviceTypeLabel',
    'serviceTypeLabelEs',
    'sessionsPlanned',
  ] as const satisfies readonly (keyof ServiceEnrollmentView)[]),
  ...([
    'contactType',
    'modality',
    'durationMin',
    'interpreterUsed',
    'serviceEnrollmentId',
  ] as const satisfies readonly (keyof ContactView)[]),
  ...([
    'newLeContact',
    'attendanceRate',
    'suspensions',
    'linkedReferralId',
  ] as const satisfies readonly (keyof FollowUpView)[]),
  ...([
    'youthAssent',
    'minorSelfConsentBasis',
    'signatureMethod',
  ] as const satisfies readonly (keyof ConsentView)[]),
  ...([
    'attemptRuleMet',
    'firstAttemptAt',
    'completedContacts',
  ] as const satisfies readonly (keyof OutreachCounts)[]),
];

/** The parts of a case (GET /api/cases/:id/<part>: assessments, notes, goals, services, contacts ...) as keys. */
const CASE_PARTS = [
  ...new Set(
    listRoutes().flatMap((r) => {
      const part = r.method === 'GET' ? /^\/api\/cases\/:id\/([a-z-]+)$/.exec(r.path)?.[1] : undefined;
      return part ? [part.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] : [];
    }),
  ),
];

const FORBIDDEN_KEYS = new Set<string>([
  ...PROVIDER_REFERRAL_KEYS,
  ...CASE_WORK_KEYS,
  ...CASE_PARTS,
  'plan',
  'casePlan',
  'caseNotes',
  'clinical',
  'clinicalNotes',
  'psychotherapyNotes',
]);

/**
 * Forbidden keys a police DTO carries by contract, always empty for police: NoticeView.caseId (the provider's case)
 * and ProgramStatus.goals (goal counts, only under a release of information to the agency; the fixtures hold none).
 */
const NULL_FOR_POLICE = [/^(items)?\[\d+\]\.caseId$/, /(^|\.)programStatus\.goals$/];

/** The paths of forbidden keys in a JSON value, e.g. `items[0].caseNumber`. */
function forbiddenPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenPaths(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const at = path ? `${path}.${k}` : k;
    const here =
      FORBIDDEN_KEYS.has(k) && !(v === null && NULL_FOR_POLICE.some((p) => p.test(at))) ? [at] : [];
    return [...here, ...forbiddenPaths(v, at)];
  });
}

/** Text recorded on the shared cases: none of it may reach a police user. */
const SECRETS = {
  caseNote: 'Casenote-sentinel-4e1b',
  clinical: 'Clinical-sentinel-9c2d',
  psychotherapy: 'Psychotherapy-sentinel-7a3f',
  goal: 'Goal-sentinel-2b8e',
  item: 'Accountability-sentinel-5d6a',
  override: 'Override-sentinel-8f0c',
};

const isPolice = (role: Role | null) => role !== null && POLICE_ROLES.includes(role);

function expectNothingClinical(res: { body: unknown }): void {
  expect(forbiddenPaths(res.body)).toEqual([]);
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  expect(Object.values(SECRETS).filter((s) => text.includes(s))).toEqual([]);
}

// The expected statuses ----------------------------------------------------------------------------------------------

const DECLARED = new Map(listRoutes().map((r) => [`${r.method} ${r.path}`, r.auth]));

type Why = 'public' | 'signedOut' | 'permission' | 'hidden' | 'allowed';
interface Expectation {
  status: number;
  why: Why;
  /** List routes: the record is listed. */
  listed?: boolean;
}

const declaration = (route: string): AuthDeclaration => {
  const auth = DECLARED.get(route);
  if (!auth) throw new Error(`${route} is not a declared route`);
  return auth;
};

function okStatus(spec: RouteSpec, role: Role | null): number {
  if (typeof spec.ok === 'number') return spec.ok;
  const status = role && spec.ok[role];
  if (status === undefined || status === null) throw new Error(`${spec.route}: no status for ${role}`);
  return status;
}

function expected(spec: RouteSpec, role: Role, relation: Relation): Expectation {
  const auth = declaration(spec.route);
  if (auth.public) return { status: okStatus(spec, role), why: 'public' };
  if (!hasPermission(role, auth.permission)) return { status: 403, why: 'permission' };
  const sees = SEES[spec.kind ?? 'none'](role, relation);
  if (spec.list) return { status: okStatus(spec, role), why: 'allowed', listed: sees };
  if (!sees) return { status: 404, why: 'hidden' };
  return { status: okStatus(spec, role), why: 'allowed' };
}

const RELATION_LABEL: Record<Relation, string> = {
  own: 'its own record',
  otherUser: "another user's record",
  otherOrg: "another organization's record",
};

/** The rows of declared routes (a row for a route that is gone fails the inventory test instead). */
const DECLARED_ROWS = ROUTES.filter((spec) => DECLARED.has(spec.route));

/** One row per route × role × record kind, with its expected status in the title. */
const MATRIX = DECLARED_ROWS.flatMap((spec) =>
  ROLES.flatMap((role) =>
    RELATIONS[spec.kind ?? 'none'].map((relation) => {
      const e = expected(spec, role, relation);
      const on =
        spec.kind === undefined || spec.kind === 'none' || spec.kind === 'catalog'
          ? ''
          : ` on ${RELATION_LABEL[relation]}`;
      const listed = e.listed === undefined ? '' : e.listed ? ' listing it' : ' without it';
      return { title: `${spec.route} as ${role}${on} answers ${e.status}${listed}`, spec, role, relation };
    }),
  ),
);

/** The record a row is called on: the shared one of its relation, seen from the caller's organization. */
function recordOf(kind: Kind, relation: Relation, role: Role | null): Rec {
  if (kind === 'none' || kind === 'catalog') return { id: randomUUID(), filter: '' };
  if (kind === 'user' || kind === 'audit')
    return REC[kind][role && isPolice(role) ? 'police' : 'provider'][relation];
  return REC[kind][relation];
}

/** Signs everyone in again once the clock has moved far enough for sessions to near their idle timeout. */
async function freshSessions(): Promise<void> {
  if (people && t.clock.now().getTime() - signedInAt < 20 * 60_000) return;
  signedInAt = t.clock.now().getTime();
  people = await signIn(t);
}

async function run(spec: RouteSpec, role: Role | null, relation: Relation, e: Expectation) {
  await freshSessions();
  const as = role ? people[PERSON[role]] : null;
  const x: Ctx = {
    t,
    as,
    email: as?.user.email ?? demo('sro'),
    owner: ownerOf(relation),
    flow: flowOf(),
  };
  const rec = recordOf(spec.kind ?? 'none', relation, role);
  const subs: Subs = {
    ...defaultCaseSubs(),
    id: rec.id,
    counselorId: people.counselor.user.id,
    duplicateOfId: shared.own.referralId,
  };
  const allowed = e.why === 'allowed' || e.why === 'public';
  if (allowed && spec.prepare) Object.assign(subs, await spec.prepare(x));
  const session = allowed && spec.session ? await spec.session(x) : as;
  const [method, template] = spec.route.split(' ') as [string, string];
  const url = spec.list ? spec.list(rec) : spec.url ? spec.url(subs) : template.replace(':id', subs.id);
  const res = await t.call(method, url, { as: session ?? undefined, body: spec.body?.(subs, x) });
  return { res, rec };
}

// The tests ---------------------------------------------------------------------------------------------------------

describe('authorization matrix: every route × every role × own / other-user / other-organization record', () => {
  beforeAll(async () => {
    t = await TestApp.start();
    cat = await catalog(t);
    await freshSessions();
    const agency = await otherAgency(t);
    otherAgencySro = await t.login(agency.sroEmail);
    const provider = await otherProvider(t);

    // Referrals and cases: enrolled through the API with clinical work recorded (own: sro@ and counselor@;
    // other user: sro2@ and counselor2@); the other organization's opened for the other agency's SRO and moved
    // to the other provider.
    const own = await enrolled(flowOf());
    const otherUser = await enrolled({
      ...flowOf(),
      as: { ...people, sro: people.sro2, counselor: people.counselor2 },
    });
    const otherOrg = await openCase(t, cat, {
      sro: otherAgencySro,
      counselorId: provider.counselorId,
      providerOrgId: provider.orgId,
    });
    await recordCaseWork(own.caseId, people.counselor);
    await recordCaseWork(otherUser.caseId, people.counselor2);
    shared = {
      own: { referralId: own.referral.id, caseId: own.caseId },
      otherUser: { referralId: otherUser.referral.id, caseId: otherUser.caseId },
      otherOrg: { referralId: otherOrg.referralId, caseId: otherOrg.id },
    };
    REC.referral = {
      own: { id: own.referral.id, filter: `q=${own.referral.referenceNumber}` },
      otherUser: { id: otherUser.referral.id, filter: `q=${otherUser.referral.referenceNumber}` },
      otherOrg: { id: otherOrg.referralId, filter: `q=${otherOrg.referenceNumber}` },
    };
    REC.case = {
      own: { id: own.caseId, filter: `q=${own.caseNumber}` },
      otherUser: { id: otherUser.caseId, filter: `q=${otherUser.caseNumber}` },
      otherOrg: { id: otherOrg.id, filter: `q=${otherOrg.caseNumber}` },
    };

    // Police-side records of the shared day, by sro@, sro2@ and the other agency's SRO.
    const makers: Record<Relation, Session> = {
      own: people.sro,
      otherUser: people.sro2,
      otherOrg: otherAgencySro,
    };
    const day = `from=${SHARED_DAY}&to=${SHARED_DAY}&pageSize=100`;
    const made = async (path: string, body: unknown, as: Session): Promise<Rec> => ({
      id: ok(await t.call('POST', path, { as, body }), 201, path).id,
      filter: day,
    });
    REC.communityEvent = {} as Record<Relation, Rec>;
    REC.schoolContact = {} as Record<Relation, Rec>;
    for (const relation of ALL) {
      REC.communityEvent[relation] = await made(
        '/api/community-events',
        communityEvent({ occurredOn: SHARED_DAY }),
        makers[relation],
      );
      REC.schoolContact[relation] = await made(
        '/api/school-contacts',
        schoolContact({ occurredAt: `${SHARED_DAY}T18:00:00Z` }),
        makers[relation],
      );
    }

    // Users and audit rows, seen from each demo organization.
    const user = (s: Session): Rec => ({ id: s.user.id, filter: `role=${s.user.role}` });
    REC.user = {
      police: { own: user(people.sro2), otherUser: user(people.sro2), otherOrg: user(people.counselor2) },
      provider: {
        own: user(people.counselor2),
        otherUser: user(people.counselor2),
        otherOrg: user(people.sro2),
      },
    };
    const auditRow = async (actor: Session): Promise<Rec> => {
      const [row] = await t.auditRows(`actor_id = $1 AND entity_id = $2`, [actor.user.id, own.referral.id]);
      return { id: row.id, filter: `entityId=${own.referral.id}&actorId=${actor.user.id}&pageSize=100` };
    };
    const policeRow = await auditRow(people.sro);
    const providerRow = await auditRow(people.counselor);
    REC.audit = {
      police: { own: policeRow, otherUser: policeRow, otherOrg: providerRow },
      provider: { own: providerRow, otherUser: providerRow, otherOrg: policeRow },
    };
  }, 120_000);
  afterAll(() => t.close());

  /** Assessment, notes of every kind, a goal, an accountability item, a service and a session, by `counselor`. */
  async function recordCaseWork(caseId: string, counselor: Session): Promise<void> {
    const post = async (part: string, body: unknown) =>
      ok(await t.call('POST', `/api/cases/${caseId}/${part}`, { as: counselor, body }), 201, part);
    await post(
      'assessments',
      assessmentBody(t, { flags: ['SUICIDE_RISK'], overrideLevel: 'HIGH', overrideReason: SECRETS.override }),
    );
    await post('notes', { kind: 'CASE_NOTE', body: SECRETS.caseNote });
    await post('notes', { kind: 'CLINICAL', body: SECRETS.clinical });
    await post('notes', { kind: 'PSYCHOTHERAPY', body: SECRETS.psychotherapy });
    await post('goals', { domain: 'ACADEMICS', description: SECRETS.goal });
    await post('accountability-items', {
      type: 'APOLOGY_LETTER',
      requiredAmount: 1,
      description: SECRETS.item,
    });
    await post('services', { serviceType: 'MENTORING', status: 'ACTIVE' });
    await post('contacts', contactBody(t));
  }

  describe('the route inventory', () => {
    it('has one row for every route the API declares, and no row for a route that does not exist', () => {
      const declared = listRoutes().map((r) => `${r.method} ${r.path}`);
      expect(ROUTES.map((r) => r.route).sort()).toEqual([...declared].sort());
      expect(new Set(declared).size).toBe(declared.length);
    });

    it('finds every route declared: @Public() or @Authenticated with a permission', () => {
      expect(listRoutes().filter((r) => !r.auth || (!r.auth.public && !r.auth.permission))).toEqual([]);
    });

    it('lists every provider-only key of the referral detail among the keys police users never receive', () => {
      expect(everyProviderKeyListed).toBe(true);
      expect(CASE_PARTS).toEqual(
        expect.arrayContaining(['assessments', 'notes', 'goals', 'services', 'contacts']),
      );
    });
  });

  it.each(MATRIX)('$title', async ({ spec, role, relation }) => {
    const e = expected(spec, role, relation);
    const { res, rec } = await run(spec, role, relation, e);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: e.status });
    if (e.why === 'permission') expect(res.body.code).toBe('FORBIDDEN');
    if (e.why === 'hidden') expect(res.body.code).toBe('NOT_FOUND');
    if (e.listed !== undefined) {
      const items: Loose[] = Array.isArray(res.body) ? res.body : res.body.items;
      expect(items.some((i) => i.id === rec.id)).toBe(e.listed);
    }
    if (isPolice(role) && e.status < 300) expectNothingClinical(res);
  });

  /** Signed out: 401 AUTH_REQUIRED, but for the public routes, which answer as to anyone. */
  const SIGNED_OUT = DECLARED_ROWS.map((spec) => {
    const open = declaration(spec.route).public === true;
    return { route: spec.route, spec, open, status: open ? okStatus(spec, null) : 401 };
  });
  it.each(SIGNED_OUT)('$route signed out answers $status', async ({ spec, open, status }) => {
    const { res } = await run(spec, null, 'own', { status, why: open ? 'public' : 'signedOut' });
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    if (!open) expect(res.body.code).toBe('AUTH_REQUIRED');
  });

  describe('what the walk of police answers looks for', () => {
    it('finds the provider fields and case work in what the provider supervisor receives', async () => {
      await freshSessions();
      const detail = await t.call('GET', `/api/referrals/${shared.own.referralId}`, {
        as: people.supervisor,
      });
      expect(forbiddenPaths(detail.body)).toEqual(
        expect.arrayContaining(['caseId', 'caseNumber', 'outreach']),
      );
      const notes = await t.call('GET', `/api/cases/${shared.own.caseId}/notes`, { as: people.counselor });
      expect(forbiddenPaths(notes.body)).toEqual(expect.arrayContaining(['[0].body', '[0].authorId']));
      expect(JSON.stringify(notes.body)).toContain(SECRETS.psychotherapy);
    });

    it('finds none in what police users receive about a referral with a case full of clinical work', async () => {
      await freshSessions();
      for (const as of [people.sro, people.sergeant]) {
        const detail = await t.call('GET', `/api/referrals/${shared.own.referralId}`, { as });
        expect(detail.status).toBe(200);
        expect(detail.body.programStatus).toMatchObject({ enrolledAt: expect.any(String) });
        expectNothingClinical(detail);
        const notices = await t.call('GET', `/api/referrals/${shared.own.referralId}/notices`, { as });
        expect(notices.body.length).toBeGreaterThan(0);
        expectNothingClinical(notices);
      }
    });
  });

  describe('a part of another case, addressed through the own case', () => {
    /** The other counselor's goal, item, service, consent and assessment (the supervisor sees that case too). */
    const PARTS = [
      {
        route: 'PATCH goals/:goalId',
        table: 'goals',
        path: 'goals',
        body: { version: 1, status: 'IN_PROGRESS' },
      },
      {
        route: 'PATCH accountability-items/:itemId',
        table: 'accountability_items',
        path: 'accountability-items',
        body: { version: 1, completedAmount: 1 },
      },
      {
        route: 'PATCH services/:serviceId',
        table: 'service_enrollments',
        path: 'services',
        body: { version: 1, status: 'COMPLETED' },
      },
      {
        route: 'POST consents/:consentId/revoke',
        table: 'consents',
        path: 'consents',
        suffix: 'revoke',
        body: {},
      },
      {
        route: 'POST assessments/:assessmentId/approve-override',
        table: 'assessments',
        path: 'assessments',
        suffix: 'approve-override',
        body: undefined,
      },
    ];
    it.each(PARTS)('$route answers 404 and changes nothing', async ({ table, path, suffix, body }) => {
      await freshSessions();
      const [part] = await t.db.query(
        `SELECT * FROM ${table} WHERE case_id = $1 ORDER BY created_at LIMIT 1`,
        [shared.otherUser.caseId],
      );
      const url = `/api/cases/${shared.own.caseId}/${path}/${part.id}${suffix ? `/${suffix}` : ''}`;
      // Approving an override is the supervisor's (the counselor's 403 comes before the case is read).
      const callers =
        suffix === 'approve-override' ? [people.supervisor] : [people.counselor, people.supervisor];
      for (const as of callers) {
        const res = await t.call(suffix ? 'POST' : 'PATCH', url, { as, body });
        expect({ status: res.status, body: res.body }).toMatchObject({
          status: 404,
          body: { code: 'NOT_FOUND' },
        });
      }
      expect(await t.db.query(`SELECT * FROM ${table} WHERE id = $1`, [part.id])).toEqual([part]);
    });
  });

  describe('a sealed referral (WIC 827.95)', () => {
    let sealed: OpenedCase;
    beforeAll(async () => {
      await freshSessions();
      sealed = await openCase(t, cat, { sro: people.sro, counselorId: people.counselor.user.id });
      await closeCase(t, sealed.id, people.counselor, people.supervisor);
    });

    /** The keys of a detail that carry something (not null, not empty, not false). */
    const carried = (body: Record<string, Loose>) =>
      Object.keys(body)
        .filter((k) => body[k] !== null && body[k] !== false && !(Array.isArray(body[k]) && !body[k].length))
        .sort();

    it('shows police users only its reference number, SEALED and the completion date', async () => {
      for (const as of [people.sro, people.sergeant]) {
        const res = await t.call('GET', `/api/referrals/${sealed.referralId}`, { as });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          referenceNumber: sealed.referenceNumber,
          status: 'SEALED',
          completedAt: expect.any(String),
          milestones: [{ status: 'COMPLETED', at: res.body.completedAt }],
        });
        // Besides those: the record's id and version, and whose referral it is (the agency's own bookkeeping).
        expect(carried(res.body)).toEqual(
          [
            'completedAt',
            'createdAt',
            'id',
            'milestones',
            'providerOrgId',
            'referenceNumber',
            'referringOrgId',
            'referringUserId',
            'sealed',
            'status',
            'version',
          ].sort(),
        );
        expect(JSON.stringify(res.body)).not.toContain(sealed.lastName);
      }
    });

    it('lists it for police users as SEALED without a name, and a search by name does not find it', async () => {
      for (const as of [people.sro, people.sergeant]) {
        const list = await t.call('GET', `/api/referrals?q=${sealed.referenceNumber}`, { as });
        expect(list.body.items).toEqual([
          expect.objectContaining({
            id: sealed.referralId,
            status: 'SEALED',
            youthDisplayName: null,
            schoolName: null,
            pathway: null,
          }),
        ]);
        const byName = await t.call('GET', `/api/referrals?q=${sealed.lastName}`, { as });
        expect(byName.status).toBe(200);
        expect(byName.body.items.map((i: Loose) => i.id)).not.toContain(sealed.referralId);
        const notices = await t.call('GET', `/api/referrals/${sealed.referralId}/notices`, { as });
        expect(notices.status).toBe(200);
        expect(JSON.stringify(notices.body)).not.toContain(sealed.lastName);
        expectNothingClinical(notices);
      }
    });

    it("refuses the referring officer's writes on it as SEALED, without telling its real status", async () => {
      const { version } = (await t.call('GET', `/api/referrals/${sealed.referralId}`, { as: people.sro }))
        .body;
      const writes: [string, string, string, unknown][] = [
        ['PATCH', '', 'edit', { version, narrative: 'A late correction' }],
        ['DELETE', '', 'discard', undefined],
        ['POST', '/submit', 'submit', { version }],
        ['POST', '/withdraw', 'withdraw', { version, reason: 'Handled by the school instead' }],
        ['POST', '/acknowledge-return', 'acknowledge-return', { version }],
      ];
      for (const [method, path, action, body] of writes) {
        const res = await t.call(method, `/api/referrals/${sealed.referralId}${path}`, {
          as: people.sro,
          body,
        });
        expect({ action, status: res.status, body: res.body }).toMatchObject({
          status: 409,
          body: { code: 'TRANSITION_NOT_ALLOWED', currentStatus: 'SEALED' },
        });
        expect(JSON.stringify(res.body)).not.toContain('ENROLLED');
      }
    });

    it('keeps the provider its full record', async () => {
      const res = await t.call('GET', `/api/referrals/${sealed.referralId}`, { as: people.supervisor });
      expect(res.body).toMatchObject({ status: 'ENROLLED', youth: { lastName: sealed.lastName } });
      const byName = await t.call('GET', `/api/referrals?q=${sealed.lastName}`, { as: people.supervisor });
      expect(byName.body.items.map((i: Loose) => i.id)).toContain(sealed.referralId);
    });
  });

  describe('psychotherapy notes: their author only', () => {
    it('hides them from the supervisor and from another counselor of the provider, in notes and timeline', async () => {
      await freshSessions();
      const { counselor, counselor2, supervisor } = people;
      const c = await openCase(t, cat, { sro: people.sro, counselorId: counselor.user.id });
      const secret = `Psychotherapy-${uid()}`;
      const note = ok(
        await t.call('POST', `/api/cases/${c.id}/notes`, {
          as: counselor,
          body: { kind: 'PSYCHOTHERAPY', body: secret },
        }),
        201,
        'note',
      );
      const kinds = async (as: Session) => {
        const notes = await t.call('GET', `/api/cases/${c.id}/notes`, { as });
        expect(notes.status).toBe(200);
        const timeline = await t.call('GET', `/api/cases/${c.id}/timeline`, { as });
        const detail = await t.call('GET', `/api/cases/${c.id}`, { as });
        const text = JSON.stringify([notes.body, timeline.body, detail.body]);
        return {
          notes: notes.body.map((n: Loose) => n.kind),
          inTimeline: timeline.body.some((e: Loose) => e.entityId === note.id),
          secret: text.includes(secret),
        };
      };
      expect(await kinds(counselor)).toEqual({ notes: ['PSYCHOTHERAPY'], inTimeline: true, secret: true });
      expect(await kinds(supervisor)).toEqual({ notes: [], inTimeline: false, secret: false });
      // Another counselor does not see the case at all ...
      expect((await t.call('GET', `/api/cases/${c.id}/notes`, { as: counselor2 })).status).toBe(404);
      // ... and once it is theirs, still not the note.
      const current = await t.call('GET', `/api/cases/${c.id}`, { as: supervisor });
      ok(
        await t.call('PATCH', `/api/cases/${c.id}`, {
          as: supervisor,
          body: { version: current.body.version, primaryCounselorId: counselor2.user.id },
        }),
        200,
        'reassign',
      );
      expect(await kinds(counselor2)).toEqual({ notes: [], inTimeline: false, secret: false });
      // Amending it needs reading it: not found on the case for anyone but its author.
      const amend = await t.call('POST', `/api/cases/${c.id}/notes`, {
        as: counselor2,
        body: { kind: 'PSYCHOTHERAPY', body: 'Amended', amends: note.id },
      });
      expect(amend.status).toBe(400);
      expect(JSON.stringify(amend.body)).not.toContain(secret);
    });
  });
});
