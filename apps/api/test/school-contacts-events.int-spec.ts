import { randomUUID } from 'node:crypto';
import { catalog, type Catalog } from './support/referral-fixtures';
import { demo, type Session, TestApp } from './support/test-app';

describe('school contacts and community events (police side)', () => {
  let t: TestApp;
  let c: Catalog;
  let sro: Session;
  let sro2: Session;
  let sergeant: Session;
  let counselor: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    c = await catalog(t);
    [sro, sro2, sergeant, counselor] = await Promise.all(
      ['sro', 'sro2', 'sergeant', 'counselor'].map((n) => t.login(demo(n))),
    );
  });
  afterAll(() => t.close());

  const contact = (over: Record<string, unknown> = {}) => ({
    occurredAt: '2026-09-14T18:00:00Z',
    schoolId: c.schoolId,
    reasonCodes: ['VAPING_TOBACCO'],
    disposition: 'SCHOOL_DISCIPLINE_ONLY',
    ageBand: '15-16',
    genderIdentity: 'MALE',
    raceEthnicity: ['HISPANIC_LATINO'],
    ...over,
  });

  it('records a school contact without names, audited', async () => {
    const res = await t.call('POST', '/api/school-contacts', { as: sro, body: contact() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      disposition: 'SCHOOL_DISCIPLINE_ONLY',
      createdBy: sro.user.id,
      schoolName: expect.any(String),
    });
    const [row] = await t.auditRows(`action = 'CREATE' AND entity_id = $1`, [res.body.id]);
    expect(row).toMatchObject({ entity_type: 'school_contact' });
  });

  it('refuses names and unknown catalog values', async () => {
    expect(
      (await t.call('POST', '/api/school-contacts', { as: sro, body: contact({ firstName: 'X' }) })).status,
    ).toBe(400);
    const bad = await t.call('POST', '/api/school-contacts', {
      as: sro,
      body: contact({ reasonCodes: ['NOPE'], schoolId: randomUUID() }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'reasonCodes.0',
      'schoolId',
    ]);
  });

  it('counts a list only up to 1,000 matches and says so (totalCapped), paging through the first 1,000', async () => {
    // 1,001 more contacts of the agency, made in SQL (the API would take minutes), removed again below.
    const made = await t.db.query<{ id: string }[]>(
      `INSERT INTO school_contacts (occurred_at, school_id, disposition, age_band, organization_id, created_by)
       SELECT timestamptz '2020-01-01T18:00:00Z' + make_interval(mins => g), $1, 'REFERRED_DA', '13-14', $2, $3
         FROM generate_series(1, 1001) g RETURNING id`,
      [c.schoolId, sergeant.user.organization.id, sro2.user.id],
    );
    try {
      const capped = await t.call('GET', '/api/school-contacts?pageSize=100&page=10', { as: sergeant });
      expect(capped.status).toBe(200);
      expect(capped.body).toMatchObject({ total: 1000, totalCapped: true, page: 10 });
      expect(capped.body.items).toHaveLength(100);
      const narrow = await t.call('GET', '/api/school-contacts?disposition=CITATION_PROBATION', {
        as: sergeant,
      });
      expect(narrow.body.totalCapped).toBe(false);
      expect(narrow.body.total).toBe(
        (
          await t.db.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM school_contacts WHERE organization_id = $1 AND disposition = 'CITATION_PROBATION'`,
            [sergeant.user.organization.id],
          )
        )[0].n,
      );
    } finally {
      await t.db.query(`DELETE FROM school_contacts WHERE id = ANY($1::uuid[])`, [made.map((r) => r.id)]);
    }
  });

  it('shows an SRO their own contacts and the sergeant the agency’s', async () => {
    const n = async (sql: string, p: unknown[]) => (await t.db.query<{ n: number }[]>(sql, p))[0].n;
    const own = await t.call('GET', '/api/school-contacts?pageSize=100', { as: sro2 });
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(
      await n(`SELECT count(*)::int AS n FROM school_contacts WHERE created_by = $1`, [sro2.user.id]),
    );
    expect(own.body.items.every((i: { createdBy: string }) => i.createdBy === sro2.user.id)).toBe(true);
    const agency = await t.call('GET', '/api/school-contacts?pageSize=10&page=2', { as: sergeant });
    expect(agency.body.total).toBe(
      await n(`SELECT count(*)::int AS n FROM school_contacts WHERE organization_id = $1`, [
        sergeant.user.organization.id,
      ]),
    );
    expect(agency.body.items).toHaveLength(10);
    const filtered = await t.call('GET', '/api/school-contacts?disposition=CITATION_PROBATION&pageSize=100', {
      as: sergeant,
    });
    expect(
      filtered.body.items.every((i: { disposition: string }) => i.disposition === 'CITATION_PROBATION'),
    ).toBe(true);
    expect((await t.call('GET', '/api/school-contacts', { as: counselor })).status).toBe(403);
    expect((await t.call('POST', '/api/school-contacts', { as: sergeant, body: contact() })).status).toBe(
      403,
    );
  });

  it('records, lists and edits community events of the own organization with a version', async () => {
    const created = await t.call('POST', '/api/community-events', {
      as: sro,
      body: {
        type: 'RED_RIBBON_WEEK',
        occurredOn: '2026-10-26',
        schoolId: c.schoolId,
        participantCount: 320,
        partners: ['SBCS'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, participantCount: 320, schoolName: expect.any(String) });
    const list = await t.call('GET', '/api/community-events?pageSize=100', { as: sergeant });
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(created.body.id);
    const edited = await t.call('PATCH', `/api/community-events/${created.body.id}`, {
      as: sergeant,
      body: { version: 1, participantCount: 340 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, participantCount: 340 });
    const stale = await t.call('PATCH', `/api/community-events/${created.body.id}`, {
      as: sro,
      body: { version: 1, participantCount: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect((await t.call('GET', '/api/community-events', { as: counselor })).status).toBe(403);
    const audit = await t.auditRows(`entity_type = 'community_event' AND entity_id = $1`, [created.body.id]);
    expect(audit.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
  });
});
