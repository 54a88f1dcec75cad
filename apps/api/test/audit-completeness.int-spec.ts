import {
  AGE_BANDS,
  COMMUNITY_EVENT_TYPES,
  REASON_CODE_KINDS,
  SCHOOL_KINDS,
  SCHOOL_LEVELS,
} from '@pathways/contracts';
import { addCalendarDays, calendarDateIn, PROGRAM_TIME_ZONE } from '@pathways/domain';
import { authenticator } from 'otplib';
import { DEMO_PASSWORD } from '../src/database/seed/seed-demo';
import { listRoutes, type RouteInfo } from '../src/routes';
import { assessmentBody, contactBody } from './support/case-workspace-fixtures';
import {
  consentPending,
  contact,
  enrolled,
  type Flow,
  flow,
  inOutreach,
  ok,
  participation,
  post,
  submitted,
  triaged,
} from './support/referral-flow';
import { referralBody } from './support/referral-fixtures';
import { type CallResult, demo, type Loose, type Session, TestApp } from './support/test-app';

/**
 * Audit completeness (ACCESS.md "Audit"): every route of the inventory either writes the audit rows listed here
 * (every write, every read of a youth-linked record, every export) or is named below as reading nothing
 * youth-linked, with the reason. Each call's rows are compared whole: action, entity type and id, youth, outcome and
 * the names of the changed fields. The youth of this file carry marker names, birth date, narrative and note texts;
 * no audit row and no log line (pino, at trace level) may hold any of them.
 */

const MARK = {
  firstName: 'Xochimarker',
  lastName: 'Tlalocmarker-Ozomatli',
  preferredName: 'Xochipref',
  dateOfBirth: '2011-07-23',
  guardian: 'Guardianmarker Ixchel',
  narrative: 'NARRATIVE-MARKER-4417 threw a chair in the library',
  note: 'NOTE-MARKER-5523 discussed the conflict at home',
  reason: 'REASON-MARKER-6631 family moved away',
  summary: 'SUMMARY-MARKER-7741 every goal met',
  goal: 'GOAL-MARKER-8851 read every evening',
  info: 'INFO-MARKER-9961 which school does the youth attend',
};
/** What must never appear in an audit row or a log line (also in name_norm's folded form). */
const SECRETS = [...Object.values(MARK), 'xochimarker', 'tlalocmarker', 'ozomatli', 'ixchel', 'xochipref'];

const youth = () => ({
  firstName: MARK.firstName,
  lastName: MARK.lastName,
  preferredName: MARK.preferredName,
  dateOfBirth: MARK.dateOfBirth,
  primaryLanguage: 'es',
});
/** A referral form about the marked youth. */
const marked = () => ({
  youth: youth(),
  narrative: MARK.narrative,
  guardians: [
    { name: MARK.guardian, relationship: 'MOTHER', phone: '(619) 555-0142', preferredLanguage: 'es' },
  ],
});

const ANY = Symbol('any id');
interface Row {
  action: string;
  entityType: string;
  entityId: string | null | typeof ANY;
  youthId: string | null;
  changedFields?: string[];
}
const row = (
  action: string,
  entityType: string,
  entityId: string | null | typeof ANY,
  youthId: string | null,
  changedFields: string[] = [],
): Row => ({ action, entityType, entityId, youthId, changedFields });

interface Ctx {
  t: TestApp;
  f: Flow;
}

/** One call through the API, and the audit rows it must write (computed from its answer where ids are new). */
interface Planned {
  as: Session | null;
  /** Who the rows name when the call is signed out (a sign-in). */
  actorId?: string;
  url: string;
  body?: unknown;
  status: number;
  rows: (res: CallResult) => Row[] | Promise<Row[]>;
}
type Spec = (x: Ctx) => Planned | Promise<Planned>;

/** A case opened through the API (enroll), the marked youth's. */
async function openedCase(x: Ctx) {
  const { referral, caseId } = await enrolled(x.f, marked());
  const [c] = await x.t.db.query(`SELECT * FROM cases WHERE id = $1`, [caseId]);
  return { id: caseId, referralId: referral.id as string, youthId: c.youth_id as string, c };
}
/** The notice a transition issued to the referring agency. */
const noticeOf = async (x: Ctx, referralId: string, type?: string): Promise<string> =>
  (
    await x.t.db.query(
      `SELECT id FROM notices WHERE referral_id = $1 AND ($2::text IS NULL OR type = $2) ORDER BY sent_at DESC LIMIT 1`,
      [referralId, type ?? null],
    )
  )[0].id;
const caseVersion = async (x: Ctx, id: string): Promise<number> =>
  (await x.t.db.query(`SELECT version FROM cases WHERE id = $1`, [id]))[0].version;
/** A case opened through the API whose counselor has asked for closure (the supervisor's to decide). */
async function closureRequested(x: Ctx) {
  const c = await openedCase(x);
  const requested = ok(
    await x.t.call('POST', `/api/cases/${c.id}/request-closure`, {
      as: x.f.as.counselor,
      body: {
        version: await caseVersion(x, c.id),
        closureReason: 'COMPLETED_ALL_GOALS',
        summary: MARK.summary,
      },
    }),
    200,
    'request-closure',
  );
  return { c, requested };
}
const created = async (x: Ctx, caseId: string, part: string, body: unknown): Promise<string> =>
  ok(await x.t.call('POST', `/api/cases/${caseId}/${part}`, { as: x.f.as.counselor, body }), 201, part).id;
const userId = async (x: Ctx, person: string): Promise<string> =>
  (await x.t.db.query(`SELECT id FROM users WHERE email = $1`, [demo(person)]))[0].id;

