import { businessDueAt } from '@pathways/domain';
import { NoProgramNoticeScheduler } from '../src/notices/no-program-notice.scheduler';
import {
  at,
  contact,
  enrolled,
  type Flow,
  flow,
  inOutreach,
  post,
  submitted,
  triaged,
} from './support/referral-flow';
import { type Session, TestApp } from './support/test-app';

type Body = Record<string, any>;
const DAY = 86_400_000;
const iso = (d: Date | number) => new Date(d).toISOString();

describe('derived tasks (GET /api/tasks)', () => {
  let t: TestApp;
  let f: Flow;
  beforeAll(async () => {
    t = await TestApp.start();
    f = await flow(t);
    // Wednesday 25 November 2026, 10:00 in Chula Vista; Thursday the 26th is Thanksgiving.
    await at(f, '2026-11-25T18:00:00Z');
  });
  afterAll(() => t.close());

  const list = async (as: Session, query = 'assignee=me'): Promise<Body> => {
    const res = await t.call('GET', `/api/tasks?${query}`, { as });
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Everything due for the caller: the test asks for the most the API answers and checks nothing was left out. */
  const tasks = async (as: Session, query = 'assignee=me'): Promise<Body[]> => {
    const body = await list(as, `${query}&limit=500`);
    expect(body.items).toHaveLength(body.total);
    return body.items;
  };
  const about = async (as: Session, subjectId: string, query = 'assignee=me') =>
    tasks(as, `${query}&subjectId=${subjectId}`);
  const kinds = async (as: Session, subjectId: string, query?: string) =>
    (await about(as, subjectId, query)).map((task) => task.kind).sort();
  const caseOf = async (referralId: string): Promise<Body> =>
    (await t.db.query(`SELECT * FROM cases WHERE referral_id = $1`, [referralId]))[0];

  describe('triage and outreach on business days', () => {
    it('gives the supervisor TRIAGE due at the end of Friday for a referral received the Wednesday before Thanksgiving', async () => {
      const r = await submitted(f);
      expect(await about(f.as.supervisor, r.id)).toEqual([
        {
          kind: 'TRIAGE',
          dueAt: '2026-11-28T08:00:00.000Z',
          overdue: false,
          subjectType: 'referral',
          subjectId: r.id,
          label: r.referenceNumber,
          assigneeId: null,
        },
      ]);
      expect(await kinds(f.as.supervisor, r.id, 'assignee=team')).toEqual(['SERVICE_START', 'TRIAGE']);
      const serviceStart = (await about(f.as.supervisor, r.id, 'assignee=team')).find(
        (x) => x.kind === 'SERVICE_START',
      );
      expect(serviceStart).toMatchObject({ dueAt: r.dueServiceStartAt, assigneeId: null });
    });

    it('turns TRIAGE into ASSIGN once acknowledged, overdue after the weekend', async () => {
      const r = await triaged(f);
      expect(await about(f.as.supervisor, r.id)).toEqual([
        expect.objectContaining({ kind: 'ASSIGN', dueAt: '2026-11-28T08:00:00.000Z', overdue: false }),
      ]);
      await at(f, '2026-11-30T17:00:00Z');
      expect(await about(f.as.supervisor, r.id)).toEqual([
        expect.objectContaining({ kind: 'ASSIGN', overdue: true }),
      ]);
      await at(f, '2026-11-25T18:00:00Z');
    });

    it('gives the assigned counselor FIRST_CONTACT (2 business days), INTAKE (10) and SERVICE_START (20 calendar days)', async () => {
      const r = await inOutreach(f);
      const mine = await about(f.as.counselor, r.id);
      expect(mine.map((x) => [x.kind, x.dueAt, x.assigneeId])).toEqual([
        // Wed + 2 business days, skipping Thanksgiving and the weekend: the end of Monday 30 November.
        ['FIRST_CONTACT', '2026-12-01T08:00:00.000Z', f.as.counselor.user.id],
        // Wed + 10 business days: Thursday 10 December.
        ['INTAKE', '2026-12-11T08:00:00.000Z', f.as.counselor.user.id],
        ['SERVICE_START', r.dueServiceStartAt, f.as.counselor.user.id],
      ]);
      expect(await about(f.as.counselor2, r.id)).toEqual([]);
      expect(await about(f.as.counselor2, r.id, 'assignee=team')).toEqual([]);
      expect(await about(f.as.supervisor, r.id)).toEqual([]);
      expect(await kinds(f.as.supervisor, r.id, 'assignee=team')).toEqual([
        'FIRST_CONTACT',
        'INTAKE',
        'SERVICE_START',
      ]);
      await t.call('POST', `/api/referrals/${r.id}/contacts`, { as: f.as.counselor, body: contact(f) });
      expect(await kinds(f.as.counselor, r.id)).toEqual(['INTAKE', 'SERVICE_START']);
    });

    it("follows the provider's own shorter intake clock (7 business days instead of 10)", async () => {
      const r = await inOutreach(f);
      const providerId = f.as.counselor.user.organization.id;
      await t.db.query(
        `UPDATE organizations SET settings = jsonb_set(settings, '{clocks}', '{"intakeBusinessDays": 7}') WHERE id = $1`,
        [providerId],
      );
      try {
        const intake = (await about(f.as.counselor, r.id)).find((x) => x.kind === 'INTAKE');
        // Wed 25 November + 7 business days (Thanksgiving and the weekend skipped): the end of Monday 7 December.
        expect(intake?.dueAt).toBe('2026-12-08T08:00:00.000Z');
      } finally {
        await t.db.query(`UPDATE organizations SET settings = settings - 'clocks' WHERE id = $1`, [
          providerId,
        ]);
      }
    });

    it('restarts the first-contact clock for a newly assigned counselor', async () => {
      const r = await inOutreach(f);
      await t.call('POST', `/api/referrals/${r.id}/contacts`, { as: f.as.counselor, body: contact(f) });
      await at(f, '2026-11-27T18:00:00Z');
      const { version } = (await t.db.query(`SELECT version FROM referrals WHERE id = $1`, [r.id]))[0];
      await post(f, r.id, 'assign', f.as.supervisor, { version, counselorId: f.as.counselor2.user.id });
      expect((await about(f.as.counselor2, r.id)).find((x) => x.kind === 'FIRST_CONTACT')).toMatchObject({
        dueAt: '2026-12-02T08:00:00.000Z',
        assigneeId: f.as.counselor2.user.id,
      });
      await at(f, '2026-11-25T18:00:00Z');
    });
  });

  describe('case clocks', () => {
    let referral: Body;
    let c: Body;
    beforeAll(async () => {
      ({ referral } = await enrolled(f));
      c = await caseOf(referral.id);
    });

    it('opens with ASSESSMENT (14 days), CASE_PLAN (30 days from received), SERVICE_START and TARGET_END', async () => {
      const mine = await about(f.as.counselor, c.id);
      expect(mine.map((x) => [x.kind, x.dueAt, x.subjectType, x.label])).toEqual([
        ['ASSESSMENT', iso(c.opened_at.getTime() + 14 * DAY), 'case', c.case_number],
        ['SERVICE_START', referral.dueServiceStartAt, 'case', c.case_number],
        ['CASE_PLAN', iso(Date.parse(referral.receivedAt) + 30 * DAY), 'case', c.case_number],
        ['TARGET_END', iso(c.target_end_at), 'case', c.case_number],
      ]);
      expect(await about(f.as.counselor, referral.id)).toEqual([]);
    });

    it('clears each clock as the work is recorded', async () => {
      await t.db.query(
        `INSERT INTO assessments (case_id, organization_id, created_by, instrument, timing, administered_at, overall_level)
         VALUES ($1, $2, $3, 'YASI_PRESCREEN', 'INTAKE', $4, 'LOW')`,
        [c.id, c.provider_org_id, c.primary_counselor_id, t.clock.now()],
      );
      await t.db.query(
        `INSERT INTO goals (case_id, organization_id, created_by, domain, description)
         VALUES ($1, $2, $3, 'ACADEMICS', 'Turn in homework')`,
        [c.id, c.provider_org_id, c.primary_counselor_id],
      );
      await t.db.query(
        `UPDATE cases SET status = 'ACTIVE', service_program_initiated_at = $2 WHERE id = $1`,
        [c.id, t.clock.now()],
      );
      expect(await kinds(f.as.counselor, c.id)).toEqual(['NO_CONTACT_30', 'TARGET_END']);
    });

    it('counts NO_CONTACT_30 from the last completed contact', async () => {
      const when = new Date(t.clock.now().getTime() + 3_600_000);
      // A no-show later on is not a contact with the youth.
      for (const [occurredAt, result] of [
        [when, 'COMPLETED'],
        [new Date(when.getTime() + 3_600_000), 'NO_SHOW'],
      ] as const)
        await t.db.query(
          `INSERT INTO contacts (case_id, occurred_at, contact_type, modality, result, organization_id, created_by)
           VALUES ($1, $2, 'COUNSELING_INDIVIDUAL', 'OFFICE', $3, $4, $5)`,
          [c.id, occurredAt, result, c.provider_org_id, c.primary_counselor_id],
        );
      expect((await about(f.as.counselor, c.id)).find((x) => x.kind === 'NO_CONTACT_30')?.dueAt).toBe(
        iso(when.getTime() + 30 * DAY),
      );
    });

    it('raises SAFETY at once for the counselor and the supervisor until a completed crisis contact follows', async () => {
      await t.db.query(
        `INSERT INTO assessments (case_id, organization_id, created_by, instrument, timing, administered_at,
                                  overall_level, flags, created_at)
         VALUES ($1, $2, $3, 'CSSRS_SCREEN', 'INTAKE', $4, 'HIGH', '{SUICIDE_RISK}', $4)`,
        [c.id, c.provider_org_id, c.primary_counselor_id, t.clock.now()],
      );
      const safety = {
        kind: 'SAFETY',
        dueAt: t.clock.now().toISOString(),
        subjectId: c.id,
        assigneeId: f.as.counselor.user.id,
      };
      expect(await about(f.as.counselor, c.id)).toContainEqual(
        expect.objectContaining({ ...safety, overdue: false }),
      );
      expect(await about(f.as.supervisor, c.id)).toEqual([expect.objectContaining(safety)]);
      t.clock.advanceMinutes(5);
      expect((await about(f.as.supervisor, c.id))[0].overdue).toBe(true);
      // A crisis contact that did not happen, or came before the screening, does not answer it.
      for (const [occurredAt, result] of [
        [t.clock.now(), 'NO_SHOW'],
        [new Date(t.clock.now().getTime() - DAY), 'COMPLETED'],
      ] as const)
        await t.db.query(
          `INSERT INTO contacts (case_id, occurred_at, contact_type, modality, result, organization_id, created_by)
           VALUES ($1, $2, 'CRISIS', 'PHONE', $3, $4, $5)`,
          [c.id, occurredAt, result, c.provider_org_id, c.primary_counselor_id],
        );
      expect(await kinds(f.as.supervisor, c.id)).toEqual(['SAFETY']);
      await t.db.query(
        `INSERT INTO contacts (case_id, occurred_at, contact_type, modality, result, organization_id, created_by)
         VALUES ($1, $2, 'CRISIS', 'HOME', 'COMPLETED', $3, $4)`,
        [c.id, t.clock.now(), c.provider_org_id, c.primary_counselor_id],
      );
      expect(await kinds(f.as.supervisor, c.id)).toEqual([]);
    });

    it('asks the supervisor to approve an assessment override and to review a closure request', async () => {
      await t.db.query(
        `INSERT INTO assessments (case_id, organization_id, created_by, instrument, timing, administered_at,
                                  overall_level, override_level, override_reason, created_at)
         VALUES ($1, $2, $3, 'YASI_FULL', 'MIDPOINT', $4, 'HIGH', 'MODERATE', 'Strong family support', $4)`,
        [c.id, c.provider_org_id, c.primary_counselor_id, t.clock.now()],
      );
      await t.db.query(
        `UPDATE cases SET status = 'CLOSURE_REVIEW', closure_requested_at = $2 WHERE id = $1`,
        [c.id, t.clock.now()],
      );
      const due = iso(businessDueAt(t.clock.now(), 2));
      // Wednesday + 2 business days (Thanksgiving skipped): the end of Monday.
      expect(due).toBe('2026-12-01T08:00:00.000Z');
      expect((await about(f.as.supervisor, c.id)).map((x) => [x.kind, x.dueAt, x.assigneeId])).toEqual([
        ['ASSESSMENT_OVERRIDE', due, null],
        ['CLOSURE_REVIEW', due, null],
      ]);
      expect(await kinds(f.as.counselor, c.id)).toEqual([]);
    });

    it('reminds the counselor of the completion notice (5 business days) and the follow-ups (due + 14 days)', async () => {
      const closedAt = t.clock.now();
      await t.db.query(
        `UPDATE cases SET status = 'CLOSED', closed_at = $2, outcome_class = 'SUCCESSFUL',
                          closure_reason = 'COMPLETED_ALL_GOALS' WHERE id = $1`,
        [c.id, closedAt],
      );
      const m6 = new Date(Date.parse('2027-05-25T18:00:00Z'));
      await t.db.query(
        `INSERT INTO follow_ups (case_id, organization_id, created_by, youth_id, "window", due_at)
         VALUES ($1, $2, $3, $4, 'M6', $5)`,
        [c.id, c.provider_org_id, c.primary_counselor_id, c.youth_id, m6],
      );
      expect((await about(f.as.counselor, c.id)).map((x) => [x.kind, x.dueAt])).toEqual([
        // Wed 25 Nov + 5 business days, Thanksgiving and the weekend skipped: the end of Thursday 3 December.
        ['COMPLETION_NOTICE', '2026-12-04T08:00:00.000Z'],
        ['FOLLOW_UP', iso(m6.getTime() + 14 * DAY)],
      ]);
      await t.db.query(`UPDATE cases SET completion_notice_sent_at = $2 WHERE id = $1`, [c.id, closedAt]);
      expect(await kinds(f.as.counselor, c.id)).toEqual(['FOLLOW_UP']);
      expect(await kinds(f.as.counselor, c.id, 'assignee=me&dueBefore=2027-01-01T00:00:00Z')).toEqual([]);
    });
  });

  describe('the 20-day notice, for the supervisor', () => {
    it('shows NO_PROGRAM_NOTICE once the clock has lapsed, until the scheduler has sent the letter', async () => {
      const r = await submitted(f);
      await post(f, r.id, 'acknowledge', f.as.supervisor, { version: 1 });
      await at(f, '2026-12-16T18:30:00Z');
      expect(await about(f.as.supervisor, r.id)).toEqual([
        expect.objectContaining({ kind: 'ASSIGN', overdue: true }),
        expect.objectContaining({ kind: 'NO_PROGRAM_NOTICE', dueAt: r.dueServiceStartAt, overdue: true }),
      ]);
      await t.app.get(NoProgramNoticeScheduler).runDue(t.clock.now());
      expect(await kinds(f.as.supervisor, r.id)).toEqual(['ASSIGN']);
      await at(f, '2026-11-25T18:00:00Z');
    });
  });

  describe('the referring officer', () => {
    it('gives the author NEEDS_INFO (2 business days from the request), nobody else', async () => {
      const r = await submitted(f);
      await post(f, r.id, 'request-info', f.as.supervisor, { version: 1, message: 'Which period was it?' });
      expect(await about(f.as.sro, r.id)).toEqual([
        {
          kind: 'NEEDS_INFO',
          dueAt: '2026-12-01T08:00:00.000Z',
          overdue: false,
          subjectType: 'referral',
          subjectId: r.id,
          label: r.referenceNumber,
          assigneeId: f.as.sro.user.id,
        },
      ]);
      for (const s of [f.as.sro2, f.as.sergeant]) expect(await about(s, r.id)).toEqual([]);
    });

    it('returns a police-diversion decision to the officer and the agency until the officer reads it', async () => {
      const r = await triaged(f);
      await post(f, r.id, 'ineligible', f.as.supervisor, { version: 2, reason: 'Outside the service area' });
      for (const s of [f.as.sro, f.as.sergeant])
        expect(await about(s, r.id)).toEqual([
          expect.objectContaining({
            kind: 'DECISION_RETURNED',
            dueAt: '2026-12-01T08:00:00.000Z',
            assigneeId: f.as.sro.user.id,
          }),
        ]);
      expect(await about(f.as.sro2, r.id)).toEqual([]);
      await post(f, r.id, 'acknowledge-return', f.as.sro, { version: 3 });
      for (const s of [f.as.sro, f.as.sergeant]) expect(await about(s, r.id)).toEqual([]);
    });

    it('returns nothing to decide for a PREVENTION referral (informational only)', async () => {
      const r = await triaged(f, { pathway: 'PREVENTION' });
      await post(f, r.id, 'ineligible', f.as.supervisor, { version: 2, reason: 'Already served elsewhere' });
      expect(await about(f.as.sro, r.id)).toEqual([]);
    });
  });

  describe('the list as a whole', () => {
    it('sorts by due date, labels by reference or case number only, and filters by dueBefore', async () => {
      // The team's work (the demo's whole provider: more than one answer holds), its 500 most urgent.
      const team = (await list(f.as.supervisor, 'assignee=team&limit=500')).items as Body[];
      expect(team.length).toBeGreaterThan(0);
      const dues = team.map((x) => x.dueAt);
      expect(dues).toEqual([...dues].sort());
      for (const task of team) expect(task.label).toMatch(/^(R|C)-/);
      const all = await tasks(f.as.counselor);
      const cut = '2026-12-05T00:00:00.000Z';
      const before = await tasks(f.as.counselor, `assignee=me&dueBefore=${cut}`);
      expect(before).toEqual(all.filter((x) => x.dueAt < cut));
      expect(before.every((x) => x.overdue === x.dueAt < t.clock.now().toISOString())).toBe(true);
    });

    it('gives a counselor the same list for me and team, and the PD supervisor only returned decisions', async () => {
      const r = await triaged(f);
      await post(f, r.id, 'ineligible', f.as.supervisor, { version: 2, reason: 'Outside the service area' });
      expect(await tasks(f.as.counselor, 'assignee=team')).toEqual(await tasks(f.as.counselor));
      expect((await tasks(f.as.counselor)).every((x) => x.assigneeId === f.as.counselor.user.id)).toBe(true);
      const agency = await tasks(f.as.sergeant);
      expect(agency.map((x) => x.subjectId)).toContain(r.id);
      expect(new Set(agency.map((x) => x.kind))).toEqual(new Set(['DECISION_RETURNED']));
    });

    it('answers the most urgent items up to the limit, with counts per kind of everything due', async () => {
      await enrolled(f);
      const all = await tasks(f.as.counselor);
      expect(all.length).toBeGreaterThan(5);
      const few = await list(f.as.counselor, 'assignee=me&limit=5');
      expect(few.items).toEqual(all.slice(0, 5));
      expect(few.total).toBe(all.length);
      expect(few.overdue).toBe(all.filter((x) => x.overdue).length);
      const expected = [...new Set(all.map((x) => x.kind))].sort().map((kind) => ({
        kind,
        total: all.filter((x) => x.kind === kind).length,
        overdue: all.filter((x) => x.kind === kind && x.overdue).length,
      }));
      expect(few.byKind).toEqual(expected);
      // The default is the hundred most urgent.
      expect((await list(f.as.counselor)).items).toEqual(all.slice(0, 100));
    });

    it('filters by kind and by record, the same as filtering the whole list', async () => {
      const { caseId } = await enrolled(f);
      const all = await tasks(f.as.counselor);
      const mine = await tasks(f.as.counselor, `assignee=me&subjectId=${caseId}`);
      expect(mine.map((x) => x.kind)).toContain('TARGET_END');
      expect(mine).toEqual(all.filter((x) => x.subjectId === caseId));
      expect(await tasks(f.as.counselor, 'assignee=me&kind=TARGET_END')).toEqual(
        all.filter((x) => x.kind === 'TARGET_END'),
      );
      const safety = await list(f.as.counselor, 'assignee=me&kind=SAFETY');
      expect(safety.byKind.every((k: Body) => k.kind === 'SAFETY')).toBe(true);
    });

    it('refuses roles without the capability and bad queries', async () => {
      for (const s of [f.as.admin, f.as.auditor])
        expect((await t.call('GET', '/api/tasks', { as: s })).status).toBe(403);
      const bad = await t.call(
        'GET',
        '/api/tasks?assignee=everyone&dueBefore=soon&kind=LUNCH&subjectId=42&limit=501',
        { as: f.as.supervisor },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: Body) => d.path).sort()).toEqual([
        'assignee',
        'dueBefore',
        'kind',
        'limit',
        'subjectId',
      ]);
      const zero = await t.call('GET', '/api/tasks?limit=0', { as: f.as.supervisor });
      expect(zero.status).toBe(400);
    });
  });
});
