import { randomUUID } from 'node:crypto';
import { POLICE_DETAIL_KEYS } from '../src/referrals/referral-views';
import { catalog, type Catalog, count, referralBody } from './support/referral-fixtures';
import { demo, type Session, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('referral intake (POST /api/referrals and the intake transitions)', () => {
  let t: TestApp;
  let c: Catalog;
  let sro: Session;
  let sro2: Session;
  let sergeant: Session;
  let supervisor: Session;
  let counselor: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    c = await catalog(t);
    [sro, sro2, sergeant, supervisor, counselor] = await Promise.all(
      ['sro', 'sro2', 'sergeant', 'supervisor', 'counselor'].map((n) => t.login(demo(n))),
    );
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, as: Session = sro, headers: Record<string, string> = {}) =>
    t.call('POST', '/api/referrals', { as, body, headers });
  const counts = async () => ({
    referrals: await count(t, 'referrals'),
    youth: await count(t, 'youth'),
    guardians: await count(t, 'guardians'),
  });

  describe('creating', () => {
    it('creates a submitted referral: reference number, receivedAt now, due in 20 days, eligibility', async () => {
      const res = await create(referralBody(c));
      expect(res.status).toBe(201);
      const now = t.clock.now();
      expect(res.body).toMatchObject({
        status: 'SUBMITTED',
        version: 1,
        sealed: false,
        receivedAt: now.toISOString(),
        dueServiceStartAt: new Date(now.getTime() + 20 * DAY).toISOString(),
        eligibility: { decision: 'ELIGIBLE', failures: [], ageAtIncident: 14 },
        youth: { firstName: 'Alondra', lastName: 'Test-Quintero', dateOfBirth: '2011-04-12' },
        referringUserId: sro.user.id,
        schoolId: c.schoolId,
        priority: 'ROUTINE',
        draft: null,
      });
      expect(res.body.referenceNumber).toMatch(new RegExp(`^R-${now.getUTCFullYear()}-\\d{6}$`));
      expect(res.body.youthId).toBe(res.body.youth.id);
      expect(res.body.guardians).toHaveLength(1);
      expect(res.body.milestones).toEqual([{ status: 'SUBMITTED', at: now.toISOString() }]);
      const [audit] = await t.auditRows(`action = 'CREATE' AND entity_id = $1`, [res.body.id]);
      expect(audit).toMatchObject({
        entity_type: 'referral',
        youth_id: res.body.youthId,
        actor_id: sro.user.id,
      });
      expect(JSON.stringify(audit)).not.toMatch(/Alondra|Quintero|quad/);
    });

    it('accepts a referral that needs an override and names its failures', async () => {
      const res = await create(
        referralBody(c, { reasonCodes: ['PHYSICAL_FIGHT', 'WEAPON'], restitutionEstimate: 6000 }),
      );
      expect(res.status).toBe(201);
      expect(res.body.eligibility).toMatchObject({
        decision: 'NEEDS_OVERRIDE',
        failures: ['EXCLUDED_REASON_CODE', 'RESTITUTION_OVER_LIMIT'],
        excludedReasonCodes: ['WEAPON'],
      });
    });

    it('takes the incident date in Pacific time for the age at the incident', async () => {
      // 2025-04-12T05:00Z is still 11 April in Chula Vista: the youth is 13, not 14.
      const res = await create(referralBody(c, { incidentAt: '2025-04-12T05:00:00Z' }));
      expect(res.body.eligibility.ageAtIncident).toBe(13);
    });

    it('lists every bad field at once and writes nothing', async () => {
      const before = await counts();
      const res = await create(
        referralBody(c, {
          youth: { firstName: '', lastName: 'X', dateOfBirth: '2011-13-40', primaryLanguage: 'spanish' },
          guardians: [],
          incidentLocation: 'MARS',
          narrative: '',
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'guardians',
        'incidentLocation',
        'narrative',
        'youth.dateOfBirth',
        'youth.firstName',
        'youth.primaryLanguage',
      ]);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['status', 'ENROLLED'],
      ['referringUserId', randomUUID()],
      ['organizationId', randomUUID()],
      ['providerOrgId', randomUUID()],
    ])('rejects the field %s the client may not set', async (field, value) => {
      const before = await counts();
      const res = await create(referralBody(c, { [field]: value }));
      expect(res.status).toBe(400);
      expect(res.body.details[0].path).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('checks reason codes, school and resources against the catalogs', async () => {
      const before = await counts();
      const res = await create(
        referralBody(c, {
          reasonCodes: ['PHYSICAL_FIGHT', 'NOT_A_CODE'],
          schoolId: randomUUID(),
          recommendedResourceIds: [c.resourceId, randomUUID()],
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'reasonCodes.1',
        'recommendedResourceIds.1',
        'schoolId',
      ]);
      expect(await counts()).toEqual(before);
    });

    it('refuses both youth and youthId, and a youthId the officer may not see', async () => {
      const both = await create(referralBody(c, { youthId: randomUUID() }));
      expect(both.status).toBe(400);
      const { youth: _youth, ...withoutYouth } = referralBody(c);
      const unknown = await create({ ...withoutYouth, youthId: randomUUID() });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([{ path: 'youthId', message: 'Youth not found' }]);
    });

    it('links an existing youth instead of creating another', async () => {
      const first = await create(referralBody(c));
      const { youth: _youth, ...withoutYouth } = referralBody(c);
      const before = await count(t, 'youth');
      const second = await create({ ...withoutYouth, youthId: first.body.youthId });
      expect(second.status).toBe(201);
      expect(second.body.youthId).toBe(first.body.youthId);
      expect(await count(t, 'youth')).toBe(before);
    });

    it('gives unique reference numbers under 20 concurrent creates', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => create(referralBody(c, { narrative: `Concurrent ${i}` }))),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(new Set(results.map((r) => r.body.referenceNumber)).size).toBe(20);
    });

    it('refuses roles without the capability (403)', async () => {
      for (const s of [sergeant, supervisor, counselor])
        expect((await create(referralBody(c), s)).status).toBe(403);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response to a retry and creates nothing new', async () => {
      const key = randomUUID();
      const body = referralBody(c, { narrative: 'Idempotent once' });
      const first = await create(body, sro, { 'idempotency-key': key });
      const before = await counts();
      const retry = await create(body, sro, { 'idempotency-key': key });
      expect(retry.status).toBe(first.status);
      expect(retry.body).toEqual(first.body);
      expect(await counts()).toEqual(before);
    });

    it('answers 409 when the same key comes with a different body', async () => {
      const key = randomUUID();
      await create(referralBody(c, { narrative: 'First body' }), sro, { 'idempotency-key': key });
      const res = await create(referralBody(c, { narrative: 'Second body' }), sro, {
        'idempotency-key': key,
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('keeps keys per user: another officer’s identical key is a new request', async () => {
      const key = randomUUID();
      const a = await create(referralBody(c), sro, { 'idempotency-key': key });
      const b = await create(referralBody(c), sro2, { 'idempotency-key': key });
      expect(b.status).toBe(201);
      expect(b.body.id).not.toBe(a.body.id);
    });

    it('creates exactly one referral under 10 parallel retries', async () => {
      const key = randomUUID();
      const body = referralBody(c, { narrative: `Parallel ${key}` });
      const results = await Promise.all(
        Array.from({ length: 10 }, () => create(body, sro, { 'idempotency-key': key })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      const rows = await t.db.query(`SELECT id FROM referrals WHERE narrative = $1`, [`Parallel ${key}`]);
      expect(rows).toHaveLength(1);
    });

    it('lets a key expire after 24 hours', async () => {
      const key = randomUUID();
      const body = referralBody(c);
      const first = await create(body, sro, { 'idempotency-key': key });
      t.clock.advance(24 * 3_600_000 + 1000);
      // Sessions end after 12 hours: sign everyone in again.
      [sro, sro2, sergeant, supervisor, counselor] = await Promise.all(
        ['sro', 'sro2', 'sergeant', 'supervisor', 'counselor'].map((n) => t.login(demo(n))),
      );
      const later = await create(body, sro, { 'idempotency-key': key });
      expect(later.status).toBe(201);
      expect(later.body.id).not.toBe(first.body.id);
    });

    it('refuses a malformed key', async () => {
      const res = await create(referralBody(c), sro, { 'idempotency-key': 'short' });
      expect(res.status).toBe(400);
    });
  });

  describe('drafts', () => {
    it('saves a draft only its author sees, then completes and submits it', async () => {
      const res = await create({
        submit: false,
        youth: { firstName: 'Draft', lastName: 'Person', dateOfBirth: '2012-01-02', primaryLanguage: 'en' },
        schoolId: c.schoolId,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'DRAFT',
        referenceNumber: null,
        receivedAt: null,
        youthId: null,
      });
      expect(res.body.draft).toMatchObject({ schoolId: c.schoolId, youth: { firstName: 'Draft' } });
      const id = res.body.id;
      for (const s of [sro2, sergeant, supervisor])
        expect((await t.call('GET', `/api/referrals/${id}`, { as: s })).status).toBe(404);
      const sgtList = await t.call('GET', '/api/referrals?status=DRAFT&pageSize=100', { as: sergeant });
      expect(sgtList.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      const ownList = await t.call('GET', '/api/referrals?status=DRAFT&pageSize=100', { as: sro });
      expect(ownList.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
        youthDisplayName: 'Draft Person',
        status: 'DRAFT',
      });

      const early = await t.call('POST', `/api/referrals/${id}/submit`, { as: sro, body: { version: 1 } });
      expect(early.status).toBe(400);
      expect(early.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'guardians',
        'incidentAt',
        'incidentLocation',
        'narrative',
        'pathway',
        'reasonCodes',
      ]);
      const { youth: _y, schoolId: _s, ...rest } = referralBody(c);
      const patched = await t.call('PATCH', `/api/referrals/${id}`, {
        as: sro,
        body: { version: 1, ...rest },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ status: 'DRAFT', version: 2 });
      const submitted = await t.call('POST', `/api/referrals/${id}/submit`, {
        as: sro,
        body: { version: 2 },
      });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'SUBMITTED', version: 3, draft: null });
      expect(submitted.body.referenceNumber).toMatch(/^R-\d{4}-\d{6}$/);
      expect(submitted.body.youth).toMatchObject({ firstName: 'Draft', lastName: 'Person' });
      expect(submitted.body.guardians).toHaveLength(1);
      expect((await t.call('GET', `/api/referrals/${id}`, { as: supervisor })).status).toBe(200);
    });

    it('validates draft fields that are present, and unknown fields', async () => {
      const bad = await create({ submit: false, reasonCodes: ['NOPE'], grade: 40 });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['grade']);
      const unknownCode = await create({ submit: false, reasonCodes: ['NOPE'] });
      expect(unknownCode.body.details).toEqual([{ path: 'reasonCodes.0', message: 'Unknown reason code' }]);
      expect((await create({ submit: false, status: 'SUBMITTED' })).status).toBe(400);
    });

    it('discards a draft (author only), never a submitted referral', async () => {
      const draft = await create({ submit: false, narrative: 'to discard' });
      expect((await t.call('DELETE', `/api/referrals/${draft.body.id}`, { as: sro2 })).status).toBe(404);
      expect((await t.call('DELETE', `/api/referrals/${draft.body.id}`, { as: sro })).status).toBe(204);
      expect((await t.call('GET', `/api/referrals/${draft.body.id}`, { as: sro })).status).toBe(404);
      const submitted = await create(referralBody(c));
      const res = await t.call('DELETE', `/api/referrals/${submitted.body.id}`, { as: sro });
      expect(res.status).toBe(409);
      expect(res.body.currentStatus).toBe('SUBMITTED');
    });
  });

  describe('transitions', () => {
    it('runs the NEEDS_INFO loop: request, edit with version, stale edit refused, resubmit', async () => {
      const created = await create(referralBody(c));
      const id = created.body.id;
      t.clock.advanceMinutes(1);
      const asked = await t.call('POST', `/api/referrals/${id}/request-info`, {
        as: supervisor,
        body: { version: 1, message: 'Please add a second phone number.' },
      });
      expect(asked.status).toBe(200);
      expect(asked.body).toMatchObject({
        status: 'NEEDS_INFO',
        version: 2,
        infoRequest: 'Please add a second phone number.',
      });
      const seen = await t.call('GET', `/api/referrals/${id}`, { as: sro });
      expect(seen.body.infoRequest).toBe('Please add a second phone number.');

      const guardians = [
        { name: 'Rocío Quintero', relationship: 'MOTHER', phone: '(619) 555-0142', preferredLanguage: 'es' },
        {
          name: 'Pedro Quintero',
          relationship: 'FATHER',
          phone: '(619) 555-0199',
          preferredLanguage: 'es',
          interpreterNeeded: true,
        },
      ];
      const edited = await t.call('PATCH', `/api/referrals/${id}`, {
        as: sro,
        body: { version: 2, guardians, reasonCodes: ['PHYSICAL_FIGHT', 'WEAPON'] },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        status: 'NEEDS_INFO',
        version: 3,
        eligibility: { decision: 'NEEDS_OVERRIDE' },
      });
      expect(edited.body.guardians).toHaveLength(2);
      expect(edited.body.referenceNumber).toBe(created.body.referenceNumber);

      const stale = await t.call('PATCH', `/api/referrals/${id}`, {
        as: sro,
        body: { version: 2, narrative: 'late' },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 3 });
      const invalid = await t.call('PATCH', `/api/referrals/${id}`, {
        as: sro,
        body: { version: 3, narrative: '' },
      });
      expect(invalid.status).toBe(400);

      t.clock.advanceMinutes(1);
      const resubmitted = await t.call('POST', `/api/referrals/${id}/submit`, {
        as: sro,
        body: { version: 3 },
      });
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body).toMatchObject({
        status: 'SUBMITTED',
        infoRequest: null,
        referenceNumber: created.body.referenceNumber,
        receivedAt: created.body.receivedAt,
      });
      expect(resubmitted.body.milestones.map((m: { status: string }) => m.status)).toEqual([
        'SUBMITTED',
        'NEEDS_INFO',
        'SUBMITTED',
      ]);
      const events = await t.auditRows(`action = 'TRANSITION' AND entity_id = $1`, [id]);
      expect(events).toHaveLength(2);
      const editNotAllowed = await t.call('PATCH', `/api/referrals/${id}`, {
        as: sro,
        body: { version: 4, narrative: 'x' },
      });
      expect(editNotAllowed.status).toBe(409);
      expect(editNotAllowed.body.currentStatus).toBe('SUBMITTED');
    });

    it('lets only the author withdraw, and not twice', async () => {
      const created = await create(referralBody(c));
      const id = created.body.id;
      const body = { version: 1, reason: 'Family moved away' };
      expect((await t.call('POST', `/api/referrals/${id}/withdraw`, { as: sro2, body })).status).toBe(404);
      expect((await t.call('POST', `/api/referrals/${id}/withdraw`, { as: sergeant, body })).status).toBe(
        403,
      );
      const done = await t.call('POST', `/api/referrals/${id}/withdraw`, { as: sro, body });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'WITHDRAWN',
        withdrawReason: 'Family moved away',
        version: 2,
      });
      const again = await t.call('POST', `/api/referrals/${id}/withdraw`, {
        as: sro,
        body: { ...body, version: 2 },
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', currentStatus: 'WITHDRAWN' });
      const stale = await t.call('POST', `/api/referrals/${id}/withdraw`, { as: sro, body });
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
    });

    it('lets the provider supervisor acknowledge (TRIAGE); counselors and officers may not', async () => {
      const created = await create(referralBody(c));
      const id = created.body.id;
      expect(
        (await t.call('POST', `/api/referrals/${id}/acknowledge`, { as: counselor, body: { version: 1 } }))
          .status,
      ).toBe(403);
      expect(
        (await t.call('POST', `/api/referrals/${id}/acknowledge`, { as: sro, body: { version: 1 } })).status,
      ).toBe(403);
      const res = await t.call('POST', `/api/referrals/${id}/acknowledge`, {
        as: supervisor,
        body: { version: 1 },
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('TRIAGE');
      const row = await t.db.query(
        `SELECT status_from, status_to, action FROM referral_events WHERE referral_id = $1 ORDER BY at`,
        [id],
      );
      expect(row).toEqual([
        { status_from: null, status_to: 'SUBMITTED', action: 'submit' },
        { status_from: 'SUBMITTED', status_to: 'TRIAGE', action: 'acknowledge' },
      ]);
    });
  });

  describe('reading', () => {
    const ids = async (sql: string, params: unknown[]) =>
      new Set((await t.db.query<{ id: string }[]>(sql, params)).map((r) => r.id));
    const listAll = async (s: Session) => {
      const first = await t.call('GET', '/api/referrals?pageSize=100', { as: s });
      expect(first.status).toBe(200);
      return first.body as { items: { id: string }[]; total: number };
    };

    it('scopes the list by role, in SQL', async () => {
      const own = await ids(`SELECT id FROM referrals WHERE referring_user_id = $1`, [sro.user.id]);
      const sroPage = await listAll(sro);
      expect(sroPage.total).toBe(own.size);
      expect(sroPage.items.every((i) => own.has(i.id))).toBe(true);

      const agency = await ids(`SELECT id FROM referrals WHERE referring_org_id = $1 AND status <> 'DRAFT'`, [
        sergeant.user.organization.id,
      ]);
      const sgtPage = await listAll(sergeant);
      expect(sgtPage.total).toBe(agency.size);
      expect(sgtPage.items.every((i) => agency.has(i.id))).toBe(true);

      const assigned = await ids(
        `SELECT id FROM referrals WHERE assigned_counselor_id = $1 AND status <> 'DRAFT'`,
        [counselor.user.id],
      );
      const cPage = await listAll(counselor);
      expect(assigned.size).toBeGreaterThan(0);
      expect(cPage.total).toBe(assigned.size);
      expect(cPage.items.every((i) => assigned.has(i.id))).toBe(true);

      const provider = await ids(
        `SELECT id FROM referrals WHERE provider_org_id = $1 AND status <> 'DRAFT'`,
        [supervisor.user.organization.id],
      );
      const supPage = await listAll(supervisor);
      expect(supPage.total).toBe(provider.size);

      for (const name of ['admin', 'auditor']) {
        const s = await t.login(demo(name));
        expect((await t.call('GET', '/api/referrals', { as: s })).status).toBe(403);
      }
    });

    it('filters by status, reference number, name (accents folded) and sorts', async () => {
      const created = await create(
        referralBody(c, {
          youth: {
            firstName: 'Zoé',
            lastName: 'Ibáñez-Quiroga',
            dateOfBirth: '2010-02-03',
            primaryLanguage: 'es',
          },
        }),
      );
      const byName = await t.call('GET', '/api/referrals?q=zoe%20ibanez', { as: sro });
      expect(byName.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
      const byNumber = await t.call('GET', `/api/referrals?q=${created.body.referenceNumber}`, { as: sro });
      expect(byNumber.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
      const submitted = await t.call(
        'GET',
        '/api/referrals?status=SUBMITTED&sort=referenceNumber:asc&pageSize=100',
        { as: sro },
      );
      const statuses = new Set(submitted.body.items.map((i: { status: string }) => i.status));
      expect([...statuses]).toEqual(['SUBMITTED']);
      const numbers = submitted.body.items.map((i: { referenceNumber: string }) => i.referenceNumber);
      expect(numbers).toEqual([...numbers].sort());
      expect((await t.call('GET', '/api/referrals?sort=name:asc', { as: sro })).status).toBe(400);
      expect((await t.call('GET', '/api/referrals?pageSize=101', { as: sro })).status).toBe(400);
    });

    it('shapes the detail by role: police keys are an allow-list; providers get their working fields', async () => {
      const created = await create(referralBody(c));
      const police = await t.call('GET', `/api/referrals/${created.body.id}`, { as: sro });
      expect(police.status).toBe(200);
      expect(
        Object.keys(police.body).filter((k) => !(POLICE_DETAIL_KEYS as readonly string[]).includes(k)),
      ).toEqual([]);
      expect(police.body.narrative).toBeTruthy();
      const agency = await t.call('GET', `/api/referrals/${created.body.id}`, { as: sergeant });
      expect(agency.status).toBe(200);
      const provider = await t.call('GET', `/api/referrals/${created.body.id}`, { as: supervisor });
      expect(provider.body).toHaveProperty('assignedCounselorId', null);
      expect(provider.body).toHaveProperty('declineReason', null);
      expect((await t.call('GET', `/api/referrals/${created.body.id}`, { as: sro2 })).status).toBe(404);
      expect((await t.call('GET', `/api/referrals/${created.body.id}`, { as: counselor })).status).toBe(404);
      expect((await t.call('GET', `/api/referrals/${randomUUID()}`, { as: sro })).status).toBe(404);
    });

    it('writes one VIEW audit row per read, with ids and no name or narrative', async () => {
      const created = await create(referralBody(c));
      await t.call('GET', `/api/referrals/${created.body.id}`, { as: sro });
      await t.call('GET', `/api/referrals/${created.body.id}`, { as: supervisor });
      const rows = await t.auditRows(`action = 'VIEW' AND entity_id = $1`, [created.body.id]);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        entity_type: 'referral',
        youth_id: created.body.youthId,
        changed_fields: [],
      });
      expect(JSON.stringify(rows)).not.toMatch(/Alondra|Quintero|quad|2011-04-12/);
    });

    it('seals the police view: SEALED, no name, not found by name; the provider keeps its record', async () => {
      const created = await create(
        referralBody(c, {
          youth: { firstName: 'Sealy', lastName: 'Sealed', dateOfBirth: '2011-01-01', primaryLanguage: 'en' },
        }),
      );
      const id = created.body.id;
      await t.db.query(`UPDATE referrals SET sealed_at = now(), completed_at = now() WHERE id = $1`, [id]);
      const police = await t.call('GET', `/api/referrals/${id}`, { as: sro });
      expect(police.body).toMatchObject({
        status: 'SEALED',
        sealed: true,
        youth: null,
        narrative: null,
        guardians: [],
      });
      expect(police.body.completedAt).toBeTruthy();
      const list = await t.call('GET', `/api/referrals?q=${created.body.referenceNumber}`, { as: sro });
      expect(list.body.items[0]).toMatchObject({ status: 'SEALED', youthDisplayName: null });
      const byName = await t.call('GET', '/api/referrals?q=sealy%20sealed', { as: sro });
      expect(byName.body.total).toBe(0);
      const provider = await t.call('GET', `/api/referrals/${id}`, { as: supervisor });
      expect(provider.body).toMatchObject({ status: 'SUBMITTED', youth: { firstName: 'Sealy' } });
    });
  });
});
