import { authenticator } from 'otplib';
import { OrganizationSettingsService } from '../src/organizations/organization-settings.service';
import { demo, type Session, TestApp } from './support/test-app';

/** An ADMIN of the police department (the demo has only the provider's), sharing the demo password. */
async function policeAdmin(t: TestApp): Promise<Session> {
  await t.db.query(
    `INSERT INTO users (organization_id, email, display_name, role, password_hash)
     SELECT o.id, 'police.admin@cvpd.example', 'Police Admin', 'ADMIN', u.password_hash
     FROM organizations o, users u WHERE o.kind = 'LAW_ENFORCEMENT' AND u.email = $1`,
    [demo('admin')],
  );
  return t.login('police.admin@cvpd.example');
}

describe('organization profile and settings (ADMIN, own organization)', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.login(demo('admin'));
  });
  afterAll(() => t.close());

  const get = () => t.call('GET', '/api/admin/organization', { as: admin });
  const patch = (body: Record<string, unknown>) =>
    t.call('PATCH', '/api/admin/organization', { as: admin, body });

  it('shows the own organization with the DOMAIN.md clocks and the CJIS defaults', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: admin.user.organization.id,
      kind: 'SERVICE_PROVIDER',
      clocks: { triageBusinessDays: 1, serviceStartDays: 20, targetDays: 90, maxMonths: 6 },
      security: {
        sessionIdleMinutes: 30,
        sessionAbsoluteHours: 12,
        lockoutMaxFailures: 5,
        mfaRequired: false,
      },
      reports: { equityReferenceGroup: 'WHITE', suppressionThreshold: 11 },
      retention: { closedCaseMonths: 84 },
      deployment: { mfaAlwaysRequired: false, sessionIdleMinutesMax: 30 },
    });
  });

  it('shortens a clock, stores only the override and audits the field names without values', async () => {
    const before = (await get()).body;
    const res = await patch({
      version: before.version,
      clocks: { ...before.clocks, intakeBusinessDays: 7 },
      profile: { phone: '(619) 420-3620', address: '430 F Street, Chula Vista, CA 91910' },
    });
    expect(res.status).toBe(200);
    expect(res.body.clocks.intakeBusinessDays).toBe(7);
    expect(res.body.version).toBe(before.version + 1);
    const [row] = await t.db.query('SELECT settings FROM organizations WHERE id = $1', [before.id]);
    expect(row.settings.clocks).toEqual({ intakeBusinessDays: 7 });
    const [audit] = await t.auditRows(`action = 'UPDATE' AND entity_type = 'organization'`);
    expect(audit).toMatchObject({ actor_id: admin.user.id, entity_id: before.id });
    expect(audit.changed_fields).toEqual(['clocks.intakeBusinessDays', 'profile.address', 'profile.phone']);
    expect(JSON.stringify(audit)).not.toMatch(/420-3620|F Street/);
  });

  it('exposes the effective clocks to other features (for the tasks query)', async () => {
    const clocks = await t.app.get(OrganizationSettingsService).clockSettings(admin.user.organization.id);
    expect(clocks).toMatchObject({ intakeBusinessDays: 7, serviceStartDays: 20, triageBusinessDays: 1 });
  });

  it('refuses to lengthen the statutory 20-day clock, listing every bad field and writing nothing', async () => {
    const before = (await get()).body;
    const res = await patch({
      version: before.version,
      clocks: { serviceStartDays: 21, reopenDays: 45 },
      security: { sessionIdleMinutes: 31, sessionAbsoluteHours: 13, lockoutMaxFailures: 6 },
      reports: { suppressionThreshold: 10 },
      retention: { closedCaseMonths: 12 },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'clocks.reopenDays',
      'clocks.serviceStartDays',
      'reports.suppressionThreshold',
      'retention.closedCaseMonths',
      'security.lockoutMaxFailures',
      'security.sessionAbsoluteHours',
      'security.sessionIdleMinutes',
    ]);
    expect(
      res.body.details.find((d: { path: string }) => d.path === 'clocks.serviceStartDays').message,
    ).toMatch(/WIC 652\.5/);
    expect((await get()).body.version).toBe(before.version);
  });

  it('checks the target length against the stored maximum, not only against what was sent', async () => {
    const before = (await get()).body;
    expect((await patch({ version: before.version, clocks: { maxMonths: 4, targetDays: 60 } })).status).toBe(
      200,
    );
    const res = await patch({ version: before.version + 1, clocks: { targetDays: 120 } });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('clocks.targetDays');
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const current = (await get()).body;
    const res = await patch({ version: current.version - 1, reports: { suppressionThreshold: 20 } });
    expect(res.status).toBe(409);
    expect(res.body.currentVersion).toBe(current.version);
    expect((await get()).body.reports.suppressionThreshold).toBe(11);
  });

  it('rejects unknown fields (mass assignment): kind and id cannot be set', async () => {
    const current = (await get()).body;
    expect((await patch({ version: current.version, kind: 'LAW_ENFORCEMENT' })).status).toBe(400);
    expect((await patch({ version: current.version, clocks: { bogus: 1 } })).status).toBe(400);
  });

  it('keeps the settings to ADMIN: every other role gets 403', async () => {
    for (const who of ['sro', 'sergeant', 'counselor', 'supervisor', 'auditor']) {
      const s = await t.login(demo(who));
      expect((await t.call('GET', '/api/admin/organization', { as: s })).status).toBe(403);
      expect((await t.call('PATCH', '/api/admin/organization', { as: s, body: { version: 1 } })).status).toBe(
        403,
      );
    }
  });

  it('scopes an ADMIN to the own organization: the police admin sees and edits only the police department', async () => {
    const police = await policeAdmin(t);
    const own = await t.call('GET', '/api/admin/organization', { as: police });
    expect(own.body).toMatchObject({ kind: 'LAW_ENFORCEMENT', clocks: null });
    const clocks = await t.call('PATCH', '/api/admin/organization', {
      as: police,
      body: { version: own.body.version, clocks: { triageBusinessDays: 1 } },
    });
    expect(clocks.status).toBe(400);
    expect(clocks.body.details[0].path).toBe('clocks');
    const ok = await t.call('PATCH', '/api/admin/organization', {
      as: police,
      body: { version: own.body.version, reports: { suppressionThreshold: 15 } },
    });
    expect(ok.status).toBe(200);
    expect((await get()).body.reports.suppressionThreshold).toBe(11);
    const users = await t.call('GET', '/api/admin/users', { as: police });
    expect(users.body.map((u: { email: string }) => u.email)).not.toContain(demo('counselor'));
  });
});

