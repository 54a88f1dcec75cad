import { addCalendarDays, calendarDateIn, PROGRAM_TIME_ZONE } from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import { caseRow, contactBody, openCase, type OpenedCase } from './support/case-workspace-fixtures';
import { type FaultPoint, faultName, withFailingWrite } from './support/injected-faults';
import { consentPending, enrolled, type Flow, flow, ok, participation } from './support/referral-flow';
import { type Loose, type Session, TestApp } from './support/test-app';

/**
 * QUALITY.md "Reliability tests": what concurrency and a failure halfway through a multi-step action may never
 * do. Covered elsewhere and not repeated here: two parallel PATCHes of one case (cases.int-spec.ts "lets exactly
 * one of two concurrent edits with the same version win"), 10 parallel referral creates with one Idempotency-Key
 * (referrals.int-spec.ts), two parallel outreach contacts with one key (referral-triage.int-spec.ts), a sequential
 * enroll retry with one key, and enroll failing at its consents, case_events and notices inserts
 * (referral-triage.int-spec.ts).
 */
describe('resilience: concurrent edits, parallel retries, all-or-nothing actions', () => {
  let t: TestApp;
  let f: Flow;
  beforeAll(async () => {
    t = await TestApp.start();
    f = await flow(t);
  });
  afterAll(() => t.close());

  const counselor = (): Session => f.as.counselor;
  const supervisor = (): Session => f.as.supervisor;
  const newCase = (): Promise<OpenedCase> =>
    openCase(t, f.c, { sro: f.as.sro, counselorId: counselor().user.id });
  const patchCase = (id: string, body: Loose, as: Session) =>
    t.call('PATCH', `/api/cases/${id}`, { as, body });
  const caseAction = (id: string, action: string, body: Loose, as: Session) =>
    t.call('POST', `/api/cases/${id}/${action}`, { as, body });
  const auditCount = async (): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM audit_events`))[0].n;
  const lastSeq = async (): Promise<string> =>
    (await t.db.query(`SELECT coalesce(max(seq), 0)::text AS s FROM audit_events`))[0].s;
  const rows = (sql: string, id: string): Promise<Loose[]> => t.db.query(sql, [id]);

  describe('concurrent edits of one case', () => {
    it('loses nothing: of two edits at one version one wins, the other gets 409 and succeeds after a re-read', async () => {
      const c = await newCase();
      const before = await caseRow(t, c.id);
      const targetEndAt = addCalendarDays(calendarDateIn(before.opened_at, PROGRAM_TIME_ZONE), 100);
      // The counselor moves the target end while the supervisor asks for closure (different fields, one version).
      const edits = [
        {
          as: counselor(),
          send: (version: number) => patchCase(c.id, { version, targetEndAt }, counselor()),
        },
        {
          as: supervisor(),
          send: (version: number) =>
            caseAction(
              c.id,
              'request-closure',
              { version, closureReason: 'WITHDREW', summary: 'Family moved away' },
              supervisor(),
            ),
        },
      ];
      const results = await Promise.all(edits.map((e) => e.send(1)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const lost = results.findIndex((r) => r.status === 409);
      expect(results[lost].body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
      expect((await caseRow(t, c.id)).version).toBe(2);

      // What a client does with a 409: read again, apply its change to the current version.
      const current = await t.call('GET', `/api/cases/${c.id}`, { as: edits[lost].as });
      expect(current.body.version).toBe(2);
      const retried = await edits[lost].send(current.body.version);
      expect(retried.status).toBe(200);
      const patched = lost === 0 ? retried : results[0];
      const row = await caseRow(t, c.id);
      expect(row.version).toBe(3);
      expect(row.target_end_at.toISOString()).toBe(patched.body.clocks.targetEndAt);
      expect(row.target_end_at.getTime()).not.toBe(before.target_end_at.getTime());
      expect(row).toMatchObject({ status: 'CLOSURE_REVIEW', closure_reason: 'WITHDREW' });
    });

    it('serializes different endpoints and people on one version: one write wins, the others get 409', async () => {
      const c = await newCase();
      const before = await caseRow(t, c.id);
      const opened = calendarDateIn(before.opened_at, PROGRAM_TIME_ZONE);
      const seqBefore = await lastSeq();
      // Nothing here changes who may see the case (a reassignment would turn the counselor's 409 into a 404).
      const results = await Promise.all([
        patchCase(c.id, { version: 1, targetEndAt: addCalendarDays(opened, 90) }, counselor()),
        patchCase(c.id, { version: 1, targetEndAt: addCalendarDays(opened, 120) }, supervisor()),
        caseAction(
          c.id,
          'request-closure',
          { version: 1, closureReason: 'WITHDREW', summary: 'Family moved away' },
          supervisor(),
        ),
      ]);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(2);
      for (const r of results.filter((x) => x.status === 409))
        expect(r.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
      // The winner's change and history only: one case event and one audit row, none of the losers'.
      const winner = statuses.indexOf(200);
      const row = await caseRow(t, c.id);
      expect(row.version).toBe(2);
      expect(row.status).toBe(winner === 2 ? 'CLOSURE_REVIEW' : 'INTAKE');
      expect(row.target_end_at.toISOString()).toBe(
        winner === 2 ? before.target_end_at.toISOString() : results[winner].body.clocks.targetEndAt,
      );
      const events = await rows(
        `SELECT action FROM case_events WHERE case_id = $1 AND action <> 'open'`,
        c.id,
      );
      expect(events).toEqual([{ action: winner === 2 ? 'request-closure' : 'update' }]);
      const writes = await t.auditRows(`seq > $1 AND entity_id = $2 AND action <> 'VIEW'`, [seqBefore, c.id]);
      expect(writes).toHaveLength(1);
    });
  });

  describe('idempotent creates under parallel retries (one Idempotency-Key)', () => {
    const N = 6;

    it(`enrolls once when ${N} retries of one enrollment arrive together`, async () => {
      const r = await consentPending(f);
      const headers = { 'idempotency-key': randomUUID() };
      const body = { version: r.version, consents: [participation(f)] };
      const results = await Promise.all(
        Array.from({ length: N }, () =>
          t.call('POST', `/api/referrals/${r.id}/enroll`, { as: counselor(), body, headers }),
        ),
      );
      expect(results.map((x) => x.status)).toEqual(Array(N).fill(201));
      expect(new Set(results.map((x) => JSON.stringify(x.body))).size).toBe(1);
      const cases = await rows(`SELECT id FROM cases WHERE referral_id = $1`, r.id);
      expect(cases).toEqual([{ id: results[0].body.caseId }]);
      expect(await rows(`SELECT 1 FROM consents WHERE referral_id = $1`, r.id)).toHaveLength(1);
      expect(
        await rows(`SELECT 1 FROM notices WHERE referral_id = $1 AND type = 'ENROLLED'`, r.id),
      ).toHaveLength(1);
      const [referral] = await rows(`SELECT status, version FROM referrals WHERE id = $1`, r.id);
      expect(referral).toEqual({ status: 'ENROLLED', version: r.version + 1 });
    });

    it(`records one case contact when ${N} retries of it arrive together`, async () => {
      const c = await newCase();
      const headers = { 'idempotency-key': randomUUID() };
      const body = contactBody(t);
      const results = await Promise.all(
        Array.from({ length: N }, () =>
          t.call('POST', `/api/cases/${c.id}/contacts`, { as: counselor(), body, headers }),
        ),
      );
      expect(results.map((x) => x.status)).toEqual(Array(N).fill(201));
      expect(new Set(results.map((x) => x.body.id)).size).toBe(1);
      expect(await rows(`SELECT id FROM contacts WHERE case_id = $1`, c.id)).toEqual([
        { id: results[0].body.id },
      ]);
    });
  });

  describe('all-or-nothing under a failure injected in PostgreSQL', () => {
    /** What enrollment writes for one referral, as stored. */
    const enrollmentState = async (referralId: string, key: string) => ({
      referral: await rows(`SELECT * FROM referrals WHERE id = $1`, referralId),
      events: await rows(`SELECT * FROM referral_events WHERE referral_id = $1 ORDER BY at, id`, referralId),
      cases: await rows(`SELECT id FROM cases WHERE referral_id = $1`, referralId),
      consents: await rows(`SELECT id FROM consents WHERE referral_id = $1`, referralId),
      notices: await rows(`SELECT id, type FROM notices WHERE referral_id = $1 ORDER BY id`, referralId),
      idempotency: await rows(`SELECT id FROM idempotency_keys WHERE key = $1`, key),
      audit: await auditCount(),
    });

    // Enrollment's other steps (consents, case_events, notices) fail in referral-triage.int-spec.ts.
    const ENROLL_FAULTS: FaultPoint[] = [
      { table: 'cases', on: 'INSERT' },
      { table: 'audit_events', on: 'INSERT' },
      { table: 'referrals', on: 'UPDATE' },
      { table: 'referral_events', on: 'INSERT' },
      { table: 'idempotency_keys', on: 'UPDATE' },
    ];

    it.each(ENROLL_FAULTS.map((p) => [faultName(p), p] as const))(
      'enroll leaves nothing behind when %s fails, and the same request then succeeds',
      async (_name, point) => {
        const r = await consentPending(f);
        const key = randomUUID();
        const send = () =>
          t.call('POST', `/api/referrals/${r.id}/enroll`, {
            as: counselor(),
            body: { version: r.version, consents: [participation(f)] },
            headers: { 'idempotency-key': key },
          });
        const before = await enrollmentState(r.id, key);
        const res = await withFailingWrite(t, point, send);
        expect(res.status).toBe(500);
        expect(res.body).toMatchObject({ code: 'INTERNAL' });
        expect(JSON.stringify(res.body)).not.toMatch(/injected|referral|INSERT|UPDATE/i);
        expect(await enrollmentState(r.id, key)).toEqual(before);
        expect(before.cases).toEqual([]);

        const retry = await send();
        expect(retry.status).toBe(201);
        expect(await rows(`SELECT id FROM cases WHERE referral_id = $1`, r.id)).toEqual([
          { id: retry.body.caseId },
        ]);
      },
    );

    /** What approving a closure writes for one case and its referral, as stored. */
    const closureState = async (c: { caseId: string; referralId: string }) => ({
      case: await rows(`SELECT * FROM cases WHERE id = $1`, c.caseId),
      caseEvents: await rows(`SELECT id FROM case_events WHERE case_id = $1 ORDER BY id`, c.caseId),
      followUps: await rows(`SELECT id FROM follow_ups WHERE case_id = $1`, c.caseId),
      notices: await rows(`SELECT id, type FROM notices WHERE referral_id = $1 ORDER BY id`, c.referralId),
      referral: await rows(`SELECT * FROM referrals WHERE id = $1`, c.referralId),
      referralEvents: await rows(
        `SELECT id FROM referral_events WHERE referral_id = $1 ORDER BY id`,
        c.referralId,
      ),
      audit: await auditCount(),
    });

    // Every statement a successful police diversion's approval runs: the case's transition and its event, its
    // audit rows, the M6/M12 follow-ups, the WIC 827.95 completion notice, then sealing the referral.
    const CLOSURE_FAULTS: FaultPoint[] = [
      { table: 'cases', on: 'UPDATE' },
      { table: 'case_events', on: 'INSERT' },
      { table: 'audit_events', on: 'INSERT' },
      { table: 'follow_ups', on: 'INSERT' },
      { table: 'notices', on: 'INSERT' },
      { table: 'referrals', on: 'UPDATE' },
      { table: 'referral_events', on: 'INSERT' },
    ];

    it.each(CLOSURE_FAULTS.map((p) => [faultName(p), p] as const))(
      'closure approval leaves nothing behind when %s fails, and the same request then succeeds',
      async (_name, point) => {
        const { caseId, referral } = await enrolled(f);
        const requested = ok(
          await caseAction(
            caseId,
            'request-closure',
            { version: 1, closureReason: 'COMPLETED_ALL_GOALS', summary: 'Goals met; family agrees.' },
            counselor(),
          ),
          200,
          'request-closure',
        );
        const approve = () =>
          caseAction(caseId, 'approve-closure', { version: requested.version }, supervisor());
        const ids = { caseId, referralId: referral.id as string };
        const before = await closureState(ids);
        const res = await withFailingWrite(t, point, approve);
        expect(res.status).toBe(500);
        expect(res.body).toMatchObject({ code: 'INTERNAL' });
        expect(await closureState(ids)).toEqual(before);
        expect(before.case[0]).toMatchObject({ status: 'CLOSURE_REVIEW', closed_at: null });
        expect(before.referral[0]).toMatchObject({ sealed_at: null, completed_at: null });

        const retry = await approve();
        expect(retry.status).toBe(200);
        expect(retry.body).toMatchObject({ status: 'CLOSED', closure: { outcomeClass: 'SUCCESSFUL' } });
        expect(await rows(`SELECT "window" FROM follow_ups WHERE case_id = $1 ORDER BY 1`, caseId)).toEqual([
          { window: 'M12' },
          { window: 'M6' },
        ]);
        const [sealed] = await rows(`SELECT sealed_at FROM referrals WHERE id = $1`, referral.id);
        expect(sealed.sealed_at).not.toBeNull();
      },
    );
  });
});
