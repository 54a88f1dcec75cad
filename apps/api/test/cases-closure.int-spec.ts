import { calendarDateIn, followUpDueAt, PROGRAM_TIME_ZONE } from '@pathways/domain';
import {
  caseRow,
  caseTeam,
  type CaseTeam,
  closeCase,
  openCase,
  type OpenedCase,
} from './support/case-workspace-fixtures';
import { catalog, type Catalog, count } from './support/referral-fixtures';
import { demo, type Session, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('case closure, its effects, reopening and follow-ups', () => {
  let t: TestApp;
  let cat: Catalog;
  let team: CaseTeam;
  let counselor: Session;
  let supervisor: Session;
  let supervisor2: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    cat = await catalog(t);
    team = await caseTeam(t);
    ({ counselor, supervisor } = team);
    // A second provider supervisor, so a supervisor's own closure request can be approved by someone else.
    await t.db.query(
      `INSERT INTO users (organization_id, email, display_name, role, password_hash)
       SELECT organization_id, $1, 'Second Supervisor', 'PROVIDER_SUPERVISOR', password_hash FROM users WHERE email = $2`,
      ['supervisor2@test.pathways.local', demo('supervisor')],
    );
    supervisor2 = await t.login('supervisor2@test.pathways.local');
  });
  afterAll(() => t.close());

  /** Moves the clock on; sessions time out meanwhile, so everyone signs in again. */
  async function later(ms: number): Promise<void> {
    t.clock.advance(ms);
    team = await caseTeam(t);
    ({ counselor, supervisor } = team);
    supervisor2 = await t.login('supervisor2@test.pathways.local');
  }

  const open = (pathway: 'LE_DIVERSION_626B' | 'PREVENTION' = 'LE_DIVERSION_626B') =>
    openCase(t, cat, { sro: team.sro, counselorId: counselor.user.id, pathway });
  const call = (c: OpenedCase, action: string, body: unknown, as: Session = supervisor) =>
    t.call('POST', `/api/cases/${c.id}/${action}`, { as, body });
  const notices = (c: OpenedCase) =>
    t.db.query(`SELECT * FROM notices WHERE referral_id = $1 ORDER BY sent_at`, [c.referralId]);
  const referral = async (c: OpenedCase) =>
    (await t.db.query(`SELECT * FROM referrals WHERE id = $1`, [c.referralId]))[0];

  describe('requesting and approving', () => {
    it('moves an open case to CLOSURE_REVIEW and remembers where it came from', async () => {
      const c = await open();
      await t.db.query(`UPDATE cases SET status = 'ON_HOLD' WHERE id = $1`, [c.id]);
      const res = await call(
        c,
        'request-closure',
        { version: 1, closureReason: 'WITHDREW', summary: 'Family moved on' },
        counselor,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'CLOSURE_REVIEW',
        closure: {
          requestedAt: t.clock.now().toISOString(),
          requestedBy: counselor.user.id,
          requestedByName: 'Ana Torres',
          reason: 'WITHDREW',
          summary: 'Family moved on',
        },
      });
      expect((await caseRow(t, c.id)).status_before_closure).toBe('ON_HOLD');
    });

    it('returns a rejected closure to the state it was asked from, with the supervisor’s comment', async () => {
      const c = await open();
      await t.db.query(`UPDATE cases SET status = 'ON_HOLD' WHERE id = $1`, [c.id]);
      const requested = await call(
        c,
        'request-closure',
        { version: 1, closureReason: 'MOVED', summary: 'Moving to Tijuana' },
        counselor,
      );
      const res = await call(c, 'reject-closure', {
        version: requested.body.version,
        comment: 'Confirm the move first',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ON_HOLD',
        closure: { rejectedComment: 'Confirm the move first', closedAt: null },
      });
    });

    it('refuses the requester approving their own closure with 403 SELF_APPROVAL, writing nothing', async () => {
      const c = await open();
      const requested = await call(c, 'request-closure', {
        version: 1,
        closureReason: 'COMPLETED_ALL_GOALS',
        summary: 'Done',
      });
      expect(requested.status).toBe(200);
      const before = await caseRow(t, c.id);
      const self = await call(c, 'approve-closure', { version: requested.body.version });
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('SELF_APPROVAL');
      expect(await caseRow(t, c.id)).toEqual(before);
      expect(await notices(c)).toEqual([]);
      const other = await call(c, 'approve-closure', { version: requested.body.version }, supervisor2);
      expect(other.status).toBe(200);
    });

    it('refuses a counselor approving (403: the role cannot supervise)', async () => {
      const c = await open();
      const requested = await call(
        c,
        'request-closure',
        { version: 1, closureReason: 'OTHER', summary: 'x-y-z' },
        counselor,
      );
      const res = await call(c, 'approve-closure', { version: requested.body.version }, counselor);
      expect(res.status).toBe(403);
      expect((await caseRow(t, c.id)).status).toBe('CLOSURE_REVIEW');
    });

    it('refuses a stale approval with 409 and changes nothing', async () => {
      const c = await open();
      await call(c, 'request-closure', { version: 1, closureReason: 'OTHER', summary: 'x-y-z' }, counselor);
      const res = await call(c, 'approve-closure', { version: 1 });
      expect(res.status).toBe(409);
      expect(res.body.currentVersion).toBe(2);
      expect((await caseRow(t, c.id)).status).toBe('CLOSURE_REVIEW');
    });

    it('lists every bad field of a closure request and writes nothing', async () => {
      const c = await open();
      const res = await call(
        c,
        'request-closure',
        { version: 1, closureReason: 'BORED', summary: '' },
        counselor,
      );
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'closureReason',
        'summary',
      ]);
      expect((await caseRow(t, c.id)).status).toBe('INTAKE');
    });
  });

  describe('what closing does, by pathway and outcome', () => {
    it('closes a successful police diversion: completion notice, sealing, follow-ups, all at once', async () => {
      const c = await open();
      const closed = await closeCase(t, c.id, counselor, supervisor, 'COMPLETED_MOST_GOALS');
      const closedAt = t.clock.now();
      expect(closed).toMatchObject({
        status: 'CLOSED',
        closure: {
          reason: 'COMPLETED_MOST_GOALS',
          outcomeClass: 'SUCCESSFUL',
          approvedBy: supervisor.user.id,
          approvedByName: 'Rosa Martinez',
          closedAt: closedAt.toISOString(),
          completionNoticeSentAt: closedAt.toISOString(),
          reopenUntil: new Date(closedAt.getTime() + 30 * DAY).toISOString(),
        },
      });
      const [notice] = await notices(c);
      expect(notice).toMatchObject({
        type: 'COMPLETION_827_95',
        case_id: c.id,
        to_user_id: team.sro.user.id,
        facts: {
          completedAt: calendarDateIn(closedAt, PROGRAM_TIME_ZONE),
          closureReason: 'COMPLETED_MOST_GOALS',
        },
      });
      expect(await referral(c)).toMatchObject({ sealed_at: closedAt, completed_at: closedAt });
      const [seal] = await t.db.query(
        `SELECT * FROM referral_events WHERE referral_id = $1 AND action = 'seal'`,
        [c.referralId],
      );
      expect(seal).toMatchObject({ actor_id: supervisor.user.id, status_to: 'ENROLLED' });
      const [sealAudit] = await t.auditRows(`action = 'SEAL' AND entity_id = $1`, [c.referralId]);
      expect(sealAudit).toMatchObject({ entity_type: 'referral', youth_id: c.youthId });
      const followUps = await t.call('GET', `/api/cases/${c.id}/follow-ups`, { as: counselor });
      expect(followUps.body).toEqual([
        expect.objectContaining({
          window: 'M6',
          status: 'PENDING',
          dueAt: followUpDueAt(closedAt, 'M6').toISOString(),
          version: 1,
        }),
        expect.objectContaining({ window: 'M12', dueAt: followUpDueAt(closedAt, 'M12').toISOString() }),
      ]);
    });

    it('shows the referring officer a sealed referral: SEALED, the completion date, no youth', async () => {
      const c = await open();
      await closeCase(t, c.id, counselor, supervisor);
      const res = await t.call('GET', `/api/referrals/${c.referralId}`, { as: team.sro });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'SEALED',
        sealed: true,
        referenceNumber: c.referenceNumber,
        youth: null,
        youthId: null,
        narrative: null,
        guardians: [],
        completedAt: t.clock.now().toISOString(),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/Marisol|Casefixture|Quintero|quad/);
    });

    it('returns an unsuccessful police diversion to the officer: UNSUCCESSFUL_RETURN, not sealed', async () => {
      const c = await open();
      const closed = await closeCase(t, c.id, counselor, supervisor, 'NON_PARTICIPATION');
      expect(closed.closure).toMatchObject({ outcomeClass: 'UNSUCCESSFUL', completionNoticeSentAt: null });
      const [notice] = await notices(c);
      expect(notice).toMatchObject({ type: 'UNSUCCESSFUL_RETURN', facts: { outcome: 'CASE_UNSUCCESSFUL' } });
      expect(await referral(c)).toMatchObject({
        sealed_at: null,
        completed_at: null,
        returned_to_referrer_at: t.clock.now(),
      });
      const police = await t.call('GET', `/api/referrals/${c.referralId}`, { as: team.sro });
      expect(police.body).toMatchObject({ sealed: false, status: 'ENROLLED' });
    });

    it('never escalates a PREVENTION case: no notice, no sealing, but completed for the officer', async () => {
      const c = await open('PREVENTION');
      await closeCase(t, c.id, counselor, supervisor, 'COMPLETED_ALL_GOALS');
      expect(await notices(c)).toEqual([]);
      expect(await referral(c)).toMatchObject({
        sealed_at: null,
        returned_to_referrer_at: null,
        completed_at: t.clock.now(),
      });
      const failed = await open('PREVENTION');
      await closeCase(t, failed.id, counselor, supervisor, 'WITHDREW');
      expect(await notices(failed)).toEqual([]);
      expect(await referral(failed)).toMatchObject({ returned_to_referrer_at: null, completed_at: null });
    });

    it('sends nothing for an administrative closure of a police diversion', async () => {
      const c = await open();
      const closed = await closeCase(t, c.id, counselor, supervisor, 'MOVED');
      expect(closed.closure.outcomeClass).toBe('ADMINISTRATIVE');
      expect(await notices(c)).toEqual([]);
      expect(await referral(c)).toMatchObject({
        sealed_at: null,
        completed_at: null,
        returned_to_referrer_at: null,
      });
    });

    it('keeps a closed case read-only except notes, consent revocation and follow-ups', async () => {
      const c = await open();
      await closeCase(t, c.id, counselor, supervisor);
      const goal = await t.call('POST', `/api/cases/${c.id}/goals`, {
        as: counselor,
        body: { domain: 'PEERS', description: 'Join a club' },
      });
      expect(goal.status).toBe(409);
      expect(goal.body).toMatchObject({ code: 'CASE_CLOSED', currentStatus: 'CLOSED' });
      const note = await t.call('POST', `/api/cases/${c.id}/notes`, {
        as: counselor,
        body: { kind: 'CASE_NOTE', body: 'Late entry: exit interview' },
      });
      expect(note.status).toBe(201);
      const revoke = await t.call('POST', `/api/cases/${c.id}/consents/${c.consentId}/revoke`, {
        as: counselor,
        body: {},
      });
      expect(revoke.status).toBe(200);
    });

    it('shows the closure in the timeline: request, closing, notice and sealing', async () => {
      const c = await open();
      await closeCase(t, c.id, counselor, supervisor);
      const res = await t.call('GET', `/api/cases/${c.id}/timeline`, { as: supervisor });
      const entries = res.body.map((e: { kind: string; detail: string }) => `${e.kind}:${e.detail}`);
      expect(entries).toEqual(
        expect.arrayContaining([
          'CLOSURE_REQUESTED:COMPLETED_ALL_GOALS',
          'CLOSED:SUCCESSFUL',
          'NOTICE:COMPLETION_827_95',
          'REFERRAL_EVENT:SEALED',
        ]),
      );
    });
  });

  describe('reopening', () => {
    it('reopens within 30 days: ACTIVE again, closure cleared, still sealed, the notice kept', async () => {
      const c = await open();
      const closed = await closeCase(t, c.id, counselor, supervisor);
      await later(29 * DAY);
      const res = await call(c, 'reopen', { version: closed.version, reason: 'New concerns at school' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ACTIVE',
        statusReason: 'New concerns at school',
        closure: { closedAt: null, outcomeClass: null, reason: null, reopenUntil: null },
      });
      expect((await referral(c)).sealed_at).not.toBeNull();
      expect(await notices(c)).toHaveLength(1);
      expect(await count(t, `follow_ups WHERE case_id = '${c.id}'`)).toBe(0);
      const events = await t.db.query(
        `SELECT action FROM case_events WHERE case_id = $1 AND action IN ('approve-closure', 'reopen')`,
        [c.id],
      );
      expect(events.map((e: { action: string }) => e.action).sort()).toEqual(['approve-closure', 'reopen']);
      // Closing it again: fresh follow-ups, but no second completion notice.
      await closeCase(t, c.id, counselor, supervisor);
      expect(await notices(c)).toHaveLength(1);
      const [m6] = await t.db.query(`SELECT due_at FROM follow_ups WHERE case_id = $1 AND "window" = 'M6'`, [
        c.id,
      ]);
      expect(m6.due_at.toISOString()).toBe(followUpDueAt(t.clock.now(), 'M6').toISOString());
    });

    it('refuses to reopen after 30 days with 409 REOPEN_WINDOW_PASSED', async () => {
      const c = await open();
      const closed = await closeCase(t, c.id, counselor, supervisor);
      await later(30 * DAY + 60_000);
      const res = await call(c, 'reopen', { version: closed.version, reason: 'Too late now' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'REOPEN_WINDOW_PASSED', currentStatus: 'CLOSED' });
      expect((await caseRow(t, c.id)).status).toBe('CLOSED');
    });

    it('refuses a counselor reopening (403)', async () => {
      const c = await open();
      const closed = await closeCase(t, c.id, counselor, supervisor);
      const res = await call(c, 'reopen', { version: closed.version, reason: 'Please reopen' }, counselor);
      expect(res.status).toBe(403);
    });
  });

  describe('follow-ups', () => {
    let c: OpenedCase;
    beforeAll(async () => {
      c = await open();
      await closeCase(t, c.id, counselor, supervisor);
      // Six months have passed for M6 (its window is open); M12 stays months away. Moving the clock instead would
      // end the signed-in sessions (30-minute idle limit).
      await t.db.query(`UPDATE follow_ups SET due_at = $2 WHERE case_id = $1 AND "window" = 'M6'`, [
        c.id,
        t.clock.now(),
      ]);
    });
    const patch = (window: string, body: unknown) =>
      t.call('PATCH', `/api/cases/${c.id}/follow-ups/${window}`, { as: counselor, body });

    it('reads one follow-up by its window', async () => {
      const res = await t.call('GET', `/api/cases/${c.id}/follow-ups/M12`, { as: counselor });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ caseId: c.id, window: 'M12', status: 'PENDING', completedAt: null });
    });

    it('refuses DONE before the window opens (due date − 14 days) with a 400 on status, writing nothing', async () => {
      const res = await patch('M12', { version: 1, status: 'DONE', newLeContact: 'NONE' });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(['status']);
      const after = await t.call('GET', `/api/cases/${c.id}/follow-ups/M12`, { as: counselor });
      expect(after.body).toMatchObject({ status: 'PENDING', newLeContact: null, version: 1 });
    });

    it('refuses DONE without the new law-enforcement contact (400) and writes nothing', async () => {
      const res = await patch('M6', { version: 1, status: 'DONE', attendanceRate: 92 });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(['newLeContact']);
      expect((await t.call('GET', `/api/cases/${c.id}/follow-ups/M6`, { as: counselor })).body.version).toBe(
        1,
      );
    });

    it('records a follow-up DONE, completed now by default, and refuses the same version twice', async () => {
      const res = await patch('M6', {
        version: 1,
        status: 'DONE',
        newLeContact: 'NONE',
        attendanceRate: 92,
        suspensions: 0,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'DONE',
        newLeContact: 'NONE',
        attendanceRate: 92,
        suspensions: 0,
        completedAt: t.clock.now().toISOString(),
        version: 2,
      });
      const stale = await patch('M6', { version: 1, status: 'UNABLE' });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
      const [audit] = await t.auditRows(`action = 'UPDATE' AND entity_id = $1`, [res.body.id]);
      expect(audit.entity_type).toBe('follow_up');
    });

    it('answers 400 for a window that is not M6 or M12, and 404 on a case with no follow-ups', async () => {
      expect((await t.call('GET', `/api/cases/${c.id}/follow-ups/M3`, { as: counselor })).status).toBe(400);
      const openCaseNow = await open();
      const res = await t.call('GET', `/api/cases/${openCaseNow.id}/follow-ups/M6`, { as: counselor });
      expect(res.status).toBe(404);
    });
  });
});
