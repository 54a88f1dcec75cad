import { catalog, type Catalog, referralBody } from './support/referral-fixtures';
import { demo, type Session, TestApp } from './support/test-app';

interface Match {
  id: string;
  displayName: string;
  dateOfBirth: string;
  score: number;
  openReferral: boolean;
}

describe('youth duplicate matching (GET /api/youth/matches)', () => {
  let t: TestApp;
  let c: Catalog;
  let sro: Session;
  let sro2: Session;
  let supervisor: Session;
  const ids: Record<string, string> = {};

  const people = {
    jose: { firstName: 'José Ángel', lastName: 'Núñez', dateOfBirth: '2012-03-07' },
    maria: { firstName: 'María', lastName: 'García-López', dateOfBirth: '2011-05-20' },
    sean: { firstName: 'Seán', lastName: "O'Brien", dateOfBirth: '2010-08-15' },
    gonzalez: { firstName: 'Maria', lastName: 'Gonzalez', dateOfBirth: '2012-06-04' },
  };

  beforeAll(async () => {
    t = await TestApp.start();
    c = await catalog(t);
    [sro, sro2, supervisor] = await Promise.all(['sro', 'sro2', 'supervisor'].map((n) => t.login(demo(n))));
    for (const [key, y] of Object.entries(people)) {
      const res = await t.call('POST', '/api/referrals', {
        as: sro,
        body: referralBody(c, { youth: { ...y, primaryLanguage: 'es' } }),
      });
      expect(res.status).toBe(201);
      ids[key] = res.body.youthId;
    }
  });
  afterAll(() => t.close());

  const match = async (as: Session, firstName: string, lastName: string, dateOfBirth?: string) => {
    const qs = new URLSearchParams({ firstName, lastName, ...(dateOfBirth ? { dateOfBirth } : {}) });
    const res = await t.call<Match[]>('GET', `/api/youth/matches?${qs.toString()}`, { as });
    expect(res.status).toBe(200);
    return res.body;
  };

  it.each([
    ['accents', 'Jose Angel', 'Nunez', 'jose'],
    ['case', 'JOSÉ ÁNGEL', 'núñez', 'jose'],
    ['hyphens', 'Maria', 'Garcia Lopez', 'maria'],
    ['apostrophes', 'Sean', 'OBrien', 'sean'],
    ['transposed letters', 'Mraia', 'Gonzalez', 'gonzalez'],
  ])('finds the youth despite %s', async (_what, first, last, key) => {
    const found = await match(sro, first, last);
    expect(found[0]?.id).toBe(ids[key]);
  });

  it('keeps youth_names to the names in use: a rename finds the new name, and the old one leaves the table', async () => {
    const names = async () =>
      (
        await t.db.query<{ name_norm: string }[]>(
          `SELECT name_norm FROM youth_names WHERE name_norm LIKE 'seán%' OR name_norm LIKE 'sean%' OR name_norm LIKE 'shaun%'`,
        )
      ).map((r) => r.name_norm);
    expect(await names()).toContain('sean obrien');
    await t.db.query(`UPDATE youth SET first_name = 'Shaun' WHERE id = $1`, [ids.sean]);
    try {
      expect(await names()).toEqual(['shaun obrien']);
      expect((await match(sro, 'Shaun', "O'Brien"))[0]?.id).toBe(ids.sean);
    } finally {
      await t.db.query(`UPDATE youth SET first_name = 'Seán' WHERE id = $1`, [ids.sean]);
    }
    expect(await names()).toEqual(['sean obrien']);
  });

  it('scores an exact birth date above ±1 day and a day/month swap, and those above a different date', async () => {
    const score = async (dob: string) =>
      (await match(sro, 'Jose Angel', 'Nunez', dob)).find((m) => m.id === ids.jose)?.score ?? 0;
    const exact = await score('2012-03-07');
    const nextDay = await score('2012-03-08');
    const swapped = await score('2012-07-03');
    const other = await score('2012-10-20');
    expect(exact).toBe(1);
    expect(nextDay).toBeLessThan(exact);
    expect(swapped).toBe(nextDay);
    expect(other).toBeLessThan(swapped);
  });

  it('finds a badly misspelled name when the birth date agrees', async () => {
    const found = await match(sro, 'Hose', 'Nunes', '2012-03-07');
    expect(found.map((m) => m.id)).toContain(ids.jose);
  });

  it('gives police users the minimal fields only, and marks an open referral', async () => {
    const [first] = await match(sro2, 'Jose Angel', 'Nunez');
    expect(Object.keys(first).sort()).toEqual([
      'dateOfBirth',
      'displayName',
      'id',
      'openReferral',
      'schoolName',
      'score',
    ]);
    expect(first).toMatchObject({
      displayName: 'José Ángel Núñez',
      openReferral: true,
      dateOfBirth: '2012-03-07',
    });
  });

  it('gives provider users the name parts too', async () => {
    const [first] = await match(supervisor, 'Jose Angel', 'Nunez');
    expect(first).toMatchObject({ id: ids.jose, firstName: 'José Ángel', lastName: 'Núñez' });
  });

  it('stops finding a sealed youth for police users, not for the provider', async () => {
    await t.db.query(`UPDATE referrals SET sealed_at = now() WHERE youth_id = $1`, [ids.sean]);
    expect((await match(sro, 'Sean', 'OBrien')).map((m) => m.id)).not.toContain(ids.sean);
    expect((await match(supervisor, 'Sean', 'OBrien')).map((m) => m.id)).toContain(ids.sean);
  });

  it('returns at most 10 candidates', async () => {
    expect((await match(supervisor, 'Maria', 'Garcia')).length).toBeLessThanOrEqual(10);
  });

  it('audits each search as a VIEW of youth_search, without the searched name', async () => {
    const before = (await t.auditRows(`entity_type = 'youth_search' AND actor_id = $1`, [sro2.user.id]))
      .length;
    await match(sro2, 'Jose Angel', 'Nunez', '2012-03-07');
    const rows = await t.auditRows(`entity_type = 'youth_search' AND actor_id = $1`, [sro2.user.id]);
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1]).toMatchObject({ action: 'VIEW', changed_fields: [], entity_id: null });
    expect(JSON.stringify(rows)).not.toMatch(/Jose|Nunez|2012-03-07/i);
  });

  it('refuses roles without the capability and bad queries', async () => {
    for (const name of ['sergeant', 'admin', 'auditor']) {
      const s = await t.login(demo(name));
      expect((await t.call('GET', '/api/youth/matches?firstName=a&lastName=b', { as: s })).status).toBe(403);
    }
    expect((await t.call('GET', '/api/youth/matches?firstName=a', { as: sro })).status).toBe(400);
    expect((await t.call('GET', '/api/youth/matches?firstName=a&lastName=b&x=1', { as: sro })).status).toBe(
      400,
    );
  });
});
