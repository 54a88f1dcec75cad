import { caseClocks } from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import { POLICE_DETAIL_KEYS } from '../src/referrals/referral-views';
import { referralBody } from './support/referral-fixtures';
import {
  at,
  consentPending,
  contact,
  enrolled,
  type Flow,
  flow,
  freshYouth,
  inOutreach,
  participation,
  post,
  referralRow,
  submitted,
  triaged,
  withFailingInsert,
} from './support/referral-flow';
import type { Session } from './support/test-app';
import { TestApp } from './support/test-app';

type Body = Record<string, any>;

const STATUSES = [
  'SUBMITTED',
  'NEEDS_INFO',
  'TRIAGE',
  'OUTREACH',
  'CONSENT_PENDING',
  'ENROLLED',
  'INELIGIBLE',
  'DUPLICATE',
  'UNABLE_TO_CONTACT',
  'DECLINED',
  'WITHDRAWN',
] as const;
type Status = (typeof STATUSES)[number];

/** DOMAIN.md "Referral states", written out: where each action may start and where it leads. */
const ALLOWED: Record<string, Partial<Record<Status, Status>>> = {
  acknowledge: { SUBMITTED: 'TRIAGE' },
  'request-info': { SUBMITTED: 'NEEDS_INFO', TRIAGE: 'NEEDS_INFO' },
  assign: { TRIAGE: 'OUTREACH', OUTREACH: 'OUTREACH', CONSENT_PENDING: 'CONSENT_PENDING' },
  ineligible: { SUBMITTED: 'INELIGIBLE', TRIAGE: 'INELIGIBLE' },
  'mark-duplicate': { SUBMITTED: 'DUPLICATE', TRIAGE: 'DUPLICATE' },
  'override-eligibility': {
    SUBMITTED: 'SUBMITTED',
    TRIAGE: 'TRIAGE',
    OUTREACH: 'OUTREACH',
    CONSENT_PENDING: 'CONSENT_PENDING',
  },
  'unable-to-contact': { OUTREACH: 'UNABLE_TO_CONTACT' },
  decline: { CONSENT_PENDING: 'DECLINED' },
  enroll: { OUTREACH: 'ENROLLED', CONSENT_PENDING: 'ENROLLED' },
  withdraw: {
    SUBMITTED: 'WITHDRAWN',
    NEEDS_INFO: 'WITHDRAWN',
    TRIAGE: 'WITHDRAWN',
    OUTREACH: 'WITHDRAWN',
    CONSENT_PENDING: 'WITHDRAWN',
  },
  submit: { NEEDS_INFO: 'SUBMITTED' },
};
const ACTIONS = Object.keys(ALLOWED);