/** A case read by the counselor: one VIEW row naming the case part. */
const caseRead =
  (part: string | null): Spec =>
  async (x) => {
    const c = await openedCase(x);
    if (part === 'follow-ups/M6')
      await x.t.db.query(
        `INSERT INTO follow_ups (case_id, organization_id, created_by, youth_id, "window", due_at)
         SELECT id, organization_id, primary_counselor_id, youth_id, 'M6', $2 FROM cases WHERE id = $1`,
        [c.id, x.t.clock.now()],
      );
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}${part ? `/${part}` : ''}`,
      status: 200,
      rows: () => [row('VIEW', part ? `case.${part.split('/')[0]}` : 'case', c.id, c.youthId)],
    };
  };

const SPECS: Record<string, Spec> = {
  // Session and account ----------------------------------------------------------------------------------------
  'POST /api/auth/login': async (x) => {
    const id = await userId(x, 'counselor2');
    return {
      as: null,
      url: '/api/auth/login',
      body: { email: demo('counselor2'), password: DEMO_PASSWORD },
      status: 200,
      actorId: id,
      rows: () => [row('LOGIN', 'session', ANY, null)],
    };
  },
  'POST /api/auth/mfa': async (x) => {
    const s = await x.t.login(demo('sergeant'));
    const start = await x.t.call('POST', '/api/auth/mfa/enroll', { as: s, body: {} });
    const secret: string = start.body.secret;
    ok(
      await x.t.call('POST', '/api/auth/mfa/enroll', {
        as: s,
        body: { code: authenticator.generate(secret) },
      }),
      200,
      'enroll',
    );
    const first = await x.t.call('POST', '/api/auth/login', {
      body: { email: demo('sergeant'), password: DEMO_PASSWORD },
    });
    return {
      as: null,
      actorId: s.user.id,
      url: '/api/auth/mfa',
      body: { challenge: first.body.challenge, code: authenticator.generate(secret) },
      status: 200,
      rows: () => [row('LOGIN', 'session', ANY, null)],
    };
  },
  'POST /api/auth/logout': async (x) => {
    const s = await x.t.login(demo('supervisor'));
    return { as: s, url: '/api/auth/logout', status: 204, rows: () => [row('LOGOUT', 'session', ANY, null)] };
  },
  'PATCH /api/auth/me': (x) => ({
    as: x.f.as.sro,
    url: '/api/auth/me',
    body: { locale: 'es' },
    status: 200,
    rows: () => [row('UPDATE', 'user', x.f.as.sro.user.id, null, ['locale'])],
  }),
  'POST /api/auth/password': async (x) => {
    const s = await x.t.login(demo('counselor2'));
    return {
      as: s,
      url: '/api/auth/password',
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'a long river of 2026 stones' },
      status: 204,
      rows: () => [row('UPDATE', 'user', s.user.id, null, ['password'])],
    };
  },
  'POST /api/auth/mfa/enroll': async (x) => {
    const s = await x.t.login(demo('sro2'));
    const start = await x.t.call('POST', '/api/auth/mfa/enroll', { as: s, body: {} });
    return {
      as: s,
      url: '/api/auth/mfa/enroll',
      body: { code: authenticator.generate(start.body.secret) },
      status: 200,
      rows: () => [row('UPDATE', 'user', s.user.id, null, ['mfa'])],
    };
  },

  // Administration -----------------------------------------------------------------------------------------------
  'POST /api/admin/users': (x) => ({
    as: x.f.as.admin,
    url: '/api/admin/users',
    body: { email: 'audited-user@example.org', displayName: 'Audited User', role: 'COUNSELOR' },
    status: 201,
    rows: (res) => [
      row('PERMISSION_CHANGE', 'user', res.body.user?.id ?? res.body.id, null, ['created', 'role']),
    ],
  }),
  'PATCH /api/admin/users/:id': async (x) => {
    const id = await userId(x, 'counselor2');
    const [{ version }] = await x.t.db.query(`SELECT version FROM users WHERE id = $1`, [id]);
    return {
      as: x.f.as.admin,
      url: `/api/admin/users/${id}`,
      body: { version, role: 'PROVIDER_SUPERVISOR' },
      status: 200,
      rows: () => [row('PERMISSION_CHANGE', 'user', id, null, ['role'])],
    };
  },
  'POST /api/admin/users/:id/unlock': async (x) => {
    const id = await userId(x, 'counselor2');
    return {
      as: x.f.as.admin,
      url: `/api/admin/users/${id}/unlock`,
      status: 200,
      rows: () => [row('PERMISSION_CHANGE', 'user', id, null, ['lockedAt'])],
    };
  },
  'POST /api/admin/users/:id/reset-mfa': async (x) => {
    const id = await userId(x, 'counselor2');
    return {
      as: x.f.as.admin,
      url: `/api/admin/users/${id}/reset-mfa`,
      status: 200,
      rows: () => [row('PERMISSION_CHANGE', 'user', id, null, ['mfa'])],
    };
  },
  'POST /api/admin/users/:id/reset-password': async (x) => {
    const id = await userId(x, 'counselor2');
    return {
      as: x.f.as.admin,
      url: `/api/admin/users/${id}/reset-password`,
      status: 200,
      rows: () => [row('PERMISSION_CHANGE', 'user', id, null, ['password'])],
    };
  },
  'PATCH /api/admin/organization': async (x) => {
    const org = await x.t.call('GET', '/api/admin/organization', { as: x.f.as.admin });
    return {
      as: x.f.as.admin,
      url: '/api/admin/organization',
      body: { version: org.body.version, name: 'South Bay Community Services (audited)' },
      status: 200,
      rows: () => [row('UPDATE', 'organization', x.f.as.admin.user.organization.id, null, ['name'])],
    };
  },
  'POST /api/admin/schools': (x) => ({
    as: x.f.as.admin,
    url: '/api/admin/schools',
    body: {
      name: 'Audited School',
      level: SCHOOL_LEVELS[0],
      kind: SCHOOL_KINDS[0],
      district: 'District',
      inCvpdJurisdiction: true,
    },
    status: 201,
    rows: (res) => [
      row('CREATE', 'school', res.body.id, null, ['district', 'inCvpdJurisdiction', 'kind', 'level', 'name']),
    ],
  }),
  'PATCH /api/admin/schools/:id': async (x) => {
    const [s] = await x.t.db.query(`SELECT id, version FROM schools ORDER BY name LIMIT 1`);
    return {
      as: x.f.as.admin,
      url: `/api/admin/schools/${s.id}`,
      body: { version: s.version, phone: '(619) 555-0100' },
      status: 200,
      rows: () => [row('UPDATE', 'school', s.id, null, ['phone'])],
    };
  },
  'POST /api/admin/reason-codes': (x) => ({
    as: x.f.as.admin,
    url: '/api/admin/reason-codes',
    body: {
      code: 'AUDITED_CODE',
      label: 'Audited',
      kind: REASON_CODE_KINDS[0],
      excludedFromDiversion: false,
    },
    status: 201,
    rows: (res) => [
      row('CREATE', 'reason_code', res.body.id, null, ['code', 'excludedFromDiversion', 'kind', 'label']),
    ],
  }),
  'PATCH /api/admin/reason-codes/:id': async (x) => {
    const [s] = await x.t.db.query(`SELECT id, version FROM reason_codes ORDER BY code LIMIT 1`);
    return {
      as: x.f.as.admin,
      url: `/api/admin/reason-codes/${s.id}`,
      body: { version: s.version, labelEs: 'Auditado' },
      status: 200,
      rows: () => [row('UPDATE', 'reason_code', s.id, null, ['labelEs'])],
    };
  },
  'POST /api/admin/service-types': (x) => ({
    as: x.f.as.admin,
    url: '/api/admin/service-types',
    body: { code: 'AUDITED_TYPE', label: 'Audited' },
    status: 201,
    rows: (res) => [row('CREATE', 'service_type', res.body.id, null, ['code', 'label'])],
  }),
  'PATCH /api/admin/service-types/:id': async (x) => {
    const [s] = await x.t.db.query(`SELECT id, version FROM service_types ORDER BY code LIMIT 1`);
    return {
      as: x.f.as.admin,
      url: `/api/admin/service-types/${s.id}`,
      body: { version: s.version, labelEs: 'Auditado' },
      status: 200,
      rows: () => [row('UPDATE', 'service_type', s.id, null, ['labelEs'])],
    };
  },
  'POST /api/admin/resources': (x) => ({
    as: x.f.as.admin,
    url: '/api/admin/resources',
    body: { key: 'audited-resource', name: 'Audited', category: 'COUNSELING' },
    status: 201,
    rows: (res) => [row('CREATE', 'resource', res.body.id, null, ['category', 'key', 'name'])],
  }),
  'PATCH /api/admin/resources/:id': async (x) => {
    const [s] = await x.t.db.query(`SELECT id, version FROM resources ORDER BY key LIMIT 1`);
    return {
      as: x.f.as.admin,
      url: `/api/admin/resources/${s.id}`,
      body: { version: s.version, ages: '12-18' },
      status: 200,
      rows: () => [row('UPDATE', 'resource', s.id, null, ['ages'])],
    };
  },
  'POST /api/community-events': (x) => ({
    as: x.f.as.sro,
    url: '/api/community-events',
    body: { type: COMMUNITY_EVENT_TYPES[0], occurredOn: '2026-03-01', participantCount: 10 },
    status: 201,
    rows: (res) => [row('CREATE', 'community_event', res.body.id, null)],
  }),
  'PATCH /api/community-events/:id': async (x) => {
    const event = ok(
      await x.t.call('POST', '/api/community-events', {
        as: x.f.as.sro,
        body: { type: COMMUNITY_EVENT_TYPES[0], occurredOn: '2026-03-01', participantCount: 10 },
      }),
      201,
      'event',
    );
    return {
      as: x.f.as.sro,
      url: `/api/community-events/${event.id}`,
      body: { version: event.version, participantCount: 12 },
      status: 200,
      rows: () => [row('UPDATE', 'community_event', event.id, null, ['participantCount'])],
    };
  },
  'POST /api/school-contacts': (x) => ({
    as: x.f.as.sro,
    url: '/api/school-contacts',
    body: {
      occurredAt: x.t.clock.now().toISOString(),
      schoolId: x.f.c.schoolId,
      reasonCodes: ['PHYSICAL_FIGHT'],
      disposition: 'COUNSEL_RELEASE',
      ageBand: AGE_BANDS[0],
    },
    status: 201,
    rows: (res) => [row('CREATE', 'school_contact', res.body.id, null)],
  }),

  // Youth and referrals ------------------------------------------------------------------------------------------
  'GET /api/youth/matches': (x) => ({
    as: x.f.as.sro,
    url: `/api/youth/matches?firstName=${MARK.firstName}&lastName=${MARK.lastName}&dateOfBirth=${MARK.dateOfBirth}`,
    status: 200,
    rows: () => [row('VIEW', 'youth_search', null, null)],
  }),
  'POST /api/referrals': (x) => ({
    as: x.f.as.sro,
    url: '/api/referrals',
    body: referralBody(x.f.c, marked()),
    status: 201,
    rows: (res) => [row('CREATE', 'referral', res.body.id, res.body.youthId)],
  }),
  'GET /api/referrals': (x) => ({
    as: x.f.as.supervisor,
    url: `/api/referrals?q=${MARK.lastName}`,
    status: 200,
    rows: () => [row('VIEW', 'referral.list', null, null)],
  }),
  'GET /api/referrals/:id': async (x) => {
    const r = await submitted(x.f, marked());
    return {
      as: x.f.as.sergeant,
      url: `/api/referrals/${r.id}`,
      status: 200,
      rows: () => [row('VIEW', 'referral', r.id, r.youthId)],
    };
  },
  'PATCH /api/referrals/:id': async (x) => {
    const draft = ok(
      await x.t.call('POST', '/api/referrals', { as: x.f.as.sro, body: { submit: false, youth: youth() } }),
      201,
      'draft',
    );
    return {
      as: x.f.as.sro,
      url: `/api/referrals/${draft.id}`,
      body: { version: draft.version, narrative: MARK.narrative },
      status: 200,
      rows: () => [row('UPDATE', 'referral', draft.id, null, ['narrative'])],
    };
  },
  'DELETE /api/referrals/:id': async (x) => {
    const draft = ok(
      await x.t.call('POST', '/api/referrals', { as: x.f.as.sro, body: { submit: false, youth: youth() } }),
      201,
      'draft',
    );
    return {
      as: x.f.as.sro,
      url: `/api/referrals/${draft.id}`,
      status: 204,
      rows: () => [row('UPDATE', 'referral', draft.id, null, ['discarded'])],
    };
  },
  'POST /api/referrals/:id/submit': async (x) => {
    const draft = ok(
      await x.t.call('POST', '/api/referrals', {
        as: x.f.as.sro,
        body: { ...referralBody(x.f.c, marked()), submit: false },
      }),
      201,
      'draft',
    );
    return {
      as: x.f.as.sro,
      url: `/api/referrals/${draft.id}/submit`,
      body: { version: draft.version },
      status: 200,
      rows: (res) => [row('TRANSITION', 'referral', draft.id, res.body.youthId, SUBMIT_FIELDS)],
    };
  },
  'POST /api/referrals/:id/withdraw': async (x) => {
    const r = await submitted(x.f, marked());
    return {
      as: x.f.as.sro,
      url: `/api/referrals/${r.id}/withdraw`,
      body: { version: r.version, reason: MARK.reason },
      status: 200,
      rows: () => [row('TRANSITION', 'referral', r.id, r.youthId, ['withdrawReason', 'status'])],
    };
  },
  'POST /api/referrals/:id/acknowledge-return': async (x) => {
    const r = await triaged(x.f, marked());
    await post(x.f, r.id, 'ineligible', x.f.as.supervisor, { version: r.version, reason: MARK.reason });
    const current = ok(await x.t.call('GET', `/api/referrals/${r.id}`, { as: x.f.as.sro }), 200, 'detail');
    return {
      as: x.f.as.sro,
      url: `/api/referrals/${r.id}/acknowledge-return`,
      body: { version: current.version },
      status: 200,
      rows: () => [row('TRANSITION', 'referral', r.id, r.youthId, ['returnAcknowledgedAt'])],
    };
  },
  'POST /api/referrals/:id/acknowledge': async (x) => {
    const r = await submitted(x.f, marked());
    return {
      as: x.f.as.supervisor,
      url: `/api/referrals/${r.id}/acknowledge`,
      body: { version: r.version },
      status: 200,
      rows: async () => [
        row('TRANSITION', 'referral', r.id, r.youthId, ['status']),
        row('CREATE', 'notice', await noticeOf(x, r.id), r.youthId),
      ],
    };
  },
  'POST /api/referrals/:id/request-info': async (x) => {
    const r = await triaged(x.f, marked());
    return {
      as: x.f.as.supervisor,
      url: `/api/referrals/${r.id}/request-info`,
      body: { version: r.version, message: MARK.info },
      status: 200,
      rows: () => [row('TRANSITION', 'referral', r.id, r.youthId, ['infoRequest', 'status'])],
    };
  },
  'POST /api/referrals/:id/assign': async (x) => {
    const r = await triaged(x.f, marked());
    return {
      as: x.f.as.supervisor,
      url: `/api/referrals/${r.id}/assign`,
      body: { version: r.version, counselorId: x.f.as.counselor.user.id },
      status: 200,
      rows: () => [
        row('TRANSITION', 'referral', r.id, r.youthId, ['assignedCounselorId', 'assignedAt', 'status']),
      ],
    };
  },
  'POST /api/referrals/:id/ineligible': async (x) => {
    const r = await triaged(x.f, marked());
    return {
      as: x.f.as.supervisor,
      url: `/api/referrals/${r.id}/ineligible`,
      body: { version: r.version, reason: MARK.reason },
      status: 200,
      rows: async () => [
        row('TRANSITION', 'referral', r.id, r.youthId, [
          'ineligibleReason',
          'returnedToReferrerAt',
          'status',
        ]),
        row('CREATE', 'notice', await noticeOf(x, r.id), r.youthId),
      ],
    };
  },
  'POST /api/referrals/:id/mark-duplicate': async (x) => {
    const original = await submitted(x.f, marked());
    const r = await triaged(x.f, marked());
    return {
      as: x.f.as.supervisor,
      url: `/api/referrals/${r.id}/mark-duplicate`,
      body: { version: r.version, duplicateOfId: original.id },
      status: 200,
      rows: () => [row('TRANSITION', 'referral', r.id, r.youthId, ['duplicateOfId', 'status'])],
    };
  },
  'POST /api/referrals/:id/override-eligibility': async (x) => {
    const r = await triaged(x.f, { ...marked(), restitutionEstimate: 9000 });
    return {
      as: x.f.as.supervisor,
      url: `/api/referrals/${r.id}/override-eligibility`,
      body: { version: r.version, reason: MARK.reason },
      status: 200,
      rows: () => [row('OVERRIDE', 'referral', r.id, r.youthId, ['eligibility'])],
    };
  },
  'POST /api/referrals/:id/contacts': async (x) => {
    const r = await inOutreach(x.f, marked());
    return {
      as: x.f.as.counselor,
      url: `/api/referrals/${r.id}/contacts`,
      body: contact(x.f),
      status: 201,
      rows: (res) => [row('CREATE', 'contact', res.body.id, r.youthId)],
    };
  },
  'GET /api/referrals/:id/contacts': async (x) => {
    const r = await inOutreach(x.f, marked());
    return {
      as: x.f.as.counselor,
      url: `/api/referrals/${r.id}/contacts`,
      status: 200,
      rows: () => [row('VIEW', 'referral_contacts', r.id, r.youthId)],
    };
  },
  'POST /api/referrals/:id/unable-to-contact': async (x) => {
    const r = await inOutreach(x.f, marked());
    for (const modality of ['PHONE', 'TEXT', 'HOME']) {
      ok(
        await x.t.call('POST', `/api/referrals/${r.id}/contacts`, {
          as: x.f.as.counselor,
          body: contact(x.f, { modality }),
        }),
        201,
        'attempt',
      );
    }
    const current = ok(
      await x.t.call('GET', `/api/referrals/${r.id}`, { as: x.f.as.counselor }),
      200,
      'detail',
    );
    return {
      as: x.f.as.counselor,
      url: `/api/referrals/${r.id}/unable-to-contact`,
      body: { version: current.version },
      status: 200,
      rows: async () => [
        row('TRANSITION', 'referral', r.id, r.youthId, ['returnedToReferrerAt', 'status']),
        row('CREATE', 'notice', await noticeOf(x, r.id, 'UNSUCCESSFUL_RETURN'), r.youthId),
      ],
    };
  },
  'POST /api/referrals/:id/decline': async (x) => {
    const r = await consentPending(x.f, marked());
    return {
      as: x.f.as.counselor,
      url: `/api/referrals/${r.id}/decline`,
      body: { version: r.version, reason: MARK.reason },
      status: 200,
      rows: async () => [
        row('TRANSITION', 'referral', r.id, r.youthId, ['declineReason', 'returnedToReferrerAt', 'status']),
        row('CREATE', 'notice', await noticeOf(x, r.id, 'UNSUCCESSFUL_RETURN'), r.youthId),
      ],
    };
  },
  'POST /api/referrals/:id/enroll': async (x) => {
    const r = await consentPending(x.f, marked());
    return {
      as: x.f.as.counselor,
      url: `/api/referrals/${r.id}/enroll`,
      body: { version: r.version, consents: [participation(x.f)] },
      status: 201,
      rows: async (res) => {
        const [consent] = await x.t.db.query(`SELECT id FROM consents WHERE case_id = $1`, [res.body.caseId]);
        const [notice] = await x.t.db.query(`SELECT id FROM notices WHERE case_id = $1`, [res.body.caseId]);
        return [
          row('CREATE', 'case', res.body.caseId, r.youthId),
          row('CREATE', 'consent', consent.id, r.youthId),
          row('TRANSITION', 'referral', r.id, r.youthId, ['status']),
          row('CREATE', 'notice', notice.id, r.youthId),
        ];
      },
    };
  },
  'GET /api/referrals/:id/notices': async (x) => {
    const { referral } = await enrolled(x.f, marked());
    return {
      as: x.f.as.sro,
      url: `/api/referrals/${referral.id}/notices`,
      status: 200,
      rows: (res) => res.body.map((n: Loose) => row('VIEW', 'notice', n.id, referral.youthId)),
    };
  },
  'GET /api/notices': (x) => ({
    as: x.f.as.sergeant,
    url: '/api/notices?pageSize=5',
    status: 200,
    rows: async (res) => {
      const ids: string[] = res.body.items.map((n: Loose) => n.id);
      const youth: { id: string; youth_id: string }[] = await x.t.db.query(
        `SELECT n.id, r.youth_id FROM notices n JOIN referrals r ON r.id = n.referral_id WHERE n.id = ANY($1)`,
        [ids],
      );
      return ids.map((id) => row('VIEW', 'notice', id, youth.find((y) => y.id === id)!.youth_id));
    },
  }),

  // Cases ----------------------------------------------------------------------------------------------------------
  'GET /api/cases': (x) => ({
    as: x.f.as.counselor,
    url: `/api/cases?q=${MARK.lastName}`,
    status: 200,
    rows: () => [row('VIEW', 'case.list', null, null)],
  }),
  'GET /api/cases/:id': caseRead(null),
  'PATCH /api/cases/:id': async (x) => {
    const c = await openedCase(x);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}`,
      body: {
        version: await caseVersion(x, c.id),
        targetEndAt: addCalendarDays(calendarDateIn(c.c.opened_at, PROGRAM_TIME_ZONE), 30),
      },
      status: 200,
      rows: () => [row('UPDATE', 'case', c.id, c.youthId, ['targetEndAt'])],
    };
  },
  'POST /api/cases/:id/status': async (x) => {
    const c = await openedCase(x);
    await x.t.db.query(`UPDATE cases SET status = 'ACTIVE' WHERE id = $1`, [c.id]);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/status`,
      body: { version: await caseVersion(x, c.id), status: 'NON_COMPLIANT', reason: MARK.reason },
      status: 200,
      rows: () => [row('TRANSITION', 'case', c.id, c.youthId, ['status', 'statusReason'])],
    };
  },
  'POST /api/cases/:id/request-closure': async (x) => {
    const c = await openedCase(x);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/request-closure`,
      body: {
        version: await caseVersion(x, c.id),
        closureReason: 'COMPLETED_ALL_GOALS',
        summary: MARK.summary,
      },
      status: 200,
      rows: () => [row('TRANSITION', 'case', c.id, c.youthId, CLOSURE_REQUEST_FIELDS)],
    };
  },
  'POST /api/cases/:id/approve-closure': async (x) => {
    const { c, requested } = await closureRequested(x);
    return {
      as: x.f.as.supervisor,
      url: `/api/cases/${c.id}/approve-closure`,
      body: { version: requested.version },
      status: 200,
      rows: async () => {
        const followUps: { id: string }[] = await x.t.db.query(
          `SELECT id FROM follow_ups WHERE case_id = $1`,
          [c.id],
        );
        const notices: { id: string }[] = await x.t.db.query(
          `SELECT id FROM notices WHERE case_id = $1 AND type <> 'ENROLLED'`,
          [c.id],
        );
        return [
          row('TRANSITION', 'case', c.id, c.youthId, CLOSURE_APPROVE_FIELDS),
          ...followUps.map((fu) => row('CREATE', 'follow_up', fu.id, c.youthId)),
          ...notices.map((n) => row('CREATE', 'notice', n.id, c.youthId)),
          row('SEAL', 'referral', c.referralId, c.youthId),
          row('UPDATE', 'referral', c.referralId, c.youthId, ['completedAt', 'sealedAt']),
        ];
      },
    };
  },
  'POST /api/cases/:id/reject-closure': async (x) => {
    const { c, requested } = await closureRequested(x);
    return {
      as: x.f.as.supervisor,
      url: `/api/cases/${c.id}/reject-closure`,
      body: { version: requested.version, comment: MARK.reason },
      status: 200,
      rows: () => [row('TRANSITION', 'case', c.id, c.youthId, CLOSURE_REJECT_FIELDS)],
    };
  },
  'POST /api/cases/:id/reopen': async (x) => {
    const c = await openedCase(x);
    await x.t.db.query(
      `UPDATE cases SET status = 'CLOSED', closed_at = $2, outcome_class = 'ADMINISTRATIVE' WHERE id = $1`,
      [c.id, x.t.clock.now()],
    );
    return {
      as: x.f.as.supervisor,
      url: `/api/cases/${c.id}/reopen`,
      body: { version: await caseVersion(x, c.id), reason: MARK.reason },
      status: 200,
      rows: () => [row('TRANSITION', 'case', c.id, c.youthId, REOPEN_FIELDS)],
    };
  },
  'GET /api/cases/:id/timeline': caseRead('timeline'),
  'GET /api/cases/:id/consents': caseRead('consents'),
  'POST /api/cases/:id/consents': async (x) => {
    const c = await openedCase(x);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/consents`,
      body: { ...participation(x.f), type: 'TEXT_MESSAGING', guardianName: MARK.guardian },
      status: 201,
      rows: (res) => [row('CREATE', 'consent', res.body.id, c.youthId)],
    };
  },
  'POST /api/cases/:id/consents/:consentId/revoke': async (x) => {
    const c = await openedCase(x);
    const consentId = await created(x, c.id, 'consents', { ...participation(x.f), type: 'TEXT_MESSAGING' });
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/consents/${consentId}/revoke`,
      body: { reason: MARK.reason },
      status: 200,
      rows: () => [row('UPDATE', 'consent', consentId, c.youthId, ['revokedAt', 'revokedBy'])],
    };
  },
  'GET /api/cases/:id/assessments': caseRead('assessments'),
  'POST /api/cases/:id/assessments': async (x) => {
    const c = await openedCase(x);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/assessments`,
      body: assessmentBody(x.t),
      status: 201,
      rows: (res) => [row('CREATE', 'assessment', res.body.id, c.youthId)],
    };
  },
  'POST /api/cases/:id/assessments/:assessmentId/approve-override': async (x) => {
    const c = await openedCase(x);
    const id = await created(
      x,
      c.id,
      'assessments',
      assessmentBody(x.t, { overrideLevel: 'HIGH', overrideReason: MARK.reason }),
    );
    return {
      as: x.f.as.supervisor,
      url: `/api/cases/${c.id}/assessments/${id}/approve-override`,
      status: 200,
      rows: () => [row('OVERRIDE', 'assessment', id, c.youthId, ['overrideApprovedBy'])],
    };
  },
  'GET /api/cases/:id/goals': caseRead('goals'),
  'POST /api/cases/:id/goals': async (x) => {
    const c = await openedCase(x);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/goals`,
      body: { domain: 'ACADEMICS', description: MARK.goal },
      status: 201,
      rows: (res) => [row('CREATE', 'goal', res.body.id, c.youthId)],
    };
  },
  'PATCH /api/cases/:id/goals/:goalId': async (x) => {
    const c = await openedCase(x);
    const id = await created(x, c.id, 'goals', { domain: 'ACADEMICS', description: 'Raise the math grade' });
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/goals/${id}`,
      body: { version: 1, description: MARK.goal, status: 'IN_PROGRESS' },
      status: 200,
      rows: () => [row('UPDATE', 'goal', id, c.youthId, ['description', 'status'])],
    };
  },
  'GET /api/cases/:id/accountability-items': caseRead('accountability-items'),
  'POST /api/cases/:id/accountability-items': async (x) => {
    const c = await openedCase(x);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/accountability-items`,
      body: { type: 'APOLOGY_LETTER', requiredAmount: 1, description: MARK.goal },
      status: 201,
      rows: (res) => [row('CREATE', 'accountability_item', res.body.id, c.youthId)],
    };
  },
  'PATCH /api/cases/:id/accountability-items/:itemId': async (x) => {
    const c = await openedCase(x);
    const id = await created(x, c.id, 'accountability-items', { type: 'APOLOGY_LETTER', requiredAmount: 1 });
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/accountability-items/${id}`,
      body: { version: 1, completedAmount: 1 },
      status: 200,
      rows: () => [row('UPDATE', 'accountability_item', id, c.youthId, ['completedAmount'])],
    };
  },
  'GET /api/cases/:id/services': caseRead('services'),
  'POST /api/cases/:id/services': async (x) => {
    const c = await openedCase(x);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/services`,
      body: { serviceType: 'MENTORING', status: 'REFERRED', provider: MARK.guardian },
      status: 201,
      rows: (res) => [row('CREATE', 'service_enrollment', res.body.id, c.youthId)],
    };
  },
  'PATCH /api/cases/:id/services/:serviceId': async (x) => {
    const c = await openedCase(x);
    const id = await created(x, c.id, 'services', { serviceType: 'MENTORING', status: 'REFERRED' });
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/services/${id}`,
      body: { version: 1, sessionsPlanned: 6 },
      status: 200,
      rows: () => [row('UPDATE', 'service_enrollment', id, c.youthId, ['sessionsPlanned'])],
    };
  },
  'GET /api/cases/:id/contacts': caseRead('contacts'),
  'POST /api/cases/:id/contacts': async (x) => {
    const c = await openedCase(x);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/contacts`,
      body: contactBody(x.t),
      status: 201,
      rows: (res) => [row('CREATE', 'contact', res.body.id, c.youthId)],
    };
  },
  'GET /api/cases/:id/notes': caseRead('notes'),
  'POST /api/cases/:id/notes': async (x) => {
    const c = await openedCase(x);
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/notes`,
      body: { kind: 'CLINICAL', body: `<p>${MARK.note}</p>` },
      status: 201,
      rows: (res) => [row('CREATE', 'note', res.body.id, c.youthId)],
    };
  },
  'GET /api/cases/:id/follow-ups': caseRead('follow-ups'),
  'GET /api/cases/:id/follow-ups/:window': caseRead('follow-ups/M6'),
  'PATCH /api/cases/:id/follow-ups/:window': async (x) => {
    const c = await openedCase(x);
    const [fu] = await x.t.db.query(
      `INSERT INTO follow_ups (case_id, organization_id, created_by, youth_id, "window", due_at)
       SELECT id, organization_id, primary_counselor_id, youth_id, 'M6', $2 FROM cases WHERE id = $1 RETURNING id`,
      [c.id, x.t.clock.now()],
    );
    return {
      as: x.f.as.counselor,
      url: `/api/cases/${c.id}/follow-ups/M6`,
      body: { version: 1, status: 'DONE', newLeContact: 'NONE' },
      status: 200,
      rows: () => [row('UPDATE', 'follow_up', fu.id, c.youthId, FOLLOW_UP_FIELDS)],
    };
  },

  // Exports ------------------------------------------------------------------------------------------------------
  'GET /api/reports/outcomes.csv': (x) => ({
    as: x.f.as.supervisor,
    url: '/api/reports/outcomes.csv?groupBy=quarter',
    status: 200,
    rows: () => [row('EXPORT', 'outcome_report', null, null, ['groupBy'])],
  }),
  'GET /api/audit/export': (x) => ({
    as: x.f.as.auditor,
    url: '/api/audit/export?action=VIEW',
    status: 200,
    rows: () => [row('EXPORT', 'audit_event', null, null, ['action'])],
  }),

  // Last: the retention run de-identifies what is due and audits each record it touches.
  'POST /api/admin/retention/run': (x) => ({
    as: x.f.as.admin,
    url: '/api/admin/retention/run',
    status: 200,
    rows: async (res) => {
      const [run] = await x.t.db.query(`SELECT id FROM retention_runs ORDER BY started_at DESC LIMIT 1`);
      return [row('CREATE', 'retention_run', run.id, null, RETENTION_FIELDS(res))];
    },
  }),
};

/** Observed field lists, kept here so the table above stays readable. */
/** Submitting a draft moves the whole form into the referral's columns: the names of what it set. */
const SUBMIT_FIELDS = [
  'draft',
  'dueServiceStartAt',
  'eligibility',
  'grade',
  'incidentAt',
  'incidentLocation',
  'narrative',
  'pathway',
  'policeReportNumber',
  'priority',
  'reasonCodes',
  'receivedAt',
  'recommendedResourceIds',
  'referenceNumber',
  'restitutionEstimate',
  'schoolId',
  'status',
  'victimInvolved',
  'youthId',
];
const CLOSURE_REQUEST_FIELDS = ['status', 'closureReason', 'closureSummary'];
const CLOSURE_APPROVE_FIELDS = ['status', 'closedAt', 'outcomeClass'];
const CLOSURE_REJECT_FIELDS = ['status', 'closureRejectedComment'];
const REOPEN_FIELDS = ['status', 'closedAt', 'outcomeClass', 'statusReason'];
const FOLLOW_UP_FIELDS = ['status', 'newLeContact', 'completedAt'];
/** A run names the kinds it acted on; the demo data holds nothing past its retention yet. */
const RETENTION_FIELDS = (res: CallResult): string[] =>
  res.body.items.filter((i: Loose) => i.count > 0).map((i: Loose) => i.kind);

/** Routes that read nothing youth-linked (or only what is audited elsewhere), each with the reason. */
const NOT_YOUTH_READS: Record<string, string> = {
  'GET /api/auth/me': 'the caller’s own account',
  'GET /api/audit': 'the audit trail itself: ids and field names, no youth identity',
  'GET /api/audit/verify': 'the audit chain check: counts and sequence numbers',
  'GET /api/audit/actors': 'staff of the auditor’s organization',
  'GET /api/audit/review': 'the weekly review of audit rows (ids only)',
  'GET /api/users': 'staff of the caller’s organization',
  'GET /api/admin/users': 'staff accounts',
  'GET /api/admin/organization': 'organization settings',
  'GET /api/admin/retention': 'the retention schedule and past runs (counts)',
  'GET /api/admin/retention/dry-run': 'counts of what a run would de-identify',
  'GET /api/schools': 'catalog',
  'GET /api/reason-codes': 'catalog',
  'GET /api/service-types': 'catalog',
  'GET /api/resources': 'catalog',
  'GET /api/public/resources': 'public resource directory',
  'GET /api/admin/schools': 'catalog administration',
  'GET /api/admin/reason-codes': 'catalog administration',
  'GET /api/admin/service-types': 'catalog administration',
  'GET /api/admin/resources': 'catalog administration',
  'GET /api/health': 'liveness',
  'GET /api/school-contacts':
    'anonymous contacts (age band, school, disposition): no youth record or identity behind them',
  'GET /api/community-events': 'community events: counts and partners, no youth',
  'GET /api/tasks': 'due work by reference and case number and clock; names come from the audited reads',
  'GET /api/caseloads': 'counts per counselor',
  'GET /api/reports/outcomes': 'suppressed aggregates on screen (the CSV download is an audited EXPORT)',
  'GET /api/public/dashboard': 'public suppressed aggregates',
};

interface AuditRow {
  seq: string;
  actor_id: string | null;
  actor_role: string | null;
  organization_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  youth_id: string | null;
  outcome: string;
  ip: string | null;
  request_id: string | null;
  changed_fields: string[];
}

const ROUTES = listRoutes();
const keyOf = (r: RouteInfo) => `${r.method} ${r.path}`;
const ORDER = Object.keys(SPECS);

/** What pino would have written, one JSON line per entry. */
const captured: string[] = [];
const destination = { write: (line: string) => void captured.push(line) };

describe('audit completeness: every youth read and every write leaves its rows, and none holds names or text', () => {
  let t: TestApp;
  let f: Flow;
  beforeAll(async () => {
    t = await TestApp.start({ LOG_LEVEL: 'trace' }, { logDestination: destination });
    f = await flow(t);
  });
  afterAll(() => t.close());

  it('classifies every route of the inventory: audited with its rows, or a read of nothing youth-linked', () => {
    const routes = ROUTES.map(keyOf);
    const unclassified = routes.filter((r) => !(r in SPECS) && !(r in NOT_YOUTH_READS));
    expect(unclassified).toEqual([]);
    expect(Object.keys(SPECS).filter((r) => !routes.includes(r))).toEqual([]);
    expect(Object.keys(NOT_YOUTH_READS).filter((r) => !routes.includes(r) || r in SPECS)).toEqual([]);
    // Every write is audited: no write route may be exempt.
    expect(Object.keys(NOT_YOUTH_READS).filter((r) => !r.startsWith('GET '))).toEqual([]);
  });

  it.each(ORDER)('%s writes exactly its audit rows', async (route) => {
    const [method] = route.split(' ') as [string];
    const planned = await SPECS[route]({ t, f });
    const [{ last }] = await t.db.query(`SELECT coalesce(max(seq), 0) AS last FROM audit_events`);
    const res = await t.call(method, planned.url, { as: planned.as ?? undefined, body: planned.body });
    expect({ route, status: res.status, body: res.status === planned.status ? null : res.body }).toEqual({
      route,
      status: planned.status,
      body: null,
    });
    const rows: AuditRow[] = await t.db.query(`SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq`, [
      last,
    ]);
    const expected = await planned.rows(res);
    const shape = (r: {
      action: string;
      entityType: string;
      entityId: unknown;
      youthId: unknown;
      changedFields?: string[];
    }) =>
      `${r.action} ${r.entityType} ${r.entityId === ANY ? '*' : String(r.entityId)} youth=${String(r.youthId)} [${[...(r.changedFields ?? [])].sort().join(',')}]`;
    const actual = rows.map((r) =>
      shape({
        action: r.action,
        entityType: r.entity_type,
        entityId: expected.some((e) => e.entityId === ANY && e.entityType === r.entity_type)
          ? ANY
          : r.entity_id,
        youthId: r.youth_id,
        changedFields: r.changed_fields,
      }),
    );
    expect({ route, rows: actual.sort() }).toEqual({ route, rows: expected.map(shape).sort() });
    const actor = planned.as?.user;
    for (const r of rows) {
      expect(r.outcome).toBe('SUCCESS');
      expect(r.request_id).toBeTruthy();
      expect(r.ip).toBeTruthy();
      if (actor)
        expect({ actor: r.actor_id, role: r.actor_role, org: r.organization_id }).toEqual({
          actor: actor.id,
          role: actor.role,
          org: actor.organization.id,
        });
      else expect(r.actor_id).toBe(planned.actorId);
      // Field names only: never a value.
      for (const name of r.changed_fields) expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
  });

  it('wrote the markers where they belong (so the checks below are not vacuous)', async () => {
    const [stored] = await t.db.query(
      `SELECT (SELECT count(*) FROM youth WHERE first_name = $1 AND last_name = $2 AND date_of_birth = $3)::int AS youth,
              (SELECT count(*) FROM referrals WHERE narrative = $4)::int AS narratives,
              (SELECT count(*) FROM notes WHERE body LIKE '%' || $5 || '%')::int AS notes,
              (SELECT count(*) FROM guardians WHERE name = $6)::int AS guardians`,
      [MARK.firstName, MARK.lastName, MARK.dateOfBirth, MARK.narrative, MARK.note, MARK.guardian],
    );
    expect(stored.youth).toBeGreaterThan(10);
    expect(stored.narratives).toBeGreaterThan(10);
    expect(stored.notes).toBe(1);
    expect(stored.guardians).toBeGreaterThan(10);
  });

  it('answers a database error that quotes the narrative with a generic 500, and logs neither', async () => {
    await t.db.query(`
      CREATE FUNCTION test_fail_referral() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'value too long for narrative: %', NEW.narrative; END $$`);
    await t.db.query(
      `CREATE TRIGGER tr_test_fail_referral BEFORE INSERT ON referrals FOR EACH ROW EXECUTE FUNCTION test_fail_referral()`,
    );
    try {
      const res = await t.call('POST', '/api/referrals', { as: f.as.sro, body: referralBody(f.c, marked()) });
      expect(res.status).toBe(500);
      expect(res.body.code).toBe('INTERNAL');
      expect(JSON.stringify(res.body)).not.toMatch(/NARRATIVE-MARKER|narrative|referrals/i);
    } finally {
      await t.db.query('DROP TRIGGER tr_test_fail_referral ON referrals');
    }
  });

  it('holds no name, birth date, narrative or note text in any column of any audit row', async () => {
    const rows: { j: string }[] = await t.db.query(`SELECT row_to_json(e)::text AS j FROM audit_events e`);
    expect(rows.length).toBeGreaterThan(150);
    const text = rows.map((r) => r.j.toLowerCase()).join('\n');
    expect(SECRETS.filter((secret) => text.includes(secret.toLowerCase()))).toEqual([]);
  });

  it('logged every request at trace level without a name, birth date, narrative or note text', () => {
    const log = captured.join('\n').toLowerCase();
    expect(captured.length).toBeGreaterThan(200);
    expect(log).toContain('"path":"/api/youth/matches"');
    expect(log).toContain('"statuscode":500');
    expect(SECRETS.filter((secret) => log.includes(secret.toLowerCase()))).toEqual([]);
  });

  describe('GET /api/audit/verify against a database superuser (beyond audit.int-spec.ts)', () => {
    const verify = async () => (await t.call('GET', '/api/audit/verify', { as: f.as.auditor })).body;
    /** Runs `sql` with every trigger off for the transaction (no DDL needed: a superuser's session setting). */
    const asSuperuser = (sql: string, params: unknown[] = []) =>
      t.db.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        await m.query(sql, params);
      });
    const seqs = async (): Promise<number[]> =>
      (await t.db.query<{ seq: string }[]>(`SELECT seq FROM audit_events ORDER BY seq`)).map((r) =>
        Number(r.seq),
      );

    it('starts from a chain that verifies', async () => {
      expect(await verify()).toMatchObject({ ok: true, firstBrokenSeq: null });
    });

    it('catches an edited row whose own hash was recomputed to match: the next row no longer links', async () => {
      const all = await seqs();
      const target = all[Math.floor(all.length / 2)];
      const [before] = await t.db.query(`SELECT outcome, hash FROM audit_events WHERE seq = $1`, [target]);
      await asSuperuser(`UPDATE audit_events SET outcome = 'DENIED' WHERE seq = $1`, [target]);
      await asSuperuser(
        `UPDATE audit_events e SET hash = audit_event_digest(e, e.prev_hash) WHERE seq = $1`,
        [target],
      );
      const res = await verify();
      expect(res).toMatchObject({ ok: false, firstBrokenSeq: all[all.indexOf(target) + 1] });
      expect(res.problem).toMatch(/missing|replaced/);
      await asSuperuser(`UPDATE audit_events SET outcome = $2, hash = $3 WHERE seq = $1`, [
        target,
        before.outcome,
        before.hash,
      ]);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('catches a row edited with the triggers bypassed by session setting (no ALTER TABLE)', async () => {
      const all = await seqs();
      const target = all[all.length - 3];
      const [before] = await t.db.query(`SELECT changed_fields FROM audit_events WHERE seq = $1`, [target]);
      await asSuperuser(`UPDATE audit_events SET changed_fields = '{narrative}' WHERE seq = $1`, [target]);
      const res = await verify();
      expect(res).toMatchObject({ ok: false, firstBrokenSeq: target });
      expect(res.problem).toMatch(/content/);
      await asSuperuser(`UPDATE audit_events SET changed_fields = $2 WHERE seq = $1`, [
        target,
        before.changed_fields,
      ]);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('catches the first row deleted (the new first row does not start the chain)', async () => {
      const all = await seqs();
      const [first] = await t.db.query(`SELECT * FROM audit_events WHERE seq = $1`, [all[0]]);
      await asSuperuser(`DELETE FROM audit_events WHERE seq = $1`, [all[0]]);
      const res = await verify();
      expect(res).toMatchObject({ ok: false, firstBrokenSeq: all[1] });
      expect(res.problem).toMatch(/missing|replaced/);
      await asSuperuser(
        `INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1::json)`,
        [JSON.stringify(first)],
      );
      expect(await verify()).toMatchObject({ ok: true, checked: all.length });
    });

    it('leaves the append-only and chain triggers switched on', async () => {
      const triggers: { tgname: string; tgenabled: string }[] = await t.db.query(
        `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal ORDER BY tgname`,
      );
      expect(triggers).toEqual([
        { tgname: 'tr_audit_events_append_only', tgenabled: 'O' },
        { tgname: 'tr_audit_events_chain', tgenabled: 'O' },
        { tgname: 'tr_audit_events_no_truncate', tgenabled: 'O' },
      ]);
      await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    });
  });
});
