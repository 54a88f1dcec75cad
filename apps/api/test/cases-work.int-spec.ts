import { randomUUID } from 'node:crypto';
import {
  assessmentBody,
  caseRow,
  caseTeam,
  type CaseTeam,
  contactBody,
  openCase,
  type OpenedCase,
} from './support/case-workspace-fixtures';
import { catalog, type Catalog, count } from './support/referral-fixtures';
import { type Session, TestApp } from './support/test-app';

const HOUR = 3_600_000;

describe('case work: consents, assessments, plan, services, contacts, timeline', () => {
  let t: TestApp;
  let cat: Catalog;
  let team: CaseTeam;
  let counselor: Session;
  let supervisor: Session;
  let counselor2: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    cat = await catalog(t);
    team = await caseTeam(t);
    ({ counselor, counselor2, supervisor } = team);
  });
  afterAll(() => t.close());

  const open = (over: Partial<Parameters<typeof openCase>[2]> = {}) =>
    openCase(t, cat, { sro: team.sro, counselorId: counselor.user.id, ...over });
  const post = (c: OpenedCase, part: string, body: unknown, as: Session = counselor, headers = {}) =>
    t.call('POST', `/api/cases/${c.id}/${part}`, { as, body, headers });
  const get = (c: OpenedCase, part: string, as: Session = counselor) =>
    t.call('GET', `/api/cases/${c.id}/${part}`, { as });
  const ago = (hours: number) => new Date(t.clock.now().getTime() - hours * HOUR).toISOString();
  const paths = (res: { body: { details: { path: string }[] } }) =>
    res.body.details.map((d) => d.path).sort();

  describe('consents', () => {
    const roi = (over: Record<string, unknown> = {}) => ({
      type: 'RELEASE_OF_INFORMATION',
      youthAssent: true,
      guardianName: 'Rocío Quintero',
      signatureMethod: 'E_SIGNATURE',
      language: 'es',
      signedAt: ago(1),
      ...over,
    });

    it('lists the participation consent given at enrollment as active', async () => {
      const c = await open();
      const res = await get(c, 'consents');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        expect.objectContaining({
          id: c.consentId,
          type: 'PROGRAM_PARTICIPATION',
          active: true,
          revokedAt: null,
        }),
      ]);
    });

    it('records a release of information to the police with its scope', async () => {
      const c = await open();
      const [police] = await t.db.query(
        `SELECT id, name FROM organizations WHERE kind = 'LAW_ENFORCEMENT' LIMIT 1`,
      );
      const res = await post(
        c,
        'consents',
        roi({
          counterpartOrgId: police.id,
          infoScope: ['ATTENDANCE_PARTICIPATION', 'ATTENDANCE_PARTICIPATION'],
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        caseId: c.id,
        youthId: c.youthId,
        counterpartOrgId: police.id,
        counterpartOrgName: police.name,
        infoScope: ['ATTENDANCE_PARTICIPATION'],
        active: true,
      });
      const [audit] = await t.auditRows(`action = 'CREATE' AND entity_id = $1`, [res.body.id]);
      expect(audit).toMatchObject({ entity_type: 'consent', youth_id: c.youthId });
    });

    it('lists every missing field of a release and writes nothing', async () => {
      const c = await open();
      const before = await count(t, 'consents');
      const res = await post(c, 'consents', roi({ guardianName: undefined, language: 'spanish' }));
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['counterpartOrgId', 'guardianName', 'infoScope', 'language']);
      expect(await count(t, 'consents')).toBe(before);
    });

    it('refuses a guardian of another youth and a signature in the future', async () => {
      const c = await open();
      const other = await open();
      const [guardian] = await t.db.query(`SELECT id FROM guardians WHERE youth_id = $1`, [other.youthId]);
      const res = await post(
        c,
        'consents',
        roi({
          type: 'MENTAL_HEALTH_TREATMENT',
          guardianId: guardian.id,
          signedAt: new Date(t.clock.now().getTime() + 2 * HOUR).toISOString(),
        }),
      );
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['guardianId', 'signedAt']);
    });

    it('revokes a consent: in force no longer from the next request, and a second revocation is 409', async () => {
      const c = await open();
      const res = await post(c, `consents/${c.consentId}/revoke`, { reason: 'Family withdrew' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ revokedAt: t.clock.now().toISOString(), active: false });
      const [row] = await t.db.query(`SELECT revoked_by, version FROM consents WHERE id = $1`, [c.consentId]);
      expect(row).toEqual({ revoked_by: counselor.user.id, version: 2 });
      expect((await get(c, 'consents')).body[0].active).toBe(false);
      const again = await post(c, `consents/${c.consentId}/revoke`, {});
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'CONSENT_REVOKED', currentStatus: 'REVOKED' });
    });

    it('answers 404 when revoking a consent of another case', async () => {
      const c = await open();
      const other = await open();
      expect((await post(c, `consents/${other.consentId}/revoke`, {})).status).toBe(404);
    });
  });

  describe('assessments', () => {
    it('records the first assessment and moves the case from INTAKE to PLANNING', async () => {
      const c = await open();
      const res = await post(c, 'assessments', assessmentBody(t));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        caseId: c.id,
        instrument: 'YASI_PRESCREEN',
        overallLevel: 'MODERATE',
        effectiveLevel: 'MODERATE',
        totalScore: 12,
        domainScores: { family: 3, school: 4 },
        flags: [],
        createdBy: counselor.user.id,
        createdByName: 'Ana Torres',
      });
      expect(await caseRow(t, c.id)).toMatchObject({ status: 'PLANNING', version: 2 });
      const events = await t.db.query(
        `SELECT status_from, status_to, action FROM case_events WHERE case_id = $1 AND action <> 'open'`,
        [c.id],
      );
      expect(events).toEqual([
        { status_from: 'INTAKE', status_to: 'PLANNING', action: 'assessment-recorded' },
      ]);
      const second = await post(c, 'assessments', assessmentBody(t, { instrument: 'GAD_7' }));
      expect(second.status).toBe(201);
      expect(await caseRow(t, c.id)).toMatchObject({ status: 'PLANNING', version: 2 });
    });

    it('refuses a supervisor writing an assessment with 403 CLINICAL_WRITE_DENIED, but lets them read', async () => {
      const c = await open();
      const before = await count(t, 'assessments');
      const res = await post(c, 'assessments', assessmentBody(t), supervisor);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CLINICAL_WRITE_DENIED');
      expect(await count(t, 'assessments')).toBe(before);
      await post(c, 'assessments', assessmentBody(t));
      const read = await get(c, 'assessments', supervisor);
      expect(read.status).toBe(200);
      expect(read.body).toHaveLength(1);
    });

    it('answers 404 to another counselor, reading or writing', async () => {
      const c = await open();
      expect((await get(c, 'assessments', counselor2)).status).toBe(404);
      expect((await post(c, 'assessments', assessmentBody(t), counselor2)).status).toBe(404);
    });

    it('raises the safety flag on a SUICIDE_RISK screen until a completed crisis contact follows it', async () => {
      const c = await open();
      const screen = assessmentBody(t, {
        instrument: 'CSSRS_SCREEN',
        flags: ['SUICIDE_RISK', 'SELF_HARM', 'TRAUMA'],
        administeredAt: ago(5),
      });
      expect((await post(c, 'assessments', screen)).status).toBe(201);
      const flags = async () =>
        (await t.call('GET', `/api/cases/${c.id}`, { as: counselor })).body.safetyFlags;
      const listed = async () =>
        (await t.call('GET', `/api/cases?q=${c.caseNumber}`, { as: supervisor })).body.items[0].safetyFlag;
      // TRAUMA is not a risk of harm: it is no safety flag.
      expect(await flags()).toEqual(['SELF_HARM', 'SUICIDE_RISK']);
      expect(await listed()).toBe(true);
      // A crisis contact that did not happen, or one before the screen, resolves nothing.
      await post(
        c,
        'contacts',
        contactBody(t, { contactType: 'CRISIS', result: 'NO_SHOW', occurredAt: ago(2) }),
      );
      await post(c, 'contacts', contactBody(t, { contactType: 'CRISIS', occurredAt: ago(6) }));
      expect(await listed()).toBe(true);
      await post(c, 'contacts', contactBody(t, { contactType: 'CRISIS', occurredAt: ago(1) }));
      expect(await flags()).toEqual([]);
      expect(await listed()).toBe(false);
    });

    it('keeps an override pending until another person, a supervisor, approves it', async () => {
      const c = await open();
      const res = await post(
        c,
        'assessments',
        assessmentBody(t, { overrideLevel: 'HIGH', overrideReason: 'Recent escalation at home' }),
      );
      expect(res.body).toMatchObject({
        overrideLevel: 'HIGH',
        effectiveLevel: 'MODERATE',
        overrideApprovedBy: null,
      });
      const url = `assessments/${res.body.id}/approve-override`;
      expect((await post(c, url, undefined)).status).toBe(403);
      const approved = await post(c, url, undefined, supervisor);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        effectiveLevel: 'HIGH',
        overrideApprovedBy: supervisor.user.id,
        overrideApprovedAt: t.clock.now().toISOString(),
      });
      const [audit] = await t.auditRows(`action = 'OVERRIDE' AND entity_id = $1`, [res.body.id]);
      expect(audit).toMatchObject({ entity_type: 'assessment', actor_id: supervisor.user.id });
      const again = await post(c, url, undefined, supervisor);
      expect(again.status).toBe(409);
      expect(again.body.currentStatus).toBe('APPROVED');
    });

    it('refuses to approve an override its own recorder made (403 SELF_APPROVAL) or one that does not exist (409)', async () => {
      const c = await open();
      const res = await post(
        c,
        'assessments',
        assessmentBody(t, { overrideLevel: 'LOW', overrideReason: 'Context the tool misses' }),
      );
      // The recorder later became a supervisor of the case (e.g. promoted): still not their own approval.
      await t.db.query(`UPDATE assessments SET created_by = $2 WHERE id = $1`, [
        res.body.id,
        supervisor.user.id,
      ]);
      const self = await post(c, `assessments/${res.body.id}/approve-override`, undefined, supervisor);
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('SELF_APPROVAL');
      const plain = await post(c, 'assessments', assessmentBody(t));
      const none = await post(c, `assessments/${plain.body.id}/approve-override`, undefined, supervisor);
      expect(none.status).toBe(409);
      expect(none.body.currentStatus).toBe('NO_OVERRIDE');
      expect(
        (await post(c, `assessments/${randomUUID()}/approve-override`, undefined, supervisor)).status,
      ).toBe(404);
    });

    it('lists every bad field of an assessment and writes nothing', async () => {
      const c = await open();
      const before = await count(t, 'assessments');
      const res = await post(
        c,
        'assessments',
        assessmentBody(t, { instrument: 'MMPI', timing: 'LATER', flags: ['X'] }),
      );
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['flags.0', 'instrument', 'timing']);
      const noReason = await post(c, 'assessments', assessmentBody(t, { overrideLevel: 'HIGH' }));
      expect(noReason.status).toBe(400);
      expect(paths(noReason)).toEqual(['overrideReason']);
      const future = await post(
        c,
        'assessments',
        assessmentBody(t, { administeredAt: new Date(t.clock.now().getTime() + HOUR).toISOString() }),
      );
      expect(future.status).toBe(400);
      expect(paths(future)).toEqual(['administeredAt']);
      expect(await count(t, 'assessments')).toBe(before);
      expect((await caseRow(t, c.id)).status).toBe('INTAKE');
    });
  });

  describe('goals and accountability items', () => {
    it('creates a goal, edits it with its version and refuses a stale one', async () => {
      const c = await open();
      const res = await post(c, 'goals', {
        domain: 'ACADEMICS',
        description: 'Raise the math grade to a C',
        dueAt: '2030-01-15',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'NOT_STARTED', version: 1, dueAt: '2030-01-15' });
      const patch = (body: unknown) =>
        t.call('PATCH', `/api/cases/${c.id}/goals/${res.body.id}`, { as: counselor, body });
      const moved = await patch({ version: 1, status: 'IN_PROGRESS', dueAt: null });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ status: 'IN_PROGRESS', dueAt: null, version: 2 });
      const stale = await patch({ version: 1, status: 'ACHIEVED' });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
      expect((await get(c, 'goals')).body).toEqual([expect.objectContaining({ status: 'IN_PROGRESS' })]);
      const [audit] = await t.auditRows(`action = 'UPDATE' AND entity_id = $1`, [res.body.id]);
      expect(audit).toMatchObject({ entity_type: 'goal', changed_fields: ['dueAt', 'status'] });
    });

    it('lists every bad goal field and writes nothing', async () => {
      const c = await open();
      const before = await count(t, 'goals');
      const res = await post(c, 'goals', { domain: 'SPORTS', description: 'x', dueAt: 'soon', caseId: c.id });
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['caseId', 'description', 'domain', 'dueAt']);
      expect(await count(t, 'goals')).toBe(before);
    });

    it('answers 404 for a goal of another case', async () => {
      const c = await open();
      const other = await open();
      const goal = await post(other, 'goals', { domain: 'PEERS', description: 'Join a club' });
      const res = await t.call('PATCH', `/api/cases/${c.id}/goals/${goal.body.id}`, {
        as: counselor,
        body: { version: 1, status: 'ACHIEVED' },
      });
      expect(res.status).toBe(404);
    });

    it('records progress on an accountability item and who verified it', async () => {
      const c = await open();
      const res = await post(c, 'accountability-items', {
        type: 'COMMUNITY_SERVICE_HOURS',
        requiredAmount: 20,
        description: 'Park cleanup',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        requiredAmount: 20,
        completedAmount: 0,
        verifiedBy: null,
        version: 1,
      });
      const patch = (body: unknown, as: Session = counselor) =>
        t.call('PATCH', `/api/cases/${c.id}/accountability-items/${res.body.id}`, { as, body });
      const verified = await patch({ version: 1, completedAmount: 20, verified: true }, supervisor);
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({
        completedAmount: 20,
        verifiedBy: supervisor.user.id,
        verifiedByName: 'Rosa Martinez',
        verifiedAt: t.clock.now().toISOString(),
        version: 2,
      });
      const unverified = await patch({ version: 2, verified: false });
      expect(unverified.body).toMatchObject({ verifiedBy: null, verifiedAt: null, version: 3 });
      expect((await get(c, 'accountability-items')).body).toHaveLength(1);
    });
  });

  describe('services', () => {
    it('starts the service program with the first ACTIVE service: the 20-day clock ends and the case is ACTIVE', async () => {
      const c = await open();
      const referred = await post(c, 'services', {
        serviceType: 'INDIVIDUAL_COUNSELING',
        status: 'REFERRED',
        sessionsPlanned: 8,
      });
      expect(referred.status).toBe(201);
      expect(referred.body).toMatchObject({
        serviceTypeLabel: 'Individual counseling',
        serviceTypeLabelEs: 'Consejería individual',
        startedAt: null,
        sessionsAttended: 0,
      });
      expect(await caseRow(t, c.id)).toMatchObject({ status: 'INTAKE', service_program_initiated_at: null });
      const started = await t.call('PATCH', `/api/cases/${c.id}/services/${referred.body.id}`, {
        as: counselor,
        body: { version: 1, status: 'ACTIVE', startedAt: ago(2) },
      });
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ status: 'ACTIVE', startedAt: ago(2), version: 2 });
      const detail = await t.call('GET', `/api/cases/${c.id}`, { as: counselor });
      expect(detail.body).toMatchObject({ status: 'ACTIVE', clocks: { serviceProgramInitiatedAt: ago(2) } });
      // A second service that starts later does not move the date the program started.
      const second = await post(c, 'services', { serviceType: 'MENTORING', status: 'ACTIVE' });
      expect(second.body.startedAt).toBe(t.clock.now().toISOString());
      expect((await caseRow(t, c.id)).service_program_initiated_at.toISOString()).toBe(ago(2));
      const events = await t.db.query(
        `SELECT status_from, status_to FROM case_events WHERE case_id = $1 AND action = 'service-started'`,
        [c.id],
      );
      expect(events).toEqual([{ status_from: 'INTAKE', status_to: 'ACTIVE' }]);
    });

    it('starts the program when a service is created ACTIVE, starting now by default', async () => {
      const c = await open();
      const res = await post(c, 'services', { serviceType: 'GROUP_COUNSELING', status: 'ACTIVE' });
      expect(res.status).toBe(201);
      const row = await caseRow(t, c.id);
      expect(row.status).toBe('ACTIVE');
      expect(row.service_program_initiated_at.toISOString()).toBe(t.clock.now().toISOString());
    });

    it('counts sessions attended: completed contacts linked to the service', async () => {
      const c = await open();
      const s = await post(c, 'services', { serviceType: 'INDIVIDUAL_COUNSELING', status: 'ACTIVE' });
      for (const result of ['COMPLETED', 'COMPLETED', 'NO_SHOW'])
        expect(
          (await post(c, 'contacts', { ...contactBody(t, { result }), serviceEnrollmentId: s.body.id }))
            .status,
        ).toBe(201);
      const list = await get(c, 'services');
      expect(list.body).toEqual([expect.objectContaining({ id: s.body.id, sessionsAttended: 2 })]);
    });

    it('ends a completed service now unless told when, and refuses an end before the start', async () => {
      const c = await open();
      const s = await post(c, 'services', { serviceType: 'MENTORING', status: 'ACTIVE', startedAt: ago(48) });
      const patch = (body: unknown) =>
        t.call('PATCH', `/api/cases/${c.id}/services/${s.body.id}`, { as: counselor, body });
      const early = await patch({ version: 1, status: 'COMPLETED', endedAt: ago(50) });
      expect(early.status).toBe(400);
      expect(paths(early)).toEqual(['endedAt']);
      const done = await patch({ version: 1, status: 'COMPLETED' });
      expect(done.body).toMatchObject({ status: 'COMPLETED', endedAt: t.clock.now().toISOString() });
    });

    it('refuses a service type outside the catalog and a start in the future, listing both', async () => {
      const c = await open();
      const before = await count(t, 'service_enrollments');
      const res = await post(c, 'services', {
        serviceType: 'ASTROLOGY',
        status: 'ACTIVE',
        startedAt: new Date(t.clock.now().getTime() + 3 * HOUR).toISOString(),
      });
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['serviceType', 'startedAt']);
      expect(await count(t, 'service_enrollments')).toBe(before);
      expect((await caseRow(t, c.id)).status).toBe('INTAKE');
    });
  });

  describe('contacts', () => {
    it('completes intake with a completed INTAKE contact: intakeCompletedAt and ASSESSMENT', async () => {
      const c = await open();
      const noShow = await post(c, 'contacts', contactBody(t, { contactType: 'INTAKE', result: 'NO_SHOW' }));
      expect(noShow.status).toBe(201);
      expect((await caseRow(t, c.id)).status).toBe('INTAKE');
      const res = await post(
        c,
        'contacts',
        contactBody(t, { contactType: 'INTAKE', occurredAt: ago(3), language: 'es', interpreterUsed: true }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        caseId: c.id,
        referralId: null,
        contactType: 'INTAKE',
        result: 'COMPLETED',
        language: 'es',
        interpreterUsed: true,
        createdByName: 'Ana Torres',
      });
      const detail = await t.call('GET', `/api/cases/${c.id}`, { as: counselor });
      expect(detail.body).toMatchObject({
        status: 'ASSESSMENT',
        clocks: { intakeCompletedAt: ago(3), lastContactAt: ago(3) },
      });
    });

    it('refuses a service of another case and a contact in the future, listing both, and writes nothing', async () => {
      const c = await open();
      const other = await open();
      const s = await post(other, 'services', { serviceType: 'MENTORING', status: 'REFERRED' });
      const before = await count(t, 'contacts');
      const res = await post(c, 'contacts', {
        ...contactBody(t, { occurredAt: new Date(t.clock.now().getTime() + HOUR).toISOString() }),
        serviceEnrollmentId: s.body.id,
      });
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['occurredAt', 'serviceEnrollmentId']);
      expect(await count(t, 'contacts')).toBe(before);
    });

    it('creates one contact for a retried POST with the same Idempotency-Key', async () => {
      const c = await open();
      const body = contactBody(t);
      const headers = { 'idempotency-key': randomUUID() };
      const first = await post(c, 'contacts', body, counselor, headers);
      const retry = await post(c, 'contacts', body, counselor, headers);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      expect((await get(c, 'contacts')).body).toHaveLength(1);
    });

    it('lists the case contacts newest first, each read audited once', async () => {
      const c = await open();
      await post(c, 'contacts', contactBody(t, { occurredAt: ago(5) }));
      await post(c, 'contacts', contactBody(t, { occurredAt: ago(1), modality: 'PHONE' }));
      const res = await get(c, 'contacts', supervisor);
      expect(res.body.map((x: { modality: string }) => x.modality)).toEqual(['PHONE', 'OFFICE']);
      const views = await t.auditRows(`action = 'VIEW' AND entity_id = $1`, [c.id]);
      expect(views.map((v) => v.entity_type)).toEqual(['case.contacts']);
    });
  });

  describe('timeline', () => {
    it('tells the case in order with who did what, details as codes', async () => {
      const c = await open();
      const later = () => t.clock.advance(60_000);
      const contactAt = ago(6);
      const assessedAt = ago(5);
      later();
      await post(c, 'contacts', contactBody(t, { contactType: 'INTAKE', occurredAt: contactAt }));
      later();
      await post(c, 'assessments', assessmentBody(t, { administeredAt: assessedAt }));
      later();
      await post(c, 'goals', { domain: 'PEERS', description: 'Join the soccer club' });
      later();
      await post(c, 'notes', { kind: 'CASE_NOTE', body: 'Met with mother; very engaged.' });
      const res = await get(c, 'timeline', supervisor);
      expect(res.status).toBe(200);
      const entries = res.body as { at: string; kind: string; detail: string; actorName: string | null }[];
      const byKind = (kind: string) => entries.filter((e) => e.kind === kind);
      expect(byKind('REFERRAL_EVENT').map((e) => e.detail)).toEqual(['SUBMITTED', 'ENROLLED']);
      expect(byKind('CASE_STATUS').map((e) => e.detail)).toEqual(['INTAKE', 'ASSESSMENT', 'PLANNING']);
      expect(byKind('CONTACT')).toEqual([
        expect.objectContaining({ detail: 'INTAKE', actorName: 'Ana Torres', at: contactAt }),
      ]);
      expect(byKind('CONSENT')).toEqual([expect.objectContaining({ detail: 'PROGRAM_PARTICIPATION' })]);
      expect(byKind('ASSESSMENT')).toEqual([
        expect.objectContaining({ detail: 'YASI_PRESCREEN', at: assessedAt }),
      ]);
      expect(byKind('GOAL')).toEqual([expect.objectContaining({ detail: 'PEERS' })]);
      expect(byKind('NOTE')).toEqual([
        expect.objectContaining({ detail: 'CASE_NOTE', actorName: 'Ana Torres' }),
      ]);
      const times = entries.map((e) => e.at);
      expect([...times].sort()).toEqual(times);
      expect(JSON.stringify(res.body)).not.toMatch(/engaged|soccer/);
    });
  });
});
