import { demo, type Session, TestApp } from './support/test-app';

describe('account administration (ADMIN, own organization only)', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.login(demo('admin'));
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>) => t.call('POST', '/api/admin/users', { as: admin, body });

  it('lists only the users of the admin’s organization', async () => {
    const res = await t.call('GET', '/api/admin/users', { as: admin });
    expect(res.status).toBe(200);
    const emails = res.body.map((u: { email: string }) => u.email);
    expect(emails).toContain(demo('counselor'));
    expect(emails).not.toContain(demo('sro'));
  });

  it('creates an account with a one-time password that must be changed at first sign-in', async () => {
    const res = await create({
      email: 'new.counselor@sbcs.example',
      displayName: 'New Counselor',
      role: 'COUNSELOR',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'COUNSELOR', mustChangePassword: true, active: true });
    const first = await t.login('new.counselor@sbcs.example', res.body.oneTimePassword);
    expect(first.user.mustChangePassword).toBe(true);
    const blocked = await t.call('GET', '/api/schools', { as: first });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const changed = await t.call('POST', '/api/auth/password', {
      as: first,
      body: { currentPassword: res.body.oneTimePassword, newPassword: 'my own counselor passphrase' },
    });
    expect(changed.status).toBe(204);
    expect((await t.call('GET', '/api/schools', { as: first })).status).toBe(200);
    const audit = await t.auditRows(`action = 'PERMISSION_CHANGE' AND entity_id = $1`, [res.body.user.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].changed_fields).toEqual(['created', 'role']);
  });

  it('lists every bad field at once and writes nothing', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM users'))[0].n;
    const res = await create({ email: 'not-an-email', displayName: '', role: 'WIZARD' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'displayName',
      'email',
      'role',
    ]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM users'))[0].n).toBe(before);
  });

  it('refuses a role the organization cannot hold, and an e-mail already used (never reused)', async () => {
    const police = await create({ email: 'officer@sbcs.example', displayName: 'Officer', role: 'SRO' });
    expect(police.status).toBe(400);
    expect(police.body.details[0].path).toBe('role');
    const taken = await create({ email: demo('sro'), displayName: 'Copy', role: 'COUNSELOR' });
    expect(taken.status).toBe(400);
    expect(taken.body.details[0].path).toBe('email');
  });

  it('ignores no forbidden field: an organizationId in the body is rejected', async () => {
    const res = await create({
      email: 'x@sbcs.example',
      displayName: 'X',
      role: 'COUNSELOR',
      organizationId: admin.user.id,
    });
    expect(res.status).toBe(400);
  });

  it('answers 404 for a user of another organization', async () => {
    const sro = await t.login(demo('sro'));
    const patch = await t.call('PATCH', `/api/admin/users/${sro.user.id}`, {
      as: admin,
      body: { version: 1, active: false },
    });
    expect(patch.status).toBe(404);
    expect((await t.call('POST', `/api/admin/users/${sro.user.id}/unlock`, { as: admin })).status).toBe(404);
    expect(
      (await t.call('POST', `/api/admin/users/${sro.user.id}/reset-password`, { as: admin })).status,
    ).toBe(404);
  });

  it('changes a role with the current version and answers 409 to a stale one', async () => {
    const created = await create({
      email: 'role.change@sbcs.example',
      displayName: 'Role Change',
      role: 'COUNSELOR',
    });
    const id = created.body.user.id;
    const ok = await t.call('PATCH', `/api/admin/users/${id}`, {
      as: admin,
      body: { version: 1, role: 'PROVIDER_SUPERVISOR' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ role: 'PROVIDER_SUPERVISOR', version: 2 });
    const stale = await t.call('PATCH', `/api/admin/users/${id}`, {
      as: admin,
      body: { version: 1, role: 'COUNSELOR' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const row = (await t.db.query('SELECT role FROM users WHERE id = $1', [id]))[0];
    expect(row.role).toBe('PROVIDER_SUPERVISOR');
  });

  it('revokes the sessions of a deactivated account at once', async () => {
    const counselor = await t.login(demo('counselor'));
    const target = (await t.call('GET', '/api/admin/users', { as: admin })).body.find(
      (u: { email: string }) => u.email === demo('counselor'),
    );
    const res = await t.call('PATCH', `/api/admin/users/${target.id}`, {
      as: admin,
      body: { version: target.version, active: false },
    });
    expect(res.status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { as: counselor })).status).toBe(401);
    const login = await t.call('POST', '/api/auth/login', {
      body: { email: demo('counselor'), password: 'Pathways-demo-2026!' },
    });
    expect(login.status).toBe(401);
  });

  it('refuses to deactivate the own account', async () => {
    const self = (await t.call('GET', '/api/admin/users', { as: admin })).body.find(
      (u: { id: string }) => u.id === admin.user.id,
    );
    const res = await t.call('PATCH', `/api/admin/users/${admin.user.id}`, {
      as: admin,
      body: { version: self.version, active: false },
    });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('active');
  });

  it('unlocks a locked account and resets a password, both audited', async () => {
    const email = demo('counselor2');
    for (let i = 0; i < 5; i++)
      await t.call('POST', '/api/auth/login', { body: { email, password: `wrong-pass-${i}xx` } });
    const target = (await t.call('GET', '/api/admin/users', { as: admin })).body.find(
      (u: { email: string }) => u.email === email,
    );
    expect(target.locked).toBe(true);
    const unlocked = await t.call('POST', `/api/admin/users/${target.id}/unlock`, { as: admin });
    expect(unlocked.body.locked).toBe(false);
    await t.login(email);
    const reset = await t.call('POST', `/api/admin/users/${target.id}/reset-password`, { as: admin });
    expect(reset.status).toBe(200);
    expect(reset.body.user.mustChangePassword).toBe(true);
    await t.login(email, reset.body.oneTimePassword);
    const audit = await t.auditRows(`action = 'PERMISSION_CHANGE' AND entity_id = $1`, [target.id]);
    expect(audit.map((a) => a.changed_fields)).toEqual([['lockedAt'], ['password']]);
  });

  it('lists active users of the own organization for supervisors (GET /api/users)', async () => {
    const supervisor = await t.login(demo('supervisor'));
    const res = await t.call('GET', '/api/users?role=COUNSELOR', { as: supervisor });
    expect(res.status).toBe(200);
    expect(res.body.every((u: { role: string }) => u.role === 'COUNSELOR')).toBe(true);
    const sergeant = await t.login(demo('sergeant'));
    const police = await t.call('GET', '/api/users', { as: sergeant });
    expect(police.body.map((u: { role: string }) => u.role)).not.toContain('COUNSELOR');
    const sro = await t.login(demo('sro'));
    expect((await t.call('GET', '/api/users', { as: sro })).status).toBe(403);
  });
});

describe('catalogs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('serves the seeded catalogs to any signed-in user', async () => {
    const sro = await t.login(demo('sro'));
    const schools = await t.call('GET', '/api/schools', { as: sro });
    expect(schools.body).toHaveLength(79);
    const reasons = await t.call('GET', '/api/reason-codes', { as: sro });
    expect(reasons.body.find((r: { code: string }) => r.code === 'WEAPON')).toMatchObject({
      excludedFromDiversion: true,
    });
    expect((await t.call('GET', '/api/service-types', { as: sro })).body.length).toBe(26);
    expect((await t.call('GET', '/api/resources', { as: sro })).body.length).toBe(9);
    expect((await t.call('GET', '/api/schools')).status).toBe(401);
  });

  it('serves the resource directory to the public without sign-in', async () => {
    const res = await t.call('GET', '/api/public/resources');
    expect(res.status).toBe(200);
    expect(res.body.map((r: { key: string }) => r.key)).toContain('sbcs-ypi');
  });
});
