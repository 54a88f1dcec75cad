import {
  insertRow,
  kase,
  organization,
  person,
  referral,
  schoolContact,
  youth,
} from './support/report-fixtures';
import { demo, type Loose, type Session, TestApp } from './support/test-app';

/**
 * Who sees which outcome report (ACCESS.md "aggregates (reports)"): police users their agency's, suppressed;
 * counselors their provider's, suppressed; the provider supervisor exact; admins and auditors nothing. And the CSV:
 * de-identified, formula-safe, audited.
 *
 * Data: agency PA refers 30 youth to provider VA (25 at a high school, all enrolled and WHITE; 5 at a middle school
 * named like a spreadsheet formula, HISPANIC_LATINO) and has 3 citations; agency PB refers 12 to VA and 3 to
 * provider VB.
 */
const NOW = '2026-11-20T20:00:00Z';
const PERIOD = 'from=2026-09-01&to=2026-11-20';
const FORMULA_SCHOOL = '=HYPERLINK("http://evil.example","Middle")';

describe('outcome report access, suppression and export', () => {
  let t: TestApp;
  let as: Record<
    'sro' | 'sergeant' | 'counselor' | 'supervisor' | 'otherSupervisor' | 'admin' | 'auditor',
    Session
  >;
  let highId: string;
  let middleId: string;
  const youthNames: string[] = [];
  const identifiers: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    t.clock.advance(Date.parse(NOW) - t.clock.now().getTime());
    [{ id: highId }] = await t.db.query(`SELECT id FROM schools WHERE level = 'HIGH' ORDER BY name LIMIT 1`);
    middleId = await insertRow(t, 'schools', {
      name: FORMULA_SCHOOL,
      level: 'MIDDLE',
      kind: 'PUBLIC',
      district: 'Test',
    });
    const PA = await organization(t, 'LAW_ENFORCEMENT');
    const PB = await organization(t, 'LAW_ENFORCEMENT');
    const VA = await organization(t, 'SERVICE_PROVIDER');
    const VB = await organization(t, 'SERVICE_PROVIDER');
    const sro = await person(t, PA, 'SRO', 'Officer A');
    const sergeant = await person(t, PA, 'PD_SUPERVISOR', 'Sergeant A');
    const sroB = await person(t, PB, 'SRO', 'Officer B');
    const counselor = await person(t, VA, 'COUNSELOR', 'Counselor A');
    const supervisor = await person(t, VA, 'PROVIDER_SUPERVISOR', 'Supervisor A');
    const otherSupervisor = await person(t, VB, 'PROVIDER_SUPERVISOR', 'Supervisor B');

    let day = 0;
    const refer = async (
      by: { org: string; user: string },
      provider: string,
      schoolId: string,
      race: string,
      enroll: boolean,
    ) => {
      day += 1;
      const receivedAt = new Date(Date.parse('2026-09-02T17:00:00Z') + day * 3_600_000).toISOString();
      const firstName = `Ximena${day}`;
      const lastName = `Accessfixture${day}`;
      const youthId = await youth(t, {
        orgId: by.org,
        dateOfBirth: '2011-05-05',
        race: [race],
        firstName,
        lastName,
      });
      const id = await referral(t, {
        youthId,
        referringOrgId: by.org,
        referringUserId: by.user,
        providerOrgId: provider,
        schoolId,
        status: enroll ? 'ENROLLED' : 'SUBMITTED',
        receivedAt,
      });
      youthNames.push(firstName, lastName);
      identifiers.push(id, youthId);
      if (enroll)
        identifiers.push(
          await kase(t, {
            referralId: id,
            youthId,
            providerOrgId: provider,
            counselorId: counselor.id,
            openedAt: '2026-10-01T17:00:00Z',
          }),
        );
    };
    for (let i = 0; i < 25; i++) await refer({ org: PA, user: sro.id }, VA, highId, 'WHITE', true);
    for (let i = 0; i < 5; i++)
      await refer({ org: PA, user: sro.id }, VA, middleId, 'HISPANIC_LATINO', false);
    for (let i = 0; i < 12; i++) await refer({ org: PB, user: sroB.id }, VA, highId, 'WHITE', false);
    for (let i = 0; i < 3; i++) await refer({ org: PB, user: sroB.id }, VB, highId, 'WHITE', false);
    for (let i = 0; i < 3; i++)
      await schoolContact(t, {
        orgId: PA,
        by: sro.id,
        schoolId: highId,
        occurredAt: '2026-10-15T17:00:00Z',
        disposition: 'CITATION_PROBATION',
        ageBand: '15-16',
      });
    const sessions = await Promise.all(
      [sro, sergeant, counselor, supervisor, otherSupervisor].map((p) => t.login(p.email)),
    );
    const [admin, auditor] = await Promise.all([t.login(demo('admin')), t.login(demo('auditor'))]);
    const [s, g, c, v, o] = sessions;
    as = { sro: s, sergeant: g, counselor: c, supervisor: v, otherSupervisor: o, admin, auditor };
  });
  afterAll(() => t.close());

  const get = (url: string, session?: Session) => t.call('GET', url, session ? { as: session } : {});
  async function report(session: Session, query = PERIOD): Promise<Loose> {
    const res = await get(`/api/reports/outcomes?${query}`, session);
    expect(res.status).toBe(200);
    return res.body;
  }

  describe('who may read', () => {
    it.each(['admin', 'auditor'] as const)(
      'refuses %s (no youth data, not even aggregates) with 403',
      async (role) => {
        expect((await get(`/api/reports/outcomes?${PERIOD}`, as[role])).status).toBe(403);
        expect((await get(`/api/reports/outcomes.csv?${PERIOD}`, as[role])).status).toBe(403);
      },
    );

    it('refuses a caller who is not signed in with 401', async () => {
      expect((await get(`/api/reports/outcomes?${PERIOD}`)).status).toBe(401);
      expect((await get(`/api/reports/outcomes.csv?${PERIOD}`)).status).toBe(401);
    });
  });

  describe('police users: their agency only, suppressed', () => {
    it.each(['sro', 'sergeant'] as const)("counts only the agency's referrals for the %s", async (role) => {
      const r = await report(as[role]);
      expect(r.scope).toBe('AGENCY');
      // PA's 30; PB's 15 are not counted.
      expect(r.volume.total).toBe(30);
    });

    it('hides cells of 1 to 10 and their complement, shows zeros, and lists every hidden cell', async () => {
      const r = await report(as.sergeant);
      expect(r.suppressed).toBe(true);
      expect(r.suppressionThreshold).toBe(11);
      expect(Object.fromEntries(r.volume.bySchoolLevel.map((c: Loose) => [c.key, c.count]))).toEqual({
        ELEMENTARY: 0,
        MIDDLE: null,
        HIGH: null,
        K8: 0,
        K12: 0,
        ADULT: 0,
      });
      expect(r.volume.bySchool.map((c: Loose) => c.count)).toEqual([null, null]);
      expect(r.suppressedCells).toEqual(
        expect.arrayContaining([
          'volume.bySchoolLevel.MIDDLE',
          'volume.bySchoolLevel.HIGH',
          `volume.bySchool.${middleId}`,
          `volume.bySchool.${highId}`,
          'equity.RACE_ETHNICITY.HISPANIC_LATINO.referred',
          'equity.RACE_ETHNICITY.WHITE.referred',
        ]),
      );
      expect(r.suppressedCells).not.toContain('volume.bySchoolLevel.ELEMENTARY');
      expect(r.volume.byPriority.find((c: Loose) => c.key === 'ROUTINE').count).toBe(30);
    });

    it('hides a rate whose complement is small (25 of 30 enrolled; 3 citations beside 30 referrals)', async () => {
      const r = await report(as.sergeant);
      const enrolled = r.funnel.find((f: Loose) => f.step === 'ENROLLED');
      expect(enrolled).toEqual({ step: 'ENROLLED', count: null, conversion: null });
      expect(r.suppressedCells).toContain('funnel.ENROLLED.numerator');
      expect(r.diversionRate).toEqual({
        numerator: null,
        denominator: 33,
        rate: null,
        citationsAndCustody: null,
      });
      expect(r.suppressedCells).toEqual(
        expect.arrayContaining(['diversionRate.numerator', 'diversionRate.citationsAndCustody']),
      );
    });

    it("hides a group's rates wherever they would reveal its hidden referral count", async () => {
      // WHITE's 25 referrals are hidden only as the complement of HISPANIC_LATINO's 5: shown anywhere else, 25
      // would give the 5 away (30 − 25). Its diversion numerator and its enrollment denominator are the same 25,
      // and its diversion denominator is 25 plus its citations.
      const r = await report(as.sergeant);
      const race = r.equity.find((d: Loose) => d.dimension === 'RACE_ETHNICITY');
      const white = race.groups.find((g: Loose) => g.key === 'WHITE');
      const measure = (m: string) => white.measures.find((x: Loose) => x.measure === m);
      expect(white.referred).toBeNull();
      expect(measure('DIVERSION').rate).toEqual({ numerator: null, denominator: null, rate: null });
      expect(measure('ENROLLMENT').rate).toEqual({ numerator: null, denominator: null, rate: null });
      expect(measure('DECLINE').rate).toEqual({ numerator: null, denominator: null, rate: null });
      expect(r.suppressedCells).toEqual(
        expect.arrayContaining([
          'equity.RACE_ETHNICITY.WHITE.DIVERSION.numerator',
          'equity.RACE_ETHNICITY.WHITE.ENROLLMENT.denominator',
        ]),
      );
      const numbers = JSON.stringify(race);
      expect(numbers).not.toMatch(/:25\b/);
      expect(numbers).not.toMatch(/:5\b/);
    });

    it('gives police users the caseload total only, no row per counselor', async () => {
      const r = await report(as.sro);
      expect(r.caseload.rows).toEqual([]);
      expect(r.caseload.total).toEqual({
        key: 'ALL',
        open: 25,
        aging: { '0-30': 0, '31-90': 25, '91-180': 0, '>180': 0 },
      });
    });
  });

  describe('provider users', () => {
    it('suppresses small cells for the counselor', async () => {
      const r = await report(as.counselor);
      expect(r.scope).toBe('PROVIDER');
      expect(r.suppressed).toBe(true);
      expect(r.volume.total).toBe(42);
      expect(r.volume.bySchool.map((c: Loose) => c.count)).toEqual([null, null]);
      expect(r.suppressedCells.length).toBeGreaterThan(0);
    });

    it("gives the counselor the caseload total only: one colleague's small caseload would follow from the total", async () => {
      const r = await report(as.counselor);
      expect(r.caseload.rows).toEqual([]);
      expect(r.caseload.total.open).toBe(25);
    });

    it('gives the provider supervisor exact counts', async () => {
      const r = await report(as.supervisor);
      expect(r.suppressed).toBe(false);
      expect(r.suppressedCells).toEqual([]);
      expect(r.volume.total).toBe(42);
      expect(Object.fromEntries(r.volume.bySchool.map((c: Loose) => [c.key, c.count]))).toEqual({
        [highId]: 37,
        [middleId]: 5,
      });
      expect(r.caseload.rows).toEqual([expect.objectContaining({ label: 'Counselor A', open: 25 })]);
    });

    it("shows another provider's supervisor only that provider's referrals", async () => {
      const r = await report(as.otherSupervisor);
      expect(r.volume.total).toBe(3);
      expect(r.caseload.total.open).toBe(0);
    });
  });

  describe('query validation', () => {
    it('rejects a period that ends before it starts', async () => {
      const res = await get('/api/reports/outcomes?from=2026-05-01&to=2026-04-01', as.supervisor);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ path: 'to' })]);
    });

    it('lists every bad field: an unknown parameter, a bad id, a bad date and grouping', async () => {
      const res = await get(
        '/api/reports/outcomes?schoolId=abc&from=2026-13-01&groupBy=week&foo=1',
        as.supervisor,
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: Loose) => d.path).sort()).toEqual([
        'foo',
        'from',
        'groupBy',
        'schoolId',
      ]);
    });

    it('validates the CSV query the same way', async () => {
      const res = await get('/api/reports/outcomes.csv?schoolLevel=COLLEGE', as.supervisor);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ path: 'schoolLevel' })]);
    });
  });

  describe('CSV export', () => {
    let res: Loose;
    beforeAll(async () => {
      res = await get(`/api/reports/outcomes.csv?${PERIOD}`, as.sergeant);
    });

    it('downloads a named CSV file with its length', () => {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="pathways-outcomes-2026-09-01-2026-11-20.csv"',
      );
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
      expect(res.body.split('\r\n')[0]).toBe('section,breakdown,key,label,measure,value');
      expect(res.body).toContain('volume,total,,,count,30\r\n');
    });

    it('holds aggregates only: no youth name or record id', () => {
      for (const text of [...youthNames, ...identifiers]) expect(res.body).not.toContain(text);
      expect(res.body).not.toContain('narrative');
    });

    it('writes suppressed cells as "<11" and neutralizes a label that reads as a formula', () => {
      expect(res.body).toContain(
        `volume,bySchool,${middleId},"'=HYPERLINK(""http://evil.example"",""Middle"")",count,<11`,
      );
      expect(res.body).toContain('volume,bySchoolLevel,MIDDLE,,count,<11');
      const cellsStartingWithFormula = res.body
        .split('\r\n')
        .flatMap((line: string) => line.split(','))
        .filter((cell: string) => /^"?[=+@]/.test(cell));
      expect(cellsStartingWithFormula).toEqual([]);
    });

    it('writes one EXPORT audit event with the filter names and no youth', async () => {
      const rows = await t.auditRows(`action = 'EXPORT' AND entity_type = 'outcome_report'`);
      expect(rows).toEqual([
        expect.objectContaining({
          actor_id: as.sergeant.user.id,
          actor_role: 'PD_SUPERVISOR',
          entity_id: null,
          youth_id: null,
          outcome: 'SUCCESS',
          changed_fields: ['from', 'to'],
        }),
      ]);
    });

    it('writes no audit event for viewing the report', async () => {
      const before = (await t.auditRows(`entity_type = 'outcome_report'`)).length;
      await report(as.supervisor);
      expect((await t.auditRows(`entity_type = 'outcome_report'`)).length).toBe(before);
    });
  });
});