describe('security settings take effect', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  async function setSecurity(security: Record<string, unknown>) {
    // A fresh session each time: the administrator is subject to the same timeouts.
    const admin = await t.login(demo('admin'));
    const current = (await t.call('GET', '/api/admin/organization', { as: admin })).body;
    const res = await t.call('PATCH', '/api/admin/organization', {
      as: admin,
      body: { version: current.version, security },
    });
    expect(res.status).toBe(200);
  }

  it('ends sessions after the organization’s shorter idle timeout', async () => {
    await setSecurity({ sessionIdleMinutes: 10 });
    const counselor = await t.login(demo('counselor'));
    t.clock.advanceMinutes(9);
    expect((await t.call('GET', '/api/auth/me', { as: counselor })).status).toBe(200);
    t.clock.advanceMinutes(10);
    expect((await t.call('GET', '/api/auth/me', { as: counselor })).status).toBe(401);
    // The police department kept the 30-minute default.
    const sro = await t.login(demo('sro'));
    t.clock.advanceMinutes(25);
    expect((await t.call('GET', '/api/auth/me', { as: sro })).status).toBe(200);
    await setSecurity({ sessionIdleMinutes: 30 });
  });

  it('locks after the organization’s lower failure limit', async () => {
    await setSecurity({ lockoutMaxFailures: 3 });
    const email = demo('counselor2');
    const codes: number[] = [];
    for (let i = 0; i < 3; i++)
      codes.push(
        (await t.call('POST', '/api/auth/login', { body: { email, password: `wrong-password-${i}` } }))
          .status,
      );
    expect(codes).toEqual([401, 401, 423]);
    await setSecurity({ lockoutMaxFailures: 5 });
  });

  it('requires two-step verification when the organization says so: only the own session until it is set up', async () => {
    await setSecurity({ mfaRequired: true });
    const supervisor = await t.login(demo('supervisor'));
    expect(supervisor.user.mfaSetupRequired).toBe(true);
    const blocked = await t.call('GET', '/api/schools', { as: supervisor });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('AUTH_MFA_SETUP_REQUIRED');
    expect((await t.call('GET', '/api/auth/me', { as: supervisor })).body.mfaSetupRequired).toBe(true);
    const start = await t.call('POST', '/api/auth/mfa/enroll', { as: supervisor, body: {} });
    await t.call('POST', '/api/auth/mfa/enroll', {
      as: supervisor,
      body: { code: authenticator.generate(start.body.secret) },
    });
    expect((await t.call('GET', '/api/schools', { as: supervisor })).status).toBe(200);
    // Police users are not affected by the provider's policy.
    const sro = await t.login(demo('sro'));
    expect((await t.call('GET', '/api/schools', { as: sro })).status).toBe(200);
  });
});
