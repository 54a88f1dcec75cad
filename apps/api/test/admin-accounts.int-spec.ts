import { AccountInactivityService } from '../src/users/account-inactivity.service';
import { demo, type Session, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

describe('account administration: MFA reset, deactivation, identifiers', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.login(demo('admin'));
  });
  afterAll(() => t.close());

  const users = async () => (await t.call('GET', '/api/admin/users', { as: admin })).body as any[];
  const find = async (email: string) => (await users()).find((u) => u.email === email);

  it('resets two-step verification: secret cleared, sessions ended, audited as PERMISSION_CHANGE', async () => {
    const id = (await find(demo('counselor2'))).id;
    await t.db.query(`UPDATE users SET mfa_enabled = true, mfa_secret = 'JBSWY3DPEHPK3PXP' WHERE id = $1`, [
      id,
    ]);
    const session = await t.call('POST', '/api/auth/login', {
      body: { email: demo('counselor2'), password: 'Pathways-demo-2026!' },
    });
    expect(session.body.mfaRequired).toBe(true);
    const res = await t.call('POST', `/api/admin/users/${id}/reset-mfa`, { as: admin });
    expect(res.status).toBe(200);
    expect(res.body.mfaEnabled).toBe(false);
    const [row] = await t.db.query('SELECT mfa_secret, mfa_enabled FROM users WHERE id = $1', [id]);
    expect(row).toEqual({ mfa_secret: null, mfa_enabled: false });
    const login = await t.login(demo('counselor2'));
    expect(login.user.mfaEnabled).toBe(false);
    const audit = await t.auditRows(`action = 'PERMISSION_CHANGE' AND entity_id = $1`, [id]);
    expect(audit.at(-1).changed_fields).toEqual(['mfa']);
  });

  it('answers 404 when resetting the MFA of another organization’s user', async () => {
    const sro = await t.login(demo('sro'));
    expect((await t.call('POST', `/api/admin/users/${sro.user.id}/reset-mfa`, { as: admin })).status).toBe(
      404,
    );
  });

  it('records who deactivated an account and why, and clears it on reactivation', async () => {
    const target = await find(demo('counselor2'));
    const off = await t.call('PATCH', `/api/admin/users/${target.id}`, {
      as: admin,
      body: { version: target.version, active: false },
    });
    expect(off.body).toMatchObject({ active: false, deactivationReason: 'ADMIN' });
    expect(off.body.deactivatedAt).toBe(t.clock.now().toISOString());
    const on = await t.call('PATCH', `/api/admin/users/${target.id}`, {
      as: admin,
      body: { version: off.body.version, active: true },
    });
    expect(on.body).toMatchObject({ active: true, deactivationReason: null, deactivatedAt: null });
    const audit = await t.auditRows(`action = 'PERMISSION_CHANGE' AND entity_id = $1`, [target.id]);
    expect(audit.slice(-2).map((a) => a.changed_fields)).toEqual([['active'], ['active']]);
  });

  it('never reuses an identifier: a deactivated account’s e-mail stays taken, in any letter case', async () => {
    const created = await t.call('POST', '/api/admin/users', {
      as: admin,
      body: { email: 'leaving@sbcs.example', displayName: 'Leaving Soon', role: 'COUNSELOR' },
    });
    await t.call('PATCH', `/api/admin/users/${created.body.user.id}`, {
      as: admin,
      body: { version: created.body.user.version, active: false },
    });
    const again = await t.call('POST', '/api/admin/users', {
      as: admin,
      body: { email: 'Leaving@SBCS.example', displayName: 'Someone Else', role: 'COUNSELOR' },
    });
    expect(again.status).toBe(400);
    expect(again.body.details[0].path).toBe('email');
  });

  it('never deletes an account or changes its e-mail, even by SQL', async () => {
    const { id } = await find(demo('counselor'));
    await expect(t.db.query('DELETE FROM users WHERE id = $1', [id])).rejects.toThrow(/never deleted/);
    await expect(
      t.db.query(`UPDATE users SET email = 'someone.else@sbcs.example' WHERE id = $1`, [id]),
    ).rejects.toThrow(/identifier/);
    await t.db.query(`UPDATE users SET display_name = 'Ana T.' WHERE id = $1`, [id]);
  });
});

