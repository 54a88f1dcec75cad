import { calendarDateIn, PROGRAM_TIME_ZONE } from '@pathways/domain';
import {
  insertRow,
  kase,
  organization,
  person,
  referral,
  schoolContact,
  youth,
} from './support/report-fixtures';
import { type Loose, TestApp } from './support/test-app';

/**
 * GET /api/public/dashboard: no sign-in, always suppressed, cacheable. The constructed data sit in 2021, before the
 * demo data set: 15 referrals from agency PA to provider VA in March (12 enrolled and closed: 11 successful), 4 from
 * agency PB to provider VB in April and 1 on New Year's Eve (prevention), 2 citations, 3 community events. VB configured a suppression
 * threshold of 15, so the dashboard uses 15.
 */
const YEAR = 2021;
const URL = `/api/public/dashboard?year=${YEAR}`;

describe('public dashboard (GET /api/public/dashboard)', () => {
  let t: TestApp;
  let first: { status: number; body: Loose; headers: Loose };
  const secrets: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    const [{ id: schoolId }] = await t.db.query(
      `SELECT id FROM schools WHERE level = 'HIGH' ORDER BY name LIMIT 1`,
    );
    const PA = await organization(t, 'LAW_ENFORCEMENT');
    const PB = await organization(t, 'LAW_ENFORCEMENT');
    const VA = await organization(t, 'SERVICE_PROVIDER');
    const VB = await organization(t, 'SERVICE_PROVIDER');
    await t.db.query(
      `UPDATE organizations SET settings = '{"reports": {"suppressionThreshold": 15}}' WHERE id = $1`,
      [VB],
    );
    const sro = await person(t, PA, 'SRO', 'Officer A');
    const sroB = await person(t, PB, 'SRO', 'Officer B');
    const counselor = await person(t, VA, 'COUNSELOR', 'Counselor A');
    const refer = async (
      i: number,
      by: { org: string; user: string },
      provider: string,
      receivedAt: string,
      pathway: string,
      closeAs?: string,
    ) => {
      const firstName = `Yaretzi${i}`;
      const lastName = `Publicfixture${i}`;
      const youthId = await youth(t, { orgId: by.org, dateOfBirth: '2006-02-02', firstName, lastName });
      const id = await referral(t, {
        youthId,
        referringOrgId: by.org,
        referringUserId: by.user,
        providerOrgId: provider,
        schoolId,
        pathway,
        status: closeAs ? 'ENROLLED' : 'SUBMITTED',
        receivedAt,
      });
      const [{ reference_number: ref }] = await t.db.query(
        `SELECT reference_number FROM referrals WHERE id = $1`,
        [id],
      );
      secrets.push(firstName, lastName, youthId, id, ref);
      if (closeAs)
        secrets.push(
          await kase(t, {
            referralId: id,
            youthId,
            providerOrgId: provider,
            counselorId: counselor.id,
            openedAt: '2021-03-20T17:00:00Z',
            closedAt: '2021-06-15T17:00:00Z',
            outcomeClass: closeAs,
            closureReason: closeAs === 'SUCCESSFUL' ? 'COMPLETED_ALL_GOALS' : 'WITHDREW',
          }),
        );
    };
    for (let i = 0; i < 15; i++)
      await refer(
        i,
        { org: PA, user: sro.id },
        VA,
        `2021-03-${String(i + 10).padStart(2, '0')}T18:00:00Z`,
        'LE_DIVERSION_626B',
        i < 11 ? 'SUCCESSFUL' : i === 11 ? 'UNSUCCESSFUL' : undefined,
      );
    for (let i = 0; i < 4; i++)
      await refer(100 + i, { org: PB, user: sroB.id }, VB, `2021-04-0${i + 5}T17:00:00Z`, 'PREVENTION');
    // The year is Chula Vista's: New Year's Eve evening there is already 2022 in UTC (counted in 2021, December),
    // and New Year's Day morning in UTC is still 2020 there (not counted).
    await refer(200, { org: PA, user: sro.id }, VA, '2022-01-01T05:00:00Z', 'PREVENTION');
    await refer(201, { org: PA, user: sro.id }, VA, '2021-01-01T07:00:00Z', 'PREVENTION');
    for (const at of ['2021-05-01T17:00:00Z', '2021-05-02T17:00:00Z', '2020-12-01T18:00:00Z'])
      await schoolContact(t, {
        orgId: PA,
        by: sro.id,
        schoolId,
        occurredAt: at,
        disposition: 'CUSTODY_PROBATION',
        ageBand: '15-16',
      });
    const event = (type: string, occurredOn: string, participantCount: number) =>
      insertRow(t, 'community_events', {
        type,
        occurred_on: occurredOn,
        participant_count: participantCount,
        organization_id: PA,
        created_by: sro.id,
        school_id: schoolId,
      });
    await event('SAFETY_PATROL', '2021-02-01', 40);
    await event('SAFETY_PATROL', '2021-09-01', 25);
    await event('RED_RIBBON_WEEK', '2021-10-25', 300);
    await event('RED_RIBBON_WEEK', '2022-10-25', 280);
    first = await t.call('GET', URL);
  });
  afterAll(() => t.close());

  it('answers without sign-in', () => {
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toContain('application/json');
    expect(first.body.year).toBe(YEAR);
  });

  it('counts every organization’s referrals of the calendar year in the program time zone, always suppressed', () => {
    const b = first.body;
    expect(b.suppressionThreshold).toBe(15);
    expect(b.referrals).toBe(20);
    const months = Object.fromEntries(b.byMonth.map((c: Loose) => [c.key, c.count]));
    expect(Object.keys(months)).toHaveLength(12);
    // April's 4 and December's 1 are hidden (two hidden cells: the total reveals neither); empty months show 0.
    expect(months).toMatchObject({ '2021-01': 0, '2021-03': 15, '2021-04': null, '2021-12': null });
    expect(b.bySchoolLevel.find((c: Loose) => c.key === 'HIGH').count).toBe(20);
    expect(Object.fromEntries(b.byPathway.map((c: Loose) => [c.key, c.count]))).toMatchObject({
      LE_DIVERSION_626B: null,
      PREVENTION: null,
      PROBATION_654: 0,
    });
    // 20 referrals beside 2 custody contacts: the small complement hides the rate.
    expect(b.diversionRate).toEqual({ numerator: null, denominator: 22, rate: null });
    // 11 of 12 closures successful: the one unsuccessful closure hides the rate.
    expect(b.completionRate).toEqual({ numerator: null, denominator: null, rate: null });
    expect(b.recidivism).toEqual([
      { window: 'M6', rate: { numerator: null, denominator: null, rate: null }, notElapsed: 0 },
      { window: 'M12', rate: { numerator: null, denominator: null, rate: null }, notElapsed: 0 },
    ]);
    expect(b.suppressedCells).toEqual(
      expect.arrayContaining([
        'byMonth.2021-04',
        'byMonth.2021-12',
        'byPathway.PREVENTION',
        'byPathway.LE_DIVERSION_626B',
        'diversionRate.numerator',
        'completionRate.denominator',
      ]),
    );
  });

  it('counts community events and their participants, not suppressed (they are not youth)', () => {
    expect(first.body.communityEvents).toEqual({
      events: 3,
      participants: 365,
      byType: [
        { key: 'SAFETY_PATROL', count: 2 },
        { key: 'SHOE_AND_SOCK_DRIVE', count: 0 },
        { key: 'RED_RIBBON_WEEK', count: 1 },
        { key: 'STUDENTS_SPEAKING_OUT', count: 0 },
        { key: 'OTHER', count: 0 },
      ],
    });
  });

  it('holds no youth name, id or reference number', () => {
    const text = JSON.stringify(first.body);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/narrative/i);
  });

  it('lists the years with referrals, newest first, for the picker', () => {
    const years: number[] = first.body.years;
    expect(years).toEqual(expect.arrayContaining([2020, 2021, 2022]));
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    expect(years.at(-1)).toBe(2020);
  });

  it('is cacheable: public max-age, a strong ETag, and 304 without a body for a matching If-None-Match', async () => {
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await t.call('GET', URL, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const other = await t.call('GET', URL, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
    expect(other.headers.etag).toBe(etag);
  });

  it('serves a year from memory for five minutes, then recounts', async () => {
    const [{ id: orgId }] = await t.db.query(`SELECT organization_id AS id FROM community_events LIMIT 1`);
    const [{ created_by: by }] = await t.db.query(`SELECT created_by FROM community_events LIMIT 1`);
    await insertRow(t, 'community_events', {
      type: 'OTHER',
      occurred_on: '2021-11-11',
      participant_count: 12,
      organization_id: orgId,
      created_by: by,
    });
    expect((await t.call('GET', URL)).body.communityEvents.events).toBe(3);
    t.clock.advance(5 * 60_000);
    const fresh = await t.call('GET', URL);
    expect(fresh.body.communityEvents.events).toBe(4);
    expect(fresh.headers.etag).not.toBe(first.headers.etag);
  });

  it('defaults to the current year in the program time zone', async () => {
    const res = await t.call('GET', '/api/public/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(Number(calendarDateIn(t.clock.now(), PROGRAM_TIME_ZONE).slice(0, 4)));
    expect(res.body.suppressedCells).toEqual(expect.any(Array));
  });

  it.each(['year=1999', 'year=abc', 'year=2021.5', 'year=2021&school=x'])(
    'rejects %s with 400',
    async (query) => {
      const res = await t.call('GET', `/api/public/dashboard?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    },
  );
});
