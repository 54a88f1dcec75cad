import type { CaseStatus } from '@pathways/contracts';
import {
  addCalendarDays,
  calendarDateIn,
  caseClocks,
  PROGRAM_TIME_ZONE,
  startOfDayIn,
} from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import {
  caseRow,
  caseTeam,
  type CaseTeam,
  contactBody,
  addCounselor,
  openCase,
  type OpenedCase,
} from './support/case-workspace-fixtures';
import { catalog, type Catalog } from './support/referral-fixtures';
import { type Session, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('cases: list, detail, edits and status (GET/PATCH /api/cases, POST /api/cases/:id/status)', () => {
  let t: TestApp;
  let cat: Catalog;
  let team: CaseTeam;
  let counselor: Session;
  let counselor2: Session;
  let supervisor: Session;
  let mine: OpenedCase;
  let theirs: OpenedCase;
  beforeAll(async () => {
    t = await TestApp.start();
    cat = await catalog(t);
    team = await caseTeam(t);
    ({ counselor, counselor2, supervisor } = team);
    mine = await openCase(t, cat, {
      sro: team.sro,
      counselorId: counselor.user.id,
      lastName: 'Zyxwarbleton',
    });
    theirs = await openCase(t, cat, { sro: team.sro, counselorId: counselor2.user.id });
  });
  afterAll(() => t.close());

  const open = (counselorId = counselor.user.id, over: Partial<Parameters<typeof openCase>[2]> = {}) =>
    openCase(t, cat, { sro: team.sro, counselorId, ...over });
  const get = (id: string, as: Session = counselor) => t.call('GET', `/api/cases/${id}`, { as });
  const list = (query: string, as: Session = counselor) => t.call('GET', `/api/cases?${query}`, { as });
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

  describe('list', () => {
    it('gives a counselor their assigned cases only, with the list fields', async () => {
      const res = await list('pageSize=100');
      expect(res.status).toBe(200);
      expect(ids(res)).toContain(mine.id);
      expect(ids(res)).not.toContain(theirs.id);
      const item = res.body.items.find((i: { id: string }) => i.id === mine.id);
      expect(item).toMatchObject({
        caseNumber: mine.caseNumber,
        referralId: mine.referralId,
        referenceNumber: mine.referenceNumber,
        status: 'INTAKE',
        pathway: 'LE_DIVERSION_626B',
        priority: 'ROUTINE',
        youthDisplayName: `Marisol ${mine.lastName}`,
        primaryCounselorId: counselor.user.id,
        primaryCounselorName: 'Ana Torres',
        lastContactAt: null,
        serviceProgramInitiatedAt: null,
        safetyFlag: false,
      });
    });

    it('gives a provider supervisor every case of the provider, and filters by counselor', async () => {
      const all = await list('pageSize=100', supervisor);
      expect(ids(all)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      const filtered = await list(`pageSize=100&counselorId=${counselor2.user.id}`, supervisor);
      expect(ids(filtered)).toContain(theirs.id);
      expect(ids(filtered)).not.toContain(mine.id);
    });

    it('never shows a counselor another counselor’s case, even when asked by counselorId', async () => {
      const res = await list(`counselorId=${counselor2.user.id}`);
      expect(res.status).toBe(200);
      expect(ids(res)).not.toContain(theirs.id);
    });

    it('finds a case by case number, reference number and the youth’s name (typo-tolerant)', async () => {
      const byNumber = await list(`q=${mine.caseNumber.toLowerCase()}`, supervisor);
      expect(ids(byNumber)).toEqual([mine.id]);
      const byReference = await list(`q=${mine.referenceNumber}`, supervisor);
      expect(ids(byReference)).toEqual([mine.id]);
      const byName = await list('q=zyxwarbleton', supervisor);
      expect(ids(byName)).toEqual([mine.id]);
      const byTypo = await list('q=Zyxwarbletan', supervisor);
      expect(ids(byTypo)).toEqual([mine.id]);
    });

    it('treats an SQL injection string in q as text', async () => {
      const res = await list(`q=${encodeURIComponent("x' OR '1'='1'; DROP TABLE cases; --")}`, supervisor);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      expect((await t.db.query('SELECT count(*)::int AS n FROM cases'))[0].n).toBeGreaterThan(0);
    });

    it('filters by status and by open/closed', async () => {
      const planning = await open();
      await t.db.query(`UPDATE cases SET status = 'PLANNING' WHERE id = $1`, [planning.id]);
      const byStatus = await list('status=PLANNING&pageSize=100');
      expect(ids(byStatus)).toContain(planning.id);
      expect(ids(byStatus)).not.toContain(mine.id);
      const openOnes = await list('open=true&pageSize=100');
      expect(ids(openOnes)).toEqual(expect.arrayContaining([planning.id, mine.id]));
      const closedOnes = await list('open=false&pageSize=100');
      expect(ids(closedOnes)).not.toContain(mine.id);
    });

    it('sorts by the last completed contact and pages', async () => {
      // A counselor of their own, so no other case of this file (or of the demo data) is in the list.
      const only = await addCounselor(t);
      const a = await open(only);
      const b = await open(only);
      const c = await open(only);
      const hourAgo = (h: number) => new Date(t.clock.now().getTime() - h * 3_600_000).toISOString();
      for (const [c, h] of [
        [a, 5],
        [b, 2],
      ] as const)
        expect(
          (
            await t.call('POST', `/api/cases/${c.id}/contacts`, {
              as: supervisor,
              body: contactBody(t, { occurredAt: hourAgo(h) }),
            })
          ).status,
        ).toBe(201);
      // A no-show is not a contact with the youth: it does not move lastContactAt.
      await t.call('POST', `/api/cases/${a.id}/contacts`, {
        as: supervisor,
        body: contactBody(t, { occurredAt: hourAgo(1), result: 'NO_SHOW' }),
      });
      const query = `counselorId=${only}&sort=lastContactAt:desc&pageSize=2`;
      const res = await list(query, supervisor);
      expect(ids(res)).toEqual([b.id, a.id]);
      expect(res.body.items[1].lastContactAt).toBe(hourAgo(5));
      expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      // Cases without a contact come last.
      expect(ids(await list(`${query}&page=2`, supervisor))).toEqual([c.id]);
      // Oldest contact first: a case never contacted is the stalest of all.
      const oldest = `counselorId=${only}&sort=lastContactAt:asc&pageSize=3`;
      expect(ids(await list(oldest, supervisor))).toEqual([c.id, a.id, b.id]);
      // A contact corrected in the database moves it too (the update and delete triggers on contacts).
      await t.db.query(`UPDATE contacts SET result = 'NO_SHOW' WHERE case_id = $1`, [b.id]);
      const [{ last_contact_at }] = await t.db.query(`SELECT last_contact_at FROM cases WHERE id = $1`, [
        b.id,
      ]);
      expect(last_contact_at).toBeNull();
      await t.db.query(`DELETE FROM contacts WHERE case_id = $1 AND result = 'NO_SHOW'`, [a.id]);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM cases WHERE id = $1 AND last_contact_at = $2`,
        [a.id, hourAgo(5)],
      );
      expect(n).toBe(1);
    });

    it('lists every bad query parameter at once', async () => {
      const res = await list('pageSize=101&status=DONE&sort=name:asc&counselorId=nope', supervisor);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'counselorId',
        'pageSize',
        'sort',
        'status',
      ]);
    });

    it('writes one VIEW audit row for a list page, with no names', async () => {
      const before = (await t.auditRows(`entity_type = 'case.list'`)).length;
      await list(`q=${encodeURIComponent(mine.lastName)}`, supervisor);
      const rows = await t.auditRows(`entity_type = 'case.list'`);
      expect(rows).toHaveLength(before + 1);
      expect(JSON.stringify(rows.at(-1))).not.toMatch(/Marisol|Casefixture/);
    });
  });

  describe('detail', () => {
    it('shows the case with its youth, guardians, clocks and the caller’s abilities', async () => {
      const res = await get(mine.id);
      expect(res.status).toBe(200);
      const row = await caseRow(t, mine.id);
      const [referral] = await t.db.query(
        `SELECT received_at, due_service_start_at FROM referrals WHERE id = $1`,
        [mine.referralId],
      );
      const clocks = caseClocks({
        receivedAt: referral.received_at,
        openedAt: row.opened_at,
        intakeCompletedAt: null,
      });
      expect(res.body).toMatchObject({
        id: mine.id,
        caseNumber: mine.caseNumber,
        version: 1,
        referralId: mine.referralId,
        referenceNumber: mine.referenceNumber,
        status: 'INTAKE',
        statusReason: null,
        pathway: 'LE_DIVERSION_626B',
        primaryCounselorId: counselor.user.id,
        primaryCounselorName: 'Ana Torres',
        youth: { id: mine.youthId, firstName: 'Marisol', lastName: mine.lastName, dateOfBirth: '2011-04-12' },
        schoolName: expect.any(String),
        reasonCodes: ['PHYSICAL_FIGHT'],
        clocks: {
          receivedAt: referral.received_at.toISOString(),
          dueServiceStartAt: new Date(referral.received_at.getTime() + 20 * DAY).toISOString(),
          serviceProgramInitiatedAt: null,
          intakeDueAt: clocks.intakeDueAt.toISOString(),
          intakeCompletedAt: null,
          assessmentDueAt: clocks.assessmentDueAt.toISOString(),
          casePlanDueAt: clocks.casePlanDueAt.toISOString(),
          targetEndAt: new Date(row.opened_at.getTime() + 90 * DAY).toISOString(),
          maxEndAt: clocks.maxEndAt.toISOString(),
          lastContactAt: null,
        },
        closure: { requestedAt: null, closedAt: null, outcomeClass: null, reopenUntil: null },
        safetyFlags: [],
        abilities: { write: true, readClinical: true, writeClinical: true, supervise: false },
      });
      expect(res.body.guardians).toEqual([expect.objectContaining({ relationship: 'MOTHER' })]);
    });

    it('gives the supervisor read-only clinical abilities and supervision', async () => {
      const res = await get(mine.id, supervisor);
      expect(res.status).toBe(200);
      expect(res.body.abilities).toEqual({
        write: true,
        readClinical: true,
        writeClinical: false,
        supervise: true,
      });
    });

    it('answers 404 to another counselor, and for an unknown case', async () => {
      expect((await get(theirs.id)).status).toBe(404);
      expect((await get(randomUUID())).status).toBe(404);
      expect((await get(theirs.id, counselor2)).status).toBe(200);
    });

    it('answers 400 for an id that is not a UUID', async () => {
      expect((await get('not-a-uuid')).status).toBe(400);
    });

    it('writes a VIEW audit row with the youth id and no names', async () => {
      await get(mine.id);
      const [row] = (await t.auditRows(`action = 'VIEW' AND entity_id = $1`, [mine.id])).slice(-1);
      expect(row).toMatchObject({ entity_type: 'case', youth_id: mine.youthId, actor_id: counselor.user.id });
      expect(JSON.stringify(row)).not.toMatch(/Marisol|Casefixture|Quintero/);
    });
  });

  describe('PATCH', () => {
    const patch = (id: string, body: unknown, as: Session = counselor) =>
      t.call('PATCH', `/api/cases/${id}`, { as, body });

    it('moves the target end to the end of the chosen day, with a timeline event and an audit row', async () => {
      const c = await open();
      const row = await caseRow(t, c.id);
      const date = addCalendarDays(calendarDateIn(row.opened_at, PROGRAM_TIME_ZONE), 120);
      const res = await patch(c.id, { version: 1, targetEndAt: date });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(2);
      expect(res.body.clocks.targetEndAt).toBe(startOfDayIn(addCalendarDays(date, 1)).toISOString());
      const [event] = await t.db.query(`SELECT * FROM case_events WHERE case_id = $1 AND action = 'update'`, [
        c.id,
      ]);
      expect(event).toMatchObject({ detail: 'TARGET_END', actor_id: counselor.user.id });
      const [audit] = await t.auditRows(`action = 'UPDATE' AND entity_id = $1`, [c.id]);
      expect(audit.changed_fields).toEqual(['targetEndAt']);
    });

    it('caps a target end on the maximum’s own day at the maximum', async () => {
      const c = await open();
      const row = await caseRow(t, c.id);
      const res = await patch(c.id, {
        version: 1,
        targetEndAt: calendarDateIn(row.max_end_at, PROGRAM_TIME_ZONE),
      });
      expect(res.status).toBe(200);
      expect(res.body.clocks.targetEndAt).toBe(row.max_end_at.toISOString());
    });

    it('refuses a target end past the 6-month maximum or before opening, and writes nothing', async () => {
      const c = await open();
      const row = await caseRow(t, c.id);
      const late = await patch(c.id, {
        version: 1,
        targetEndAt: addCalendarDays(calendarDateIn(row.max_end_at, PROGRAM_TIME_ZONE), 1),
      });
      expect(late.status).toBe(400);
      expect(late.body.details).toEqual([
        { path: 'targetEndAt', message: expect.stringContaining('maximum') },
      ]);
      const early = await patch(c.id, {
        version: 1,
        targetEndAt: addCalendarDays(calendarDateIn(row.opened_at, PROGRAM_TIME_ZONE), -1),
      });
      expect(early.status).toBe(400);
      expect(await caseRow(t, c.id)).toEqual(row);
    });

    it('refuses reassignment by a counselor with 403 SUPERVISOR_ONLY', async () => {
      const c = await open();
      const res = await patch(c.id, { version: 1, primaryCounselorId: counselor2.user.id });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SUPERVISOR_ONLY');
      expect((await caseRow(t, c.id)).primary_counselor_id).toBe(counselor.user.id);
    });

    it('lets the supervisor reassign: the new counselor sees the case and its referral, the old one no longer', async () => {
      const c = await open();
      const res = await patch(c.id, { version: 1, primaryCounselorId: counselor2.user.id }, supervisor);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        primaryCounselorId: counselor2.user.id,
        primaryCounselorName: 'James Nguyen',
      });
      expect((await get(c.id)).status).toBe(404);
      expect((await get(c.id, counselor2)).status).toBe(200);
      expect((await t.call('GET', `/api/referrals/${c.referralId}`, { as: counselor2 })).status).toBe(200);
      const [event] = await t.db.query(
        `SELECT detail FROM case_events WHERE case_id = $1 AND action = 'update'`,
        [c.id],
      );
      expect(event.detail).toBe('REASSIGNED');
    });

    it('refuses to reassign to someone who is not an active counselor of the provider', async () => {
      const c = await open();
      const before = await caseRow(t, c.id);
      const toSupervisor = await patch(
        c.id,
        { version: 1, primaryCounselorId: supervisor.user.id },
        supervisor,
      );
      expect(toSupervisor.status).toBe(400);
      expect(toSupervisor.body.details[0].path).toBe('primaryCounselorId');
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [counselor2.user.id]);
      try {
        const toInactive = await patch(
          c.id,
          { version: 1, primaryCounselorId: counselor2.user.id },
          supervisor,
        );
        expect(toInactive.status).toBe(400);
      } finally {
        await t.db.query(`UPDATE users SET active = true WHERE id = $1`, [counselor2.user.id]);
      }
      expect(await caseRow(t, c.id)).toEqual(before);
    });

    it('rejects a stale version with 409 and the current version, changing nothing', async () => {
      const c = await open();
      const row = await caseRow(t, c.id);
      const date = addCalendarDays(calendarDateIn(row.opened_at, PROGRAM_TIME_ZONE), 60);
      expect((await patch(c.id, { version: 1, targetEndAt: date })).status).toBe(200);
      const after = await caseRow(t, c.id);
      const stale = await patch(c.id, { version: 1, targetEndAt: addCalendarDays(date, 1) });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
      expect(await caseRow(t, c.id)).toEqual(after);
    });

    it('lets exactly one of two concurrent edits with the same version win', async () => {
      const c = await open();
      const row = await caseRow(t, c.id);
      const opened = calendarDateIn(row.opened_at, PROGRAM_TIME_ZONE);
      const results = await Promise.all([
        patch(c.id, { version: 1, targetEndAt: addCalendarDays(opened, 100) }),
        patch(c.id, { version: 1, targetEndAt: addCalendarDays(opened, 110) }, supervisor),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200);
      expect((await caseRow(t, c.id)).target_end_at.toISOString()).toBe(winner?.body.clocks.targetEndAt);
      expect((await caseRow(t, c.id)).version).toBe(2);
    });

    it('rejects fields the client may not set, naming them, and writes nothing', async () => {
      const c = await open();
      const before = await caseRow(t, c.id);
      const res = await patch(c.id, { version: 1, status: 'CLOSED', closedAt: new Date().toISOString() });
      expect(res.status).toBe(400);
      expect(res.body.details[0].path).toBe('status,closedAt');
      expect(await caseRow(t, c.id)).toEqual(before);
    });

    it('answers 404 to a counselor editing another counselor’s case', async () => {
      expect((await patch(theirs.id, { version: 1, targetEndAt: '2030-01-01' })).status).toBe(404);
    });
  });

  describe('status and closure transitions, every one allowed and refused', () => {
    const EXPLICIT = [
      'ON_HOLD',
      'NON_COMPLIANT',
      'ACTIVE',
      'request',
      'approve',
      'reject',
      'reopen',
    ] as const;
    type Explicit = (typeof EXPLICIT)[number];
    const ALLOWED: Record<Explicit, Partial<Record<CaseStatus, CaseStatus>>> = {
      ON_HOLD: { ACTIVE: 'ON_HOLD' },
      NON_COMPLIANT: { ACTIVE: 'NON_COMPLIANT' },
      ACTIVE: { ON_HOLD: 'ACTIVE', NON_COMPLIANT: 'ACTIVE' },
      request: {
        INTAKE: 'CLOSURE_REVIEW',
        ASSESSMENT: 'CLOSURE_REVIEW',
        PLANNING: 'CLOSURE_REVIEW',
        ACTIVE: 'CLOSURE_REVIEW',
        ON_HOLD: 'CLOSURE_REVIEW',
        NON_COMPLIANT: 'CLOSURE_REVIEW',
      },
      approve: { CLOSURE_REVIEW: 'CLOSED' },
      // Back to the state the closure was asked from (set to PLANNING below).
      reject: { CLOSURE_REVIEW: 'PLANNING' },
      reopen: { CLOSED: 'ACTIVE' },
    };
    const STATUSES: CaseStatus[] = [
      'INTAKE',
      'ASSESSMENT',
      'PLANNING',
      'ACTIVE',
      'ON_HOLD',
      'NON_COMPLIANT',
      'CLOSURE_REVIEW',
      'CLOSED',
    ];
    let c: OpenedCase;
    beforeAll(async () => {
      // An ADMINISTRATIVE closure reason: approving it has no effect beyond the case.
      c = await open(undefined, { pathway: 'PREVENTION' });
    });

    /** Puts the case in `status` at version 1, as if it had got there normally. */
    const putIn = async (status: CaseStatus) => {
      await t.db.query(`DELETE FROM case_events WHERE case_id = $1`, [c.id]);
      const closing = status === 'CLOSURE_REVIEW' || status === 'CLOSED';
      await t.db.query(
        `UPDATE cases SET status = $2, version = 1, status_before_closure = $3, closure_requested_by = $4,
                closure_requested_at = $5, closure_reason = $6, closed_at = $7, outcome_class = $8
         WHERE id = $1`,
        [
          c.id,
          status,
          status === 'CLOSURE_REVIEW' ? 'PLANNING' : null,
          closing ? counselor.user.id : null,
          closing ? t.clock.now() : null,
          closing ? 'OTHER' : null,
          status === 'CLOSED' ? t.clock.now() : null,
          status === 'CLOSED' ? 'ADMINISTRATIVE' : null,
        ],
      );
    };
    const act = (action: Explicit) => {
      const url = `/api/cases/${c.id}`;
      switch (action) {
        case 'ON_HOLD':
        case 'NON_COMPLIANT':
        case 'ACTIVE':
          return t.call('POST', `${url}/status`, {
            as: supervisor,
            body: { version: 1, status: action, reason: 'Family traveling for a month' },
          });
        case 'request':
          return t.call('POST', `${url}/request-closure`, {
            as: supervisor,
            body: { version: 1, closureReason: 'OTHER', summary: 'Closing for the test' },
          });
        case 'approve':
          return t.call('POST', `${url}/approve-closure`, { as: supervisor, body: { version: 1 } });
        case 'reject':
          return t.call('POST', `${url}/reject-closure`, {
            as: supervisor,
            body: { version: 1, comment: 'Keep working on the school goal' },
          });
        case 'reopen':
          return t.call('POST', `${url}/reopen`, {
            as: supervisor,
            body: { version: 1, reason: 'Family asked to continue' },
          });
      }
    };

    const table = EXPLICIT.flatMap((action) =>
      STATUSES.map((from) => [action, from, ALLOWED[action][from] ?? null] as const),
    );
    it.each(table)('%s from %s leads to %s (null: 409 with currentStatus)', async (action, from, to) => {
      await putIn(from);
      const res = await act(action);
      if (to) {
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: to, version: 2 });
        const [event] = await t.db.query(
          `SELECT status_from, status_to FROM case_events WHERE case_id = $1`,
          [c.id],
        );
        expect(event).toEqual({ status_from: from, status_to: to });
      } else {
        expect(res.status).toBe(409);
        expect(res.body.currentStatus).toBe(from);
        expect(await caseRow(t, c.id)).toMatchObject({ status: from, version: 1 });
      }
    });

    it('keeps the reason given for a hold and audits the transition without it', async () => {
      await putIn('ACTIVE');
      const res = await act('ON_HOLD');
      expect(res.body.statusReason).toBe('Family traveling for a month');
      const [audit] = (await t.auditRows(`action = 'TRANSITION' AND entity_id = $1`, [c.id])).slice(-1);
      expect(audit.changed_fields).toEqual(['status', 'statusReason']);
      expect(JSON.stringify(audit)).not.toContain('traveling');
    });

    it('lets a counselor mark non-compliance and resume from it, but not hold or end a hold (403 SUPERVISOR_ONLY)', async () => {
      const own = await open();
      const status = (version: number, s: string) =>
        t.call('POST', `/api/cases/${own.id}/status`, {
          as: counselor,
          body: { version, status: s, reason: 'No contact in 30 days' },
        });
      await t.db.query(`UPDATE cases SET status = 'ACTIVE' WHERE id = $1`, [own.id]);
      const hold = await status(1, 'ON_HOLD');
      expect(hold.status).toBe(403);
      expect(hold.body.code).toBe('SUPERVISOR_ONLY');
      expect((await status(1, 'NON_COMPLIANT')).body.status).toBe('NON_COMPLIANT');
      expect((await status(2, 'ACTIVE')).body.status).toBe('ACTIVE');
      await t.db.query(`UPDATE cases SET status = 'ON_HOLD' WHERE id = $1`, [own.id]);
      const endHold = await status(3, 'ACTIVE');
      expect(endHold.status).toBe(403);
      expect((await caseRow(t, own.id)).status).toBe('ON_HOLD');
    });

    it('rejects a stale version on a status change with 409 and changes nothing', async () => {
      await putIn('ACTIVE');
      const res = await t.call('POST', `/api/cases/${c.id}/status`, {
        as: supervisor,
        body: { version: 7, status: 'ON_HOLD', reason: 'Family traveling' },
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 1 });
      expect((await caseRow(t, c.id)).status).toBe('ACTIVE');
    });

    it('lists every bad field of a status change (CLOSED is not a status one sets)', async () => {
      const res = await t.call('POST', `/api/cases/${c.id}/status`, {
        as: supervisor,
        body: { version: 0, status: 'CLOSED' },
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'reason',
        'status',
        'version',
      ]);
    });
  });
});