describe('accounts unused for 90 days are disabled (CJIS)', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.login(demo('admin'));
  });
  afterAll(() => t.close());

  const job = () => t.app.get(AccountInactivityService).disableDormant();

  it('leaves accounts alone before 90 days, then disables them, ends their sessions and audits each', async () => {
    const counselor = await t.login(demo('counselor'));
    t.clock.advance(89 * DAY_MS);
    expect(await job()).toBe(0);
    t.clock.advance(2 * DAY_MS);
    const disabled = await job();
    expect(disabled).toBeGreaterThanOrEqual(8);
    const [row] = await t.db.query(`SELECT active, deactivation_reason FROM users WHERE id = $1`, [
      counselor.user.id,
    ]);
    expect(row).toEqual({ active: false, deactivation_reason: 'INACTIVITY' });
    const live = await t.db.query(`SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`, [
      counselor.user.id,
    ]);
    expect(live).toHaveLength(0);
    const audit = await t.auditRows(`action = 'PERMISSION_CHANGE' AND entity_id = $1`, [counselor.user.id]);
    expect(audit.at(-1)).toMatchObject({
      actor_id: null,
      organization_id: counselor.user.organization.id,
      changed_fields: ['active'],
    });
    expect(await job()).toBe(0);
  });

  it('refuses sign-in to a disabled account with the ordinary message', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { email: demo('counselor'), password: 'Pathways-demo-2026!' },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('lets an administrator reactivate it, and the count starts again from the reactivation', async () => {
    // The admin's own account was disabled too: another administrator (here, SQL) brings it back.
    await t.db.query(
      `UPDATE users SET active = true, deactivated_at = NULL, deactivation_reason = NULL, reactivated_at = $2
       WHERE email = $1`,
      [demo('admin'), t.clock.now()],
    );
    admin = await t.login(demo('admin'));
    const target = (await t.call('GET', '/api/admin/users', { as: admin })).body.find(
      (u: { email: string }) => u.email === demo('counselor'),
    );
    expect(target).toMatchObject({ active: false, deactivationReason: 'INACTIVITY' });
    const on = await t.call('PATCH', `/api/admin/users/${target.id}`, {
      as: admin,
      body: { version: target.version, active: true },
    });
    expect(on.status).toBe(200);
    await job();
    expect((await t.login(demo('counselor'))).user.role).toBe('COUNSELOR');
  });
});

describe('the inactivity rule at sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('disables a dormant account when it tries to sign in, before the job runs', async () => {
    t.clock.advance(91 * DAY_MS);
    const res = await t.call('POST', '/api/auth/login', {
      body: { email: demo('sro'), password: 'Pathways-demo-2026!' },
    });
    expect(res.status).toBe(401);
    const [row] = await t.db.query(`SELECT active, deactivation_reason FROM users WHERE email = $1`, [
      demo('sro'),
    ]);
    expect(row).toEqual({ active: false, deactivation_reason: 'INACTIVITY' });
    const audit = await t.auditRows(
      `action = 'PERMISSION_CHANGE' AND entity_id = (SELECT id FROM users WHERE email = $1)`,
      [demo('sro')],
    );
    expect(audit).toHaveLength(1);
  });

  it('follows an organization’s shorter period', async () => {
    await t.db.query(
      `UPDATE organizations SET settings = '{"security":{"accountInactivityDays":30}}' WHERE kind = 'SERVICE_PROVIDER'`,
    );
    await t.db.query(`UPDATE users SET reactivated_at = $1`, [
      new Date(t.clock.now().getTime() - 31 * DAY_MS),
    ]);
    const provider = await t.call('POST', '/api/auth/login', {
      body: { email: demo('supervisor'), password: 'Pathways-demo-2026!' },
    });
    expect(provider.status).toBe(401);
    const police = await t.call('POST', '/api/auth/login', {
      body: { email: demo('sergeant'), password: 'Pathways-demo-2026!' },
    });
    expect(police.status).toBe(200);
  });
});