describe('referral triage, outreach and enrollment (POST /api/referrals/:id/<action>)', () => {
  let t: TestApp;
  let f: Flow;
  let policeOrg: string;
  let providerOrg: string;
  beforeAll(async () => {
    t = await TestApp.start();
    f = await flow(t);
    policeOrg = f.as.sro.user.organization.id;
    providerOrg = f.as.supervisor.user.organization.id;
  });
  afterAll(() => t.close());

  const call = (method: string, url: string, as: Session, body?: unknown) =>
    t.call(method, url, { as, body });
  const act = (id: string, action: string, as: Session, body: Body) =>
    call('POST', `/api/referrals/${id}/${action}`, as, body);
  const notices = (referralId: string): Promise<Body[]> =>
    t.db.query(`SELECT * FROM notices WHERE referral_id = $1 ORDER BY sent_at, type`, [referralId]);
  const events = (referralId: string): Promise<Body[]> =>
    t.db.query(
      `SELECT status_from, status_to, action FROM referral_events WHERE referral_id = $1 ORDER BY at, id`,
      [referralId],
    );
  const lastAudit = async (entityId: string) => (await t.auditRows(`entity_id = $1`, [entityId])).at(-1);

  /** Who performs an action, with a valid body for it. */
  const request = (action: string, version: number, duplicateOfId: string): { as: Session; body: Body } => {
    const { supervisor, counselor, counselor2, sro } = f.as;
    switch (action) {
      case 'acknowledge':
        return { as: supervisor, body: { version } };
      case 'request-info':
        return { as: supervisor, body: { version, message: 'Please add the school counselor’s name.' } };
      case 'assign':
        return { as: supervisor, body: { version, counselorId: counselor2.user.id } };
      case 'ineligible':
        return { as: supervisor, body: { version, reason: 'Lives outside the service area' } };
      case 'mark-duplicate':
        return { as: supervisor, body: { version, duplicateOfId } };
      case 'override-eligibility':
        return { as: supervisor, body: { version, reason: 'Weapon was a toy; DA agrees to diversion' } };
      case 'unable-to-contact':
        return { as: counselor, body: { version } };
      case 'decline':
        return { as: counselor, body: { version, reason: 'Family prefers private counseling' } };
      case 'enroll':
        return { as: counselor, body: { version, consents: [participation(f)] } };
      case 'withdraw':
        return { as: sro, body: { version, reason: 'Handled by the school instead' } };
      case 'submit':
        return { as: sro, body: { version } };
      default:
        throw new Error(action);
    }
  };

  /**
   * A referral put in `status` at version 1, with what every action needs besides the status: assigned to
   * counselor@ (so the counselor sees it), three attempts over two modalities, and — for the override — a failed
   * eligibility checklist.
   */
  const inStatus = async (status: Status, action: string): Promise<string> => {
    const r = await submitted(f);
    await t.db.query(
      `UPDATE referrals SET status = $2, assigned_counselor_id = $3, assigned_at = received_at,
              eligibility = CASE WHEN $4 THEN jsonb_set(eligibility, '{decision}', '"NEEDS_OVERRIDE"')
                                 ELSE eligibility END
        WHERE id = $1`,
      [r.id, status, f.as.counselor.user.id, action === 'override-eligibility'],
    );
    await t.db.query(
      `INSERT INTO contacts (referral_id, occurred_at, contact_type, modality, result, organization_id, created_by)
       SELECT $1, $2::timestamptz + (i || ' hours')::interval, 'OUTREACH_ATTEMPT', m, 'NO_ANSWER', $3, $4
         FROM unnest(ARRAY['PHONE', 'TEXT', 'HOME']) WITH ORDINALITY AS x(m, i)`,
      [r.id, r.receivedAt, providerOrg, f.as.counselor.user.id],
    );
    return r.id;
  };

  describe('the state machine', () => {
    let other: string;
    beforeAll(async () => {
      other = (await submitted(f)).id;
    });

    const table = ACTIONS.flatMap((action) =>
      STATUSES.map((from) => [action, from, ALLOWED[action][from] ?? null] as const),
    );
    it.each(table)(
      '%s from %s leads to %s (null: 409 with currentStatus, nothing changed)',
      async (action, from, to) => {
        const id = await inStatus(from, action);
        const before = await referralRow(t, id);
        const { as, body } = request(action, 1, other);
        const res = await act(id, action, as, body);
        if (to) {
          expect(res.status).toBe(action === 'enroll' ? 201 : 200);
          const after = await referralRow(t, id);
          expect(after).toMatchObject({ status: to, version: 2 });
          expect(await events(id)).toContainEqual({ status_from: from, status_to: to, action });
          expect(await lastAudit(id)).toMatchObject({
            action: action === 'override-eligibility' ? 'OVERRIDE' : 'TRANSITION',
            entity_type: 'referral',
            youth_id: after.youth_id,
          });
        } else {
          expect(res.status).toBe(409);
          expect(res.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', currentStatus: from });
          expect(await referralRow(t, id)).toEqual(before);
        }
      },
    );

    it.each(ACTIONS)(
      'refuses %s with a stale version: 409 with currentVersion, nothing changed',
      async (action) => {
        const from = Object.keys(ALLOWED[action])[0] as Status;
        const id = await inStatus(from, action);
        await t.db.query(`UPDATE referrals SET version = 3 WHERE id = $1`, [id]);
        const before = await referralRow(t, id);
        const { as, body } = request(action, 2, other);
        const res = await act(id, action, as, body);
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 3 });
        expect(await referralRow(t, id)).toEqual(before);
        expect(await t.db.query(`SELECT 1 FROM cases WHERE referral_id = $1`, [id])).toEqual([]);
      },
    );
  });

  describe('access', () => {
    it('answers 404 to a counselor the referral is not assigned to, and for an unknown referral', async () => {
      const r = await consentPending(f);
      const { counselor2 } = f.as;
      const before = await referralRow(t, r.id);
      for (const [method, action, body] of [
        ['GET', 'contacts', undefined],
        ['POST', 'contacts', contact(f)],
        ['POST', 'unable-to-contact', { version: r.version }],
        ['POST', 'decline', { version: r.version, reason: 'Not interested' }],
        ['POST', 'enroll', { version: r.version, consents: [participation(f)] }],
      ] as const)
        expect((await call(method, `/api/referrals/${r.id}/${action}`, counselor2, body)).status).toBe(404);
      expect((await act(randomUUID(), 'acknowledge', f.as.supervisor, { version: 1 })).status).toBe(404);
      expect(await referralRow(t, r.id)).toEqual(before);
    });

    it('answers 404 to an officer who did not write the referral', async () => {
      const r = await submitted(f);
      expect((await act(r.id, 'withdraw', f.as.sro2, { version: 1, reason: 'Not mine' })).status).toBe(404);
      expect((await act(r.id, 'acknowledge-return', f.as.sro2, { version: 1 })).status).toBe(404);
    });

    it('answers 403 to roles that lack the capability', async () => {
      const r = await consentPending(f);
      const { counselor, sro, sergeant, admin, auditor } = f.as;
      const triage = [
        'acknowledge',
        'request-info',
        'assign',
        'ineligible',
        'mark-duplicate',
        'override-eligibility',
      ];
      for (const action of triage)
        for (const s of [counselor, sro, sergeant, admin])
          expect((await act(r.id, action, s, request(action, r.version, r.id).body)).status).toBe(403);
      for (const action of ['unable-to-contact', 'decline', 'enroll'])
        for (const s of [sro, sergeant, auditor])
          expect((await act(r.id, action, s, request(action, r.version, r.id).body)).status).toBe(403);
      for (const s of [sro, sergeant, admin, auditor])
        expect((await call('GET', `/api/referrals/${r.id}/contacts`, s)).status).toBe(403);
      for (const s of [counselor, sergeant])
        expect((await act(r.id, 'acknowledge-return', s, { version: r.version })).status).toBe(403);
      for (const s of [counselor, sro, sergeant])
        expect((await call('GET', '/api/caseloads', s)).status).toBe(403);
      expect((await referralRow(t, r.id)).status).toBe('CONSENT_PENDING');
    });
  });

  describe('triage', () => {
    it('acknowledges: TRIAGE, and the referring agency gets a REFERRAL_ACK notice', async () => {
      const r = await submitted(f);
      const res = await act(r.id, 'acknowledge', f.as.supervisor, { version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'TRIAGE', version: 2 });
      const [notice] = await notices(r.id);
      expect(notice).toMatchObject({
        type: 'REFERRAL_ACK',
        to_org_id: policeOrg,
        to_user_id: f.as.sro.user.id,
        organization_id: providerOrg,
      });
      expect(notice.facts).toMatchObject({
        receivedAt: r.receivedAt,
        dueServiceStartAt: r.dueServiceStartAt,
      });
      expect(
        await t.auditRows(`action = 'CREATE' AND entity_type = 'notice' AND entity_id = $1`, [notice.id]),
      ).toHaveLength(1);
    });

    it('assigns an active counselor (TRIAGE -> OUTREACH, assignedAt now); a reassignment keeps the status', async () => {
      const r = await triaged(f);
      const res = await act(r.id, 'assign', f.as.supervisor, {
        version: 2,
        counselorId: f.as.counselor.user.id,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'OUTREACH',
        assignedCounselorId: f.as.counselor.user.id,
        assignedCounselorName: 'Ana Torres',
        assignedAt: t.clock.now().toISOString(),
      });
      t.clock.advanceMinutes(5);
      const again = await act(r.id, 'assign', f.as.supervisor, {
        version: 3,
        counselorId: f.as.counselor2.user.id,
      });
      expect(again.body).toMatchObject({
        status: 'OUTREACH',
        assignedCounselorName: 'James Nguyen',
        assignedAt: t.clock.now().toISOString(),
      });
      expect((await call('GET', `/api/referrals/${r.id}`, f.as.counselor)).status).toBe(404);
      expect((await call('GET', `/api/referrals/${r.id}`, f.as.counselor2)).status).toBe(200);
    });

    it('refuses to assign anyone but an active counselor of the provider, naming counselorId, writing nothing', async () => {
      const r = await triaged(f);
      const [inactive] = await t.db.query(
        `INSERT INTO users (organization_id, email, display_name, role, password_hash, active)
         SELECT organization_id, $1, 'Former Counselor', 'COUNSELOR', password_hash, false FROM users WHERE id = $2
         RETURNING id`,
        [`former-${randomUUID().slice(0, 8)}@demo.pathways.local`, f.as.counselor.user.id],
      );
      const before = await referralRow(t, r.id);
      for (const counselorId of [f.as.supervisor.user.id, f.as.sro.user.id, inactive.id, randomUUID()]) {
        const res = await act(r.id, 'assign', f.as.supervisor, { version: 2, counselorId });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([{ path: 'counselorId', message: expect.any(String) }]);
      }
      const bad = await act(r.id, 'assign', f.as.supervisor, { version: 0, counselorId: 'nope', extra: 1 });
      expect(bad.body.details.map((d: Body) => d.path).sort()).toEqual(['counselorId', 'extra', 'version']);
      expect(await referralRow(t, r.id)).toEqual(before);
    });

    it('holds a referral that fails the checklist until a supervisor overrides it (audited as OVERRIDE)', async () => {
      const r = await triaged(f, { reasonCodes: ['PHYSICAL_FIGHT', 'WEAPON'] });
      expect(r.eligibility.decision).toBe('NEEDS_OVERRIDE');
      const held = await act(r.id, 'assign', f.as.supervisor, {
        version: 2,
        counselorId: f.as.counselor.user.id,
      });
      expect(held.status).toBe(409);
      expect(held.body).toMatchObject({ code: 'ELIGIBILITY_OVERRIDE_REQUIRED', currentStatus: 'TRIAGE' });
      const res = await act(r.id, 'override-eligibility', f.as.supervisor, {
        version: 2,
        reason: 'Butter knife from lunch; no threat made',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'TRIAGE', version: 3 });
      expect(res.body.eligibility).toMatchObject({
        decision: 'OVERRIDDEN',
        failures: ['EXCLUDED_REASON_CODE'],
        overrideReason: 'Butter knife from lunch; no threat made',
        overriddenBy: f.as.supervisor.user.id,
        overriddenAt: t.clock.now().toISOString(),
      });
      const audit = await lastAudit(r.id);
      expect(audit).toMatchObject({ action: 'OVERRIDE', changed_fields: ['eligibility'] });
      expect(JSON.stringify(audit)).not.toContain('Butter');
      expect(await events(r.id)).toContainEqual({
        status_from: 'TRIAGE',
        status_to: 'TRIAGE',
        action: 'override-eligibility',
      });
      const again = await act(r.id, 'override-eligibility', f.as.supervisor, { version: 3, reason: 'Twice' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'OVERRIDE_NOT_NEEDED', currentStatus: 'TRIAGE' });
      const assigned = await act(r.id, 'assign', f.as.supervisor, {
        version: 3,
        counselorId: f.as.counselor.user.id,
      });
      expect(assigned.body.status).toBe('OUTREACH');
    });

    it('declares a referral ineligible: reason kept for the provider, returned, INELIGIBLE_RETURN with the failed checks', async () => {
      const r = await triaged(f, { restitutionEstimate: 9000 });
      const res = await act(r.id, 'ineligible', f.as.supervisor, {
        version: 2,
        reason: 'Restitution owed to the district is too high',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'INELIGIBLE',
        ineligibleReason: 'Restitution owed to the district is too high',
        returnedToReferrerAt: t.clock.now().toISOString(),
      });
      const notice = (await notices(r.id)).find((n) => n.type === 'INELIGIBLE_RETURN')!;
      expect(notice).toMatchObject({ to_org_id: policeOrg, to_user_id: f.as.sro.user.id });
      expect(notice.facts).toMatchObject({ failures: 'RESTITUTION_OVER_LIMIT', informational: 'false' });
      const police = await call('GET', `/api/referrals/${r.id}`, f.as.sro);
      expect(police.body.status).toBe('INELIGIBLE');
      expect(JSON.stringify(police.body)).not.toContain('too high');
    });

    it('marks a duplicate of another referral the supervisor sees; refuses itself, an unknown one and a draft', async () => {
      const original = await submitted(f);
      const r = await submitted(f);
      const draft = await t.call('POST', '/api/referrals', {
        as: f.as.sro,
        body: { submit: false, narrative: 'x' },
      });
      const before = await referralRow(t, r.id);
      for (const duplicateOfId of [r.id, randomUUID(), draft.body.id]) {
        const res = await act(r.id, 'mark-duplicate', f.as.supervisor, { version: 1, duplicateOfId });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([{ path: 'duplicateOfId', message: expect.any(String) }]);
      }
      expect(await referralRow(t, r.id)).toEqual(before);
      const res = await act(r.id, 'mark-duplicate', f.as.supervisor, {
        version: 1,
        duplicateOfId: original.id,
      });
      expect(res.body).toMatchObject({ status: 'DUPLICATE', duplicateOfId: original.id });
      expect(await notices(r.id)).toEqual([]);
    });

    it('lists the intake queue: received referrals no counselor works yet', async () => {
      await at(f, '2026-12-10T18:00:00Z');
      const fresh = await submitted(f);
      const triage = await triaged(f);
      const asked = await submitted(f);
      await act(asked.id, 'request-info', f.as.supervisor, { version: 1, message: 'Which class period?' });
      const assigned = await inOutreach(f);
      const res = await call(
        'GET',
        '/api/referrals?queue=intake&sort=receivedAt:desc&pageSize=100',
        f.as.supervisor,
      );
      expect(res.status).toBe(200);
      const ids = res.body.items.map((i: Body) => i.id);
      expect(ids).toEqual(expect.arrayContaining([fresh.id, triage.id, asked.id]));
      expect(ids).not.toContain(assigned.id);
      for (const item of res.body.items) expect(['SUBMITTED', 'TRIAGE', 'NEEDS_INFO']).toContain(item.status);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM referrals
          WHERE provider_org_id = $1 AND status IN ('SUBMITTED', 'NEEDS_INFO', 'TRIAGE') AND assigned_counselor_id IS NULL`,
        [providerOrg],
      );
      expect(res.body.total).toBe(n);
      expect((await call('GET', '/api/referrals?queue=all', f.as.supervisor)).status).toBe(400);
    });

    it('counts each counselor’s open referrals and cases for the supervisor (GET /api/caseloads)', async () => {
      await inOutreach(f);
      await enrolled(f);
      const res = await call('GET', '/api/caseloads', f.as.supervisor);
      expect(res.status).toBe(200);
      const expected = await t.db.query(
        `SELECT u.id AS "counselorId", u.display_name AS "displayName",
                (SELECT count(*)::int FROM referrals r WHERE r.assigned_counselor_id = u.id
                    AND r.status IN ('OUTREACH', 'CONSENT_PENDING')) AS "openReferrals",
                (SELECT count(*)::int FROM cases c WHERE c.primary_counselor_id = u.id AND c.status <> 'CLOSED') AS "openCases"
           FROM users u WHERE u.organization_id = $1 AND u.role = 'COUNSELOR' AND u.active
          ORDER BY u.display_name, u.id`,
        [providerOrg],
      );
      expect(res.body).toEqual(expected);
      const ana = res.body.find((row: Body) => row.counselorId === f.as.counselor.user.id);
      expect(ana.openReferrals).toBeGreaterThan(0);
      expect(ana.openCases).toBeGreaterThan(0);
    });
  });

  describe('outreach', () => {
    it('records attempts; a completed contact moves OUTREACH to CONSENT_PENDING', async () => {
      const r = await inOutreach(f);
      const attempt = await call('POST', `/api/referrals/${r.id}/contacts`, f.as.counselor, contact(f));
      expect(attempt.status).toBe(201);
      expect(attempt.body).toMatchObject({
        referralId: r.id,
        caseId: null,
        contactType: 'OUTREACH_ATTEMPT',
        result: 'NO_ANSWER',
        createdBy: f.as.counselor.user.id,
        createdByName: 'Ana Torres',
      });
      expect((await referralRow(t, r.id)).status).toBe('OUTREACH');
      const reached = await call(
        'POST',
        `/api/referrals/${r.id}/contacts`,
        f.as.counselor,
        contact(f, {
          modality: 'HOME',
          result: 'COMPLETED',
          participants: ['YOUTH', 'GUARDIAN'],
          durationMin: 45,
        }),
      );
      expect(reached.status).toBe(201);
      expect(await referralRow(t, r.id)).toMatchObject({ status: 'CONSENT_PENDING', version: 4 });
      expect(await events(r.id)).toContainEqual({
        status_from: 'OUTREACH',
        status_to: 'CONSENT_PENDING',
        action: 'contact-completed',
      });
      const audits = await t.auditRows(`action = 'CREATE' AND entity_type = 'contact' AND youth_id = $1`, [
        r.youthId,
      ]);
      expect(audits).toHaveLength(2);
      const detail = await call('GET', `/api/referrals/${r.id}`, f.as.counselor);
      expect(detail.body.outreach).toEqual({
        attempts: 2,
        modalities: ['HOME', 'PHONE'],
        attemptRuleMet: false,
        contacts: 2,
        completedContacts: 1,
        firstAttemptAt: t.clock.now().toISOString(),
        lastContactAt: t.clock.now().toISOString(),
      });
      // Later contacts while consent is pending keep the status.
      await call(
        'POST',
        `/api/referrals/${r.id}/contacts`,
        f.as.counselor,
        contact(f, { contactType: 'INTAKE', result: 'COMPLETED' }),
      );
      expect((await referralRow(t, r.id)).status).toBe('CONSENT_PENDING');
    });

    it('records a contact retried with the same Idempotency-Key once', async () => {
      const r = await inOutreach(f);
      const headers = { 'idempotency-key': randomUUID() };
      const body = contact(f, { modality: 'TEXT' });
      const [first, retry] = await Promise.all(
        [1, 2].map(() =>
          t.call('POST', `/api/referrals/${r.id}/contacts`, { as: f.as.counselor, body, headers }),
        ),
      );
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.body.id).toBe(first.body.id);
      expect(await t.db.query(`SELECT id FROM contacts WHERE referral_id = $1`, [r.id])).toHaveLength(1);
    });

    it('lists every bad contact field at once and writes nothing', async () => {
      const r = await inOutreach(f);
      const before = (await t.db.query(`SELECT count(*)::int AS n FROM contacts`))[0].n;
      const future = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
      const res = await call('POST', `/api/referrals/${r.id}/contacts`, f.as.counselor, {
        ...contact(f),
        contactType: 'CRISIS',
        serviceEnrollmentId: randomUUID(),
        occurredAt: future,
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: Body) => d.path).sort()).toEqual([
        'contactType',
        'occurredAt',
        'serviceEnrollmentId',
      ]);
      const early = await call('POST', `/api/referrals/${r.id}/contacts`, f.as.counselor, {
        ...contact(f),
        occurredAt: new Date(Date.parse(r.receivedAt) - 86_400_000).toISOString(),
      });
      expect(early.body.details).toEqual([
        { path: 'occurredAt', message: expect.stringContaining('before') },
      ]);
      const schema = await call('POST', `/api/referrals/${r.id}/contacts`, f.as.counselor, {
        occurredAt: 'yesterday',
        contactType: 'OUTREACH_ATTEMPT',
        modality: 'PIGEON',
      });
      expect(schema.body.details.map((d: Body) => d.path).sort()).toEqual([
        'modality',
        'occurredAt',
        'result',
      ]);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM contacts`))[0].n).toBe(before);
    });

    it('refuses contacts on a referral that is not in outreach (409 with currentStatus)', async () => {
      const r = await triaged(f);
      await t.db.query(`UPDATE referrals SET assigned_counselor_id = $2 WHERE id = $1`, [
        r.id,
        f.as.counselor.user.id,
      ]);
      const res = await call('POST', `/api/referrals/${r.id}/contacts`, f.as.counselor, contact(f));
      expect(res.status).toBe(409);
      expect(res.body.currentStatus).toBe('TRIAGE');
    });

    it('summarizes the outreach against the attempt rule and audits the read', async () => {
      const r = await inOutreach(f);
      for (const modality of ['PHONE', 'TEXT', 'PHONE'])
        await call('POST', `/api/referrals/${r.id}/contacts`, f.as.counselor, contact(f, { modality }));
      const res = await call('GET', `/api/referrals/${r.id}/contacts`, f.as.supervisor);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        attempts: 3,
        modalities: ['PHONE', 'TEXT'],
        attemptRuleMet: true,
        firstAttemptAt: t.clock.now().toISOString(),
      });
      expect(res.body.contacts).toHaveLength(3);
      expect(await lastAudit(r.id)).toMatchObject({ action: 'VIEW', entity_type: 'referral_contacts' });
    });

    describe('the attempt rule over 10 business days (a weekend and Thanksgiving 2026)', () => {
      let met: Body;
      let late: Body;
      beforeAll(async () => {
        await at(f, '2026-11-13T18:00:00Z');
        met = await inOutreach(f);
        late = await inOutreach(f);
        await at(f, '2026-12-03T18:00:00Z');
        // Nov 16 + 10 business days = Dec 1: weekends and Thursday Nov 26 do not count.
        for (const [r, last] of [
          [met, '2026-12-01T20:00:00Z'],
          [late, '2026-12-02T20:00:00Z'],
        ] as const)
          for (const [occurredAt, modality] of [
            ['2026-11-16T17:00:00Z', 'PHONE'],
            ['2026-11-24T17:00:00Z', 'TEXT'],
            [last, 'HOME'],
          ])
            expect(
              (
                await call(
                  'POST',
                  `/api/referrals/${r.id}/contacts`,
                  f.as.counselor,
                  contact(f, { occurredAt, modality }),
                )
              ).status,
            ).toBe(201);
      });

      it('counts the third attempt on the 10th business day (Dec 1) as within the window', async () => {
        const res = await call('GET', `/api/referrals/${met.id}/contacts`, f.as.counselor);
        expect(res.body).toMatchObject({
          attempts: 3,
          attemptRuleMet: true,
          firstAttemptAt: '2026-11-16T17:00:00.000Z',
        });
      });

      it('refuses unable-to-contact when the third attempt came on the 11th business day (409 ATTEMPT_RULE_NOT_MET)', async () => {
        expect(
          (await call('GET', `/api/referrals/${late.id}/contacts`, f.as.counselor)).body.attemptRuleMet,
        ).toBe(false);
        const before = await referralRow(t, late.id);
        const res = await act(late.id, 'unable-to-contact', f.as.counselor, { version: before.version });
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'ATTEMPT_RULE_NOT_MET', currentStatus: 'OUTREACH' });
        expect(await referralRow(t, late.id)).toEqual(before);
        expect(await notices(late.id)).toHaveLength(1);
      });

      it('closes as unable to contact once the rule is met: returned, UNSUCCESSFUL_RETURN to the officer', async () => {
        const { version } = await referralRow(t, met.id);
        const res = await act(met.id, 'unable-to-contact', f.as.counselor, { version });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          status: 'UNABLE_TO_CONTACT',
          returnedToReferrerAt: '2026-12-03T18:00:00.000Z',
        });
        const notice = (await notices(met.id)).find((n) => n.type === 'UNSUCCESSFUL_RETURN')!;
        expect(notice.facts).toMatchObject({
          outcome: 'UNABLE_TO_CONTACT',
          informational: 'false',
          attempts: '3',
        });
      });
    });

    it('records a family’s decline: reason kept, returned, UNSUCCESSFUL_RETURN (informational for PREVENTION)', async () => {
      const r = await consentPending(f, { pathway: 'PREVENTION' });
      const res = await act(r.id, 'decline', f.as.counselor, {
        version: r.version,
        reason: 'Distrust of services after a prior experience',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'DECLINED',
        declineReason: 'Distrust of services after a prior experience',
        returnedToReferrerAt: t.clock.now().toISOString(),
      });
      const notice = (await notices(r.id)).find((n) => n.type === 'UNSUCCESSFUL_RETURN')!;
      expect(notice.facts).toMatchObject({
        outcome: 'DECLINED',
        informational: 'true',
        pathway: 'PREVENTION',
      });
      expect(JSON.stringify(notice.facts)).not.toContain('Distrust');
    });
  });

  describe('enrollment', () => {
    it('opens the case in one go: number, INTAKE, counselor, pathway, clocks, consents, event, ENROLLED, notice, audit', async () => {
      const r = await consentPending(f);
      const roi = participation(f, {
        type: 'RELEASE_OF_INFORMATION',
        counterpartOrgId: policeOrg,
        infoScope: ['ENROLLMENT_STATUS', 'ATTENDANCE_PARTICIPATION'],
        expiresAt: '2031-12-31',
      });
      const res = await act(r.id, 'enroll', f.as.counselor, {
        version: r.version,
        consents: [participation(f), roi],
      });
      expect(res.status).toBe(201);
      expect(res.body.caseNumber).toMatch(/^C-\d{4}-\d{6}$/);
      const now = t.clock.now();
      const [row] = await t.db.query(`SELECT * FROM cases WHERE id = $1`, [res.body.caseId]);
      const clocks = caseClocks({
        receivedAt: new Date(r.receivedAt),
        openedAt: now,
        intakeCompletedAt: null,
      });
      expect(row).toMatchObject({
        case_number: res.body.caseNumber,
        referral_id: r.id,
        youth_id: r.youthId,
        provider_org_id: providerOrg,
        organization_id: providerOrg,
        primary_counselor_id: f.as.counselor.user.id,
        pathway: 'LE_DIVERSION_626B',
        status: 'INTAKE',
        opened_at: now,
        target_end_at: clocks.targetEndAt,
        max_end_at: clocks.maxEndAt,
        version: 1,
      });
      const consents = await t.db.query(`SELECT * FROM consents WHERE case_id = $1 ORDER BY type`, [row.id]);
      expect(consents.map((c: Body) => [c.type, c.youth_id, c.referral_id])).toEqual([
        ['PROGRAM_PARTICIPATION', r.youthId, r.id],
        ['RELEASE_OF_INFORMATION', r.youthId, r.id],
      ]);
      expect(
        await t.db.query(`SELECT status_from, status_to, action FROM case_events WHERE case_id = $1`, [
          row.id,
        ]),
      ).toEqual([{ status_from: null, status_to: 'INTAKE', action: 'open' }]);
      expect(await referralRow(t, r.id)).toMatchObject({ status: 'ENROLLED', version: r.version + 1 });
      const enrolledNotice = (await notices(r.id)).find((n) => n.type === 'ENROLLED');
      expect(enrolledNotice).toMatchObject({ case_id: row.id, to_org_id: policeOrg });
      const audits = await t.auditRows(`youth_id = $1 AND action IN ('CREATE', 'TRANSITION') AND at = $2`, [
        r.youthId,
        now,
      ]);
      expect(audits.map((a: Body) => `${a.action} ${a.entity_type}`)).toEqual(
        expect.arrayContaining([
          'CREATE case',
          'CREATE consent',
          'CREATE consent',
          'TRANSITION referral',
          'CREATE notice',
        ]),
      );
      const detail = await call('GET', `/api/referrals/${r.id}`, f.as.counselor);
      expect(detail.body).toMatchObject({
        caseId: row.id,
        caseNumber: res.body.caseNumber,
        status: 'ENROLLED',
      });
    });

    it('refuses without a valid participation consent, listing every consent problem, and writes nothing', async () => {
      const r = await consentPending(f);
      const future = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
      const res = await act(r.id, 'enroll', f.as.counselor, {
        version: r.version,
        consents: [
          participation(f, { youthAssent: false }),
          participation(f, {
            type: 'RELEASE_OF_INFORMATION',
            counterpartOrgId: randomUUID(),
            infoScope: ['ENROLLMENT_STATUS'],
          }),
          participation(f, {
            type: 'TEXT_MESSAGING',
            signedAt: future,
            guardianId: randomUUID(),
            guardianName: undefined,
          }),
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: Body) => d.path).sort()).toEqual([
        'consents.0.youthAssent',
        'consents.1.counterpartOrgId',
        'consents.2.guardianId',
        'consents.2.signedAt',
      ]);
      const none = await act(r.id, 'enroll', f.as.counselor, {
        version: r.version,
        consents: [participation(f, { type: 'TEXT_MESSAGING' })],
      });
      expect(none.body.details).toEqual([
        { path: 'consents', message: expect.stringContaining('participation') },
      ]);
      const shape = await act(r.id, 'enroll', f.as.counselor, {
        version: r.version,
        consents: [
          {
            type: 'PROGRAM_PARTICIPATION',
            youthAssent: true,
            signatureMethod: 'FAX',
            language: 'spanish',
            signedAt: 'today',
          },
        ],
      });
      expect(shape.body.details.map((d: Body) => d.path).sort()).toEqual([
        'consents.0.language',
        'consents.0.signatureMethod',
        'consents.0.signedAt',
      ]);
      expect(await referralRow(t, r.id)).toMatchObject({ status: 'CONSENT_PENDING', version: r.version });
      expect(await t.db.query(`SELECT 1 FROM consents WHERE referral_id = $1`, [r.id])).toEqual([]);
      expect(await t.db.query(`SELECT 1 FROM cases WHERE referral_id = $1`, [r.id])).toEqual([]);
    });

    it('answers a retried enrollment with the same Idempotency-Key with the first case, opening no other', async () => {
      const r = await consentPending(f);
      const headers = { 'idempotency-key': randomUUID() };
      const body = { version: r.version, consents: [participation(f)] };
      const send = () =>
        t.call('POST', `/api/referrals/${r.id}/enroll`, { as: f.as.counselor, body, headers });
      const [first, retry] = [await send(), await send()];
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await t.db.query(`SELECT id FROM cases WHERE referral_id = $1`, [r.id])).toHaveLength(1);
      const other = await t.call('POST', `/api/referrals/${r.id}/enroll`, {
        as: f.as.counselor,
        body: { ...body, consents: [participation(f, { language: 'en' })] },
        headers,
      });
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('accepts a youth consenting alone on a recorded basis', async () => {
      const r = await consentPending(f);
      const res = await act(r.id, 'enroll', f.as.counselor, {
        version: r.version,
        consents: [
          participation(f, { guardianName: undefined, youthAssent: true, minorSelfConsentBasis: 'FC_6924' }),
        ],
      });
      expect(res.status).toBe(201);
    });

    it('refuses to enroll a referral no counselor is assigned to (400 assignedCounselorId)', async () => {
      const r = await consentPending(f);
      await t.db.query(`UPDATE referrals SET assigned_counselor_id = NULL WHERE id = $1`, [r.id]);
      const res = await act(r.id, 'enroll', f.as.supervisor, {
        version: r.version,
        consents: [participation(f)],
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ path: 'assignedCounselorId', message: expect.any(String) }]);
    });

    it.each(['notices', 'case_events', 'consents'])(
      'leaves nothing behind when a later write fails (injected failure on %s)',
      async (table) => {
        const r = await consentPending(f);
        const auditsBefore = (await t.auditRows()).length;
        const res = await withFailingInsert(t, table, () =>
          act(r.id, 'enroll', f.as.counselor, { version: r.version, consents: [participation(f)] }),
        );
        expect(res.status).toBe(500);
        expect(JSON.stringify(res.body)).not.toContain('injected');
        expect(await referralRow(t, r.id)).toMatchObject({ status: 'CONSENT_PENDING', version: r.version });
        expect(await t.db.query(`SELECT 1 FROM cases WHERE referral_id = $1`, [r.id])).toEqual([]);
        expect(await t.db.query(`SELECT 1 FROM consents WHERE referral_id = $1`, [r.id])).toEqual([]);
        expect((await notices(r.id)).map((n) => n.type)).toEqual(['REFERRAL_ACK']);
        expect((await events(r.id)).map((e) => e.action)).not.toContain('enroll');
        expect((await t.auditRows()).length).toBe(auditsBefore);
        // The same request succeeds once the fault is gone.
        const retry = await act(r.id, 'enroll', f.as.counselor, {
          version: r.version,
          consents: [participation(f)],
        });
        expect(retry.status).toBe(201);
      },
    );
  });

  describe('returned decisions (the referring officer)', () => {
    it('lets the officer acknowledge a returned decision once; 409 when nothing was returned', async () => {
      const r = await triaged(f);
      const early = await act(r.id, 'acknowledge-return', f.as.sro, { version: 2 });
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'NOTHING_RETURNED', currentStatus: 'TRIAGE' });
      await act(r.id, 'ineligible', f.as.supervisor, { version: 2, reason: 'Already in another program' });
      t.clock.advanceMinutes(10);
      const res = await act(r.id, 'acknowledge-return', f.as.sro, { version: 3 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'INELIGIBLE', version: 4 });
      expect((await referralRow(t, r.id)).return_acknowledged_at).toEqual(t.clock.now());
      expect(await events(r.id)).toContainEqual({
        status_from: 'INELIGIBLE',
        status_to: 'INELIGIBLE',
        action: 'acknowledge-return',
      });
      const twice = await act(r.id, 'acknowledge-return', f.as.sro, { version: 4 });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('RETURN_ALREADY_ACKNOWLEDGED');
      expect((await act(r.id, 'acknowledge-return', f.as.sro, { version: 1 })).body.code).toBe(
        'STALE_VERSION',
      );
    });
  });

  describe('the provider’s detail and the police view', () => {
    it('gives providers their working fields and police users an allow-listed view with the program status', async () => {
      const { referral, caseId, caseNumber } = await enrolled(f);
      const provider = await call('GET', `/api/referrals/${referral.id}`, f.as.supervisor);
      expect(provider.body).toMatchObject({
        status: 'ENROLLED',
        assignedCounselorId: f.as.counselor.user.id,
        assignedCounselorName: 'Ana Torres',
        assignedAt: expect.any(String),
        caseId,
        caseNumber,
        ineligibleReason: null,
        returnAcknowledgedAt: null,
        outreach: { attempts: 1, contacts: 1, completedContacts: 1, attemptRuleMet: false },
      });
      const police = await call('GET', `/api/referrals/${referral.id}`, f.as.sro);
      expect(
        Object.keys(police.body).filter((k) => !(POLICE_DETAIL_KEYS as readonly string[]).includes(k)),
      ).toEqual([]);
      for (const key of [
        'caseId',
        'caseNumber',
        'outreach',
        'assignedCounselorName',
        'declineReason',
        'ineligibleReason',
      ])
        expect(police.body).not.toHaveProperty(key);
      expect(police.body.programStatus).toEqual({
        scope: ['ENROLLMENT_STATUS', 'COMPLETION_STATUS'],
        acknowledgedAt: t.clock.now().toISOString(),
        enrolledAt: t.clock.now().toISOString(),
        completedAt: null,
        attendance: null,
        goals: null,
      });
    });

    describe('with a release of information to the police', () => {
      let referralId: string;
      let caseId: string;
      const programStatus = async (as: Session) =>
        (await call('GET', `/api/referrals/${referralId}`, as)).body.programStatus;
      const addRelease = async (
        over: { counterpart?: string; scope?: string[]; expires?: string | null } = {},
      ) => {
        const [row] = await t.db.query(
          `INSERT INTO consents (youth_id, case_id, referral_id, type, youth_assent, guardian_name, signature_method,
                                 language, signed_at, expires_at, counterpart_org_id, info_scope, organization_id,
                                 created_by)
           SELECT youth_id, id, referral_id, 'RELEASE_OF_INFORMATION', true, 'Rocío Quintero', 'E_SIGNATURE', 'es',
                  $2::timestamptz - interval '1 hour', $3, $4, $5, provider_org_id, primary_counselor_id
             FROM cases WHERE id = $1 RETURNING id`,
          [
            caseId,
            t.clock.now(),
            over.expires ?? null,
            over.counterpart ?? policeOrg,
            over.scope ?? ['ATTENDANCE_PARTICIPATION', 'CASE_PLAN_SUMMARY', 'ASSESSMENT_RESULTS'],
          ],
        );
        return row.id as string;
      };

      beforeAll(async () => {
        ({
          caseId,
          referral: { id: referralId },
        } = await enrolled(f));
        const sessions: [string, string][] = [
          ['COUNSELING_INDIVIDUAL', 'COMPLETED'],
          ['GROUP_SESSION', 'COMPLETED'],
          ['COUNSELING_FAMILY', 'NO_SHOW'],
          ['CHECK_IN', 'CANCELLED_STAFF'],
          ['CRISIS', 'COMPLETED'],
          ['COLLATERAL', 'COMPLETED'],
        ];
        for (const [type, result] of sessions)
          await t.db.query(
            `INSERT INTO contacts (case_id, occurred_at, contact_type, modality, result, organization_id, created_by)
             SELECT id, opened_at, $2, 'OFFICE', $3, provider_org_id, primary_counselor_id FROM cases WHERE id = $1`,
            [caseId, type, result],
          );
        for (const status of ['IN_PROGRESS', 'IN_PROGRESS', 'ACHIEVED'])
          await t.db.query(
            `INSERT INTO goals (case_id, organization_id, created_by, domain, description, status)
             SELECT id, provider_org_id, primary_counselor_id, 'ACADEMICS', 'Raise the math grade', $2
               FROM cases WHERE id = $1`,
            [caseId, status],
          );
      });

      it('shows only the milestones without a release, and ignores one to another organization or expired', async () => {
        await addRelease({ counterpart: providerOrg });
        await addRelease({ expires: '2020-01-01' });
        const status = await programStatus(f.as.sro);
        expect(status).toMatchObject({
          scope: ['ENROLLMENT_STATUS', 'COMPLETION_STATUS'],
          attendance: null,
          goals: null,
        });
      });

      it('adds attendance and goal counts the release lists, never the assessment results', async () => {
        const id = await addRelease();
        const expected = {
          scope: ['ENROLLMENT_STATUS', 'ATTENDANCE_PARTICIPATION', 'COMPLETION_STATUS', 'CASE_PLAN_SUMMARY'],
          attendance: { sessionsAttended: 2, sessionsScheduled: 3 },
          goals: { total: 3, byStatus: { ACHIEVED: 1, IN_PROGRESS: 2 } },
        };
        expect(await programStatus(f.as.sro)).toMatchObject(expected);
        expect(await programStatus(f.as.sergeant)).toMatchObject(expected);
        const body = JSON.stringify((await call('GET', `/api/referrals/${referralId}`, f.as.sro)).body);
        expect(body).not.toMatch(/ASSESSMENT_RESULTS|math grade|overallLevel|CRISIS/);
        await t.db.query(`UPDATE consents SET revoked_at = $2 WHERE id = $1`, [id, t.clock.now()]);
      });

      it('takes a revocation into account on the very next request', async () => {
        await addRelease({ scope: ['ATTENDANCE_PARTICIPATION'] }).then((id) =>
          t.db.query(`UPDATE consents SET revoked_at = $2 WHERE id = $1`, [id, t.clock.now()]),
        );
        expect(await programStatus(f.as.sro)).toMatchObject({ attendance: null, goals: null });
        const id = await addRelease({ scope: ['CASE_PLAN_SUMMARY'] });
        expect((await programStatus(f.as.sro)).goals).toEqual({
          total: 3,
          byStatus: { ACHIEVED: 1, IN_PROGRESS: 2 },
        });
        await t.db.query(`UPDATE consents SET revoked_at = $2 WHERE id = $1`, [id, t.clock.now()]);
        expect((await programStatus(f.as.sro)).goals).toBeNull();
      });

      it('shows nothing of the program once sealed', async () => {
        await t.db.query(`UPDATE referrals SET sealed_at = $2, completed_at = $2 WHERE id = $1`, [
          referralId,
          t.clock.now(),
        ]);
        const police = await call('GET', `/api/referrals/${referralId}`, f.as.sro);
        expect(police.body).toMatchObject({ status: 'SEALED', programStatus: null, youth: null });
        expect((await programStatus(f.as.supervisor)).completedAt).toBe(t.clock.now().toISOString());
      });
    });
  });

  describe('sealing and search (police users)', () => {
    it('finds a youth only through unsealed referrals: sealed ones drop out of name search and matching', async () => {
      const youth = freshYouth({
        firstName: 'Graciela',
        lastName: 'Sellado-Ruiz',
        dateOfBirth: '2010-09-09',
      });
      const first = await submitted(f, { youth });
      const { youth: _omit, ...rest } = referralBody(f.c);
      const second = await t.call('POST', '/api/referrals', {
        as: f.as.sro,
        body: { ...rest, youthId: first.youthId },
      });
      expect(second.status).toBe(201);
      await t.db.query(`UPDATE referrals SET sealed_at = $2, completed_at = $2 WHERE id = $1`, [
        first.id,
        t.clock.now(),
      ]);
      const search = async (as: Session) =>
        (
          await call('GET', `/api/referrals?q=${encodeURIComponent('graciela sellado')}&pageSize=100`, as)
        ).body.items.map((i: Body) => i.id);
      const matches = async (as: Session) =>
        (await call('GET', '/api/youth/matches?firstName=Graciela&lastName=Sellado-Ruiz', as)).body.map(
          (m: Body) => m.id,
        );
      for (const s of [f.as.sro, f.as.sergeant]) expect(await search(s)).toEqual([second.body.id]);
      // Any other filter would say something about a sealed referral: it matches none; unfiltered it shows as SEALED.
      const listed = async (query: string) =>
        (await call('GET', `/api/referrals?pageSize=100&sort=createdAt:desc${query}`, f.as.sro)).body.items;
      for (const query of ['&pathway=LE_DIVERSION_626B', `&schoolId=${f.c.schoolId}`, '&from=2020-01-01'])
        expect((await listed(query)).map((i: Body) => i.id)).not.toContain(first.id);
      expect((await listed('')).find((i: Body) => i.id === first.id)).toMatchObject({
        status: 'SEALED',
        pathway: null,
        schoolName: null,
      });
      expect(await matches(f.as.sro)).toEqual([first.youthId]);

      await t.db.query(`UPDATE referrals SET sealed_at = $2 WHERE id = $1`, [second.body.id, t.clock.now()]);
      for (const s of [f.as.sro, f.as.sergeant]) expect(await search(s)).toEqual([]);
      expect(await matches(f.as.sro)).toEqual([]);
      expect(await matches(f.as.supervisor)).toEqual([first.youthId]);
      expect(await search(f.as.supervisor)).toEqual(expect.arrayContaining([first.id, second.body.id]));
      const byNumber = await call('GET', `/api/referrals?q=${first.referenceNumber}`, f.as.sro);
      expect(byNumber.body.items).toEqual([
        expect.objectContaining({ status: 'SEALED', youthDisplayName: null }),
      ]);
    });
  });

  describe('follow-ups filled by a new referral of the same youth', () => {
    const DAY = 86_400_000;
    /**
     * CLOSED cases of the youth, closed `daysAgo` each, with M6 and M12 follow-ups pending (M6's new_le_contact as
     * given). Every case's referral is created first, so none of them fills another case's follow-ups.
     */
    const closedCases = async (youthId: string, cases: { daysAgo: number; m6Contact?: string }[]) => {
      const referrals: Body[] = [];
      for (const _ of cases) referrals.push(await submitted(f, { youth: undefined, youthId }));
      const out: Record<string, string>[] = [];
      for (const [i, { daysAgo, m6Contact }] of cases.entries()) {
        const closedAt = new Date(t.clock.now().getTime() - daysAgo * DAY);
        const [c] = await t.db.query(
          `INSERT INTO cases (case_number, referral_id, youth_id, provider_org_id, primary_counselor_id, pathway,
                              status, opened_at, target_end_at, max_end_at, closed_at, outcome_class,
                              closure_reason, organization_id, created_by)
           SELECT 'C-TEST-' || nextval('case_number_seq'), id, youth_id, provider_org_id, $2, pathway, 'CLOSED',
                  $3::timestamptz - interval '90 days', $3, $3, $3, 'SUCCESSFUL', 'COMPLETED_ALL_GOALS',
                  provider_org_id, $2
             FROM referrals WHERE id = $1 RETURNING id`,
          [referrals[i].id, f.as.counselor.user.id, closedAt],
        );
        const ids: Record<string, string> = {};
        for (const [window, months, value] of [
          ['M6', 6, m6Contact ?? null],
          ['M12', 12, null],
        ] as const) {
          const [row] = await t.db.query(
            `INSERT INTO follow_ups (case_id, organization_id, created_by, youth_id, "window", due_at, new_le_contact)
             VALUES ($1, $2, $3, $4, $5, $6::timestamptz + make_interval(months => $7), $8) RETURNING id`,
            [c.id, providerOrg, f.as.counselor.user.id, youthId, window, closedAt, months, value],
          );
          ids[window] = row.id;
        }
        out.push(ids);
      }
      return out;
    };
    const followUp = async (id: string) =>
      (
        await t.db.query(
          `SELECT new_le_contact, linked_referral_id, version, status FROM follow_ups WHERE id = $1`,
          [id],
        )
      )[0];

    it('fills the open windows with COUNSEL_RELEASE and the new referral, audited; a closed window stays empty', async () => {
      const youthId = (await submitted(f)).youthId;
      const [recent, older] = await closedCases(youthId, [{ daysAgo: 60 }, { daysAgo: 220 }]);
      const { youth: _omit, ...rest } = referralBody(f.c);
      const res = await t.call('POST', '/api/referrals', { as: f.as.sro, body: { ...rest, youthId } });
      expect(res.status).toBe(201);
      for (const id of [recent.M6, recent.M12, older.M12])
        expect(await followUp(id)).toEqual({
          new_le_contact: 'COUNSEL_RELEASE',
          linked_referral_id: res.body.id,
          version: 2,
          status: 'PENDING',
        });
      // Closed 220 days ago: the 6-month window (+14 days) has passed.
      expect(await followUp(older.M6)).toMatchObject({
        new_le_contact: null,
        linked_referral_id: null,
        version: 1,
      });
      const audits = await t.auditRows(`action = 'UPDATE' AND entity_type = 'follow_up' AND youth_id = $1`, [
        youthId,
      ]);
      expect(audits).toHaveLength(3);
      expect(audits[0]).toMatchObject({
        actor_id: f.as.sro.user.id,
        changed_fields: ['newLeContact', 'linkedReferralId'],
      });
    });

    it('keeps a more serious contact already recorded, and the first referral’s link', async () => {
      const youthId = (await submitted(f)).youthId;
      const [ids] = await closedCases(youthId, [{ daysAgo: 30, m6Contact: 'ARREST' }]);
      const { youth: _omit, ...rest } = referralBody(f.c);
      const first = await t.call('POST', '/api/referrals', { as: f.as.sro, body: { ...rest, youthId } });
      expect(await followUp(ids.M6)).toMatchObject({
        new_le_contact: 'ARREST',
        linked_referral_id: first.body.id,
      });
      await t.call('POST', '/api/referrals', { as: f.as.sro, body: { ...rest, youthId } });
      expect(await followUp(ids.M12)).toMatchObject({ linked_referral_id: first.body.id, version: 2 });
    });

    it('fills nothing for a draft, and fills when the draft is submitted', async () => {
      const youthId = (await submitted(f)).youthId;
      const [ids] = await closedCases(youthId, [{ daysAgo: 10 }]);
      const { youth: _omit, ...rest } = referralBody(f.c);
      const draft = await t.call('POST', '/api/referrals', {
        as: f.as.sro,
        body: { ...rest, youthId, submit: false },
      });
      expect(draft.status).toBe(201);
      expect(await followUp(ids.M6)).toMatchObject({ linked_referral_id: null });
      await post(f, draft.body.id, 'submit', f.as.sro, { version: 1 });
      expect(await followUp(ids.M6)).toMatchObject({
        new_le_contact: 'COUNSEL_RELEASE',
        linked_referral_id: draft.body.id,
      });
    });
  });
});
