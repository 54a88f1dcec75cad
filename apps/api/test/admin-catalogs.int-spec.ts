import { demo, type Session, TestApp } from './support/test-app';

describe('catalog administration (ADMIN)', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.login(demo('admin'));
  });
  afterAll(() => t.close());

  const call = (method: string, url: string, body?: unknown) => t.call(method, url, { as: admin, body });
  const newSchool = {
    name: 'Otay Ranch Test Academy',
    level: 'MIDDLE',
    kind: 'CHARTER',
    district: 'Test District',
    cdsCode: '37680000000001',
    zip: '91913',
    inCvpdJurisdiction: true,
  };

  it('adds a school, audited as CREATE, and every signed-in user sees it', async () => {
    const res = await call('POST', '/api/admin/schools', newSchool);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...newSchool, active: true, version: 1 });
    const sro = await t.login(demo('sro'));
    const schools = (await t.call('GET', '/api/schools', { as: sro })).body;
    expect(schools.map((s: { name: string }) => s.name)).toContain(newSchool.name);
    const [audit] = await t.auditRows(`action = 'CREATE' AND entity_type = 'school' AND entity_id = $1`, [
      res.body.id,
    ]);
    expect(audit.actor_id).toBe(admin.user.id);
  });

  it('refuses a duplicate name or CDS code (any letter case) as field errors, writing nothing', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM schools'))[0].n;
    const res = await call('POST', '/api/admin/schools', {
      ...newSchool,
      name: newSchool.name.toUpperCase(),
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['cdsCode', 'name']);
    expect((await t.db.query('SELECT count(*)::int AS n FROM schools'))[0].n).toBe(before);
  });

  it('lists every bad field of a school at once', async () => {
    const res = await call('POST', '/api/admin/schools', {
      name: '',
      level: 'COLLEGE',
      zip: '9191',
      cdsCode: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'cdsCode',
      'district',
      'inCvpdJurisdiction',
      'kind',
      'level',
      'name',
      'zip',
    ]);
  });

  it('marks a school outside the jurisdiction and retires it without breaking the referrals that name it', async () => {
    const [used] = await t.db.query(
      `SELECT s.id, s.version, count(r.id)::int AS referrals FROM schools s JOIN referrals r ON r.school_id = s.id
       GROUP BY s.id ORDER BY count(r.id) DESC LIMIT 1`,
    );
    expect(used.referrals).toBeGreaterThan(0);
    const outside = await call('PATCH', `/api/admin/schools/${used.id}`, {
      version: used.version,
      inCvpdJurisdiction: false,
    });
    expect(outside.body).toMatchObject({ inCvpdJurisdiction: false, version: used.version + 1 });
    const retired = await call('PATCH', `/api/admin/schools/${used.id}`, {
      version: used.version + 1,
      active: false,
    });
    expect(retired.body.active).toBe(false);
    const [after] = await t.db.query(`SELECT count(*)::int AS n FROM referrals WHERE school_id = $1`, [
      used.id,
    ]);
    expect(after.n).toBe(used.referrals);
    const all = (await t.call('GET', '/api/schools', { as: admin })).body;
    expect(all.find((s: { id: string }) => s.id === used.id)).toMatchObject({ active: false });
    const activeOnly = (await call('GET', '/api/admin/schools?active=true')).body;
    expect(activeOnly.some((s: { id: string }) => s.id === used.id)).toBe(false);
    const audit = await t.auditRows(`entity_type = 'school' AND entity_id = $1`, [used.id]);
    expect(audit.map((a) => a.changed_fields)).toEqual([['inCvpdJurisdiction'], ['active']]);
  });

  it('answers 409 to a stale version and 404 to an unknown id', async () => {
    const [school] = await t.db.query(`SELECT id, version FROM schools ORDER BY name LIMIT 1`);
    const stale = await call('PATCH', `/api/admin/schools/${school.id}`, {
      version: school.version + 5,
      phone: 'x',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(school.version);
    const missing = await call('PATCH', '/api/admin/schools/00000000-0000-4000-8000-000000000000', {
      version: 1,
    });
    expect(missing.status).toBe(404);
  });

  it('toggles the exclusion flag of a reason code; the code itself can never be renamed', async () => {
    const list = (await call('GET', '/api/admin/reason-codes?q=vandal')).body;
    const code = list[0];
    expect(code).toBeDefined();
    const res = await call('PATCH', `/api/admin/reason-codes/${code.id}`, {
      version: code.version,
      excludedFromDiversion: !code.excludedFromDiversion,
      labelEs: 'Vandalismo',
    });
    expect(res.status).toBe(200);
    expect(res.body.excludedFromDiversion).toBe(!code.excludedFromDiversion);
    const rename = await call('PATCH', `/api/admin/reason-codes/${code.id}`, {
      version: 2,
      code: 'NEW_CODE',
    });
    expect(rename.status).toBe(400);
    const created = await call('POST', '/api/admin/reason-codes', {
      code: 'E2E_TEST_CONCERN',
      label: 'Test concern',
      kind: 'CONCERN',
      excludedFromDiversion: false,
    });
    expect(created.status).toBe(201);
    const dup = await call('POST', '/api/admin/reason-codes', {
      code: 'E2E_TEST_CONCERN',
      label: 'Another label',
      kind: 'CONCERN',
      excludedFromDiversion: false,
    });
    expect(dup.status).toBe(400);
    expect(dup.body.details).toEqual([{ path: 'code', message: 'This code exists' }]);
  });

  it('adds and retires a service type', async () => {
    const created = await call('POST', '/api/admin/service-types', {
      code: 'ART_THERAPY',
      label: 'Art therapy',
    });
    expect(created.status).toBe(201);
    const retired = await call('PATCH', `/api/admin/service-types/${created.body.id}`, {
      version: 1,
      active: false,
    });
    expect(retired.body).toMatchObject({ code: 'ART_THERAPY', active: false });
    const bad = await call('POST', '/api/admin/service-types', { code: 'lower case', label: '' });
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['code', 'label']);
  });

  it('records when a resource was last verified, and accepts only web links', async () => {
    const [resource] = (await call('GET', '/api/admin/resources?q=YPI')).body;
    const verified = await call('PATCH', `/api/admin/resources/${resource.id}`, {
      version: resource.version,
      lastVerifiedAt: '2026-02-01',
    });
    expect(verified.body.lastVerifiedAt).toBe('2026-02-01');
    const sro = await t.login(demo('sro'));
    const seen = (await t.call('GET', '/api/resources', { as: sro })).body.find(
      (r: { id: string }) => r.id === resource.id,
    );
    expect(seen.lastVerifiedAt).toBe('2026-02-01');
    const script = await call('POST', '/api/admin/resources', {
      key: 'bad-link',
      name: 'Bad link',
      category: 'COUNSELING',
      urls: ['javascript:alert(1)'],
    });
    expect(script.status).toBe(400);
    expect(script.body.details[0].path).toBe('urls.0');
  });

  it('hides a retired resource from the public directory but keeps it for staff', async () => {
    const created = await call('POST', '/api/admin/resources', {
      key: 'short-lived',
      name: 'Short-lived program',
      category: 'COUNSELING',
      urls: ['https://example.org/program'],
      languages: ['en', 'es'],
    });
    expect(created.status).toBe(201);
    await call('PATCH', `/api/admin/resources/${created.body.id}`, { version: 1, active: false });
    const pub = (await t.call('GET', '/api/public/resources')).body;
    expect(pub.some((r: { key: string }) => r.key === 'short-lived')).toBe(false);
    const staff = (await t.call('GET', '/api/resources', { as: admin })).body;
    expect(staff.find((r: { key: string }) => r.key === 'short-lived')).toMatchObject({ active: false });
  });

  it('keeps catalog administration to ADMIN: every other role gets 403', async () => {
    for (const who of ['sro', 'sergeant', 'counselor', 'supervisor', 'auditor']) {
      const s = await t.login(demo(who));
      for (const path of ['schools', 'resources', 'reason-codes', 'service-types'])
        expect((await t.call('GET', `/api/admin/${path}`, { as: s })).status).toBe(403);
      expect((await t.call('POST', '/api/admin/schools', { as: s, body: newSchool })).status).toBe(403);
    }
  });
});
