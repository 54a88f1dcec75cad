import { demo, type Session, TestApp } from './support/test-app';

describe('the audit console (AUDITOR, own organization)', () => {
  let t: TestApp;
  let auditor: Session;
  let counselor: Session;
  let sro: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    auditor = await t.login(demo('auditor'));
    counselor = await t.login(demo('counselor'));
    sro = await t.login(demo('sro'));
    // Two failed sign-ins (one provider, one police) and a lockout in the provider.
    for (const email of [demo('counselor'), demo('sro')])
      await t.call('POST', '/api/auth/login', { body: { email, password: 'not-the-password' } });
    for (let i = 0; i < 5; i++)
      await t.call('POST', '/api/auth/login', {
        body: { email: demo('counselor2'), password: `wrong-password-${i}` },
        headers: { 'user-agent': "=cmd|' /C calc'!A0" },
      });
  });
  afterAll(() => t.close());

  const get = (url: string) => t.call('GET', url, { as: auditor });

  it('searches by actor and shows the actor’s name, only within the own organization', async () => {
    const res = await get(`/api/audit?actorId=${counselor.user.id}&pageSize=100`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    expect(res.body.items.every((e: { actorId: string }) => e.actorId === counselor.user.id)).toBe(true);
    expect(res.body.items[0].actorName).toBe('Ana Torres');
    const police = await get(`/api/audit?actorId=${sro.user.id}`);
    expect(police.body).toMatchObject({ total: 0, items: [] });
  });

  it('searches by action, record and period, newest first, paged', async () => {
    const failed = await get('/api/audit?action=LOGIN_FAILED&pageSize=2');
    expect(failed.body.total).toBe(6);
    expect(failed.body.items).toHaveLength(2);
    expect(failed.body.items[0].seq).toBeGreaterThan(failed.body.items[1].seq);
    const byRecord = await get(`/api/audit?entityType=user&entityId=${counselor.user.id}`);
    expect(byRecord.body.items.every((e: { entityId: string }) => e.entityId === counselor.user.id)).toBe(
      true,
    );
    const future = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    expect((await get(`/api/audit?from=${encodeURIComponent(future)}`)).body.total).toBe(0);
    const bad = await get('/api/audit?action=DROP&from=yesterday&entityType=x;drop');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'action',
      'entityType',
      'from',
    ]);
  });

  it('lists the people of the own organization to search by', async () => {
    const res = await get('/api/audit/actors');
    const emails = res.body.map((a: { email: string }) => a.email);
    expect(emails).toContain(demo('counselor'));
    expect(emails).not.toContain(demo('sro'));
  });

  it('exports the matching rows as CSV, neutralizes formulas, and audits the export', async () => {
    const res = await get('/api/audit/export?action=LOGIN_FAILED');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const lines = (res.body as string).trim().split('\r\n');
    expect(lines[0]).toBe(
      'seq,at,actor_id,actor_name,actor_role,action,entity_type,entity_id,youth_id,outcome,ip,user_agent,request_id,changed_fields',
    );
    expect(lines).toHaveLength(7);
    expect(res.body).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(res.body).not.toMatch(/,=cmd/);
    const [row] = await t.auditRows(`action = 'EXPORT' AND actor_id = $1`, [auditor.user.id]);
    expect(row).toMatchObject({ entity_type: 'audit_event', changed_fields: ['action'] });
  });

  it('verifies the chain', async () => {
    expect((await get('/api/audit/verify')).body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('gathers the weekly review: failed sign-ins, lockouts, exports, overrides, sealed-record access, permission changes', async () => {
    const [referral] = await t.db.query(
      `SELECT id FROM referrals WHERE provider_org_id = $1 AND status <> 'DRAFT' ORDER BY reference_number LIMIT 1`,
      [auditor.user.organization.id],
    );
    await t.db.query('UPDATE referrals SET sealed_at = $2 WHERE id = $1', [
      referral.id,
      new Date(t.clock.now().getTime() - 60_000),
    ]);
    const supervisor = await t.login(demo('supervisor'));
    expect((await t.call('GET', `/api/referrals/${referral.id}`, { as: supervisor })).status).toBe(200);
    const admin = await t.login(demo('admin'));
    const locked = (await t.call('GET', '/api/admin/users', { as: admin })).body.find(
      (u: { email: string }) => u.email === demo('counselor2'),
    );
    expect((await t.call('POST', `/api/admin/users/${locked.id}/unlock`, { as: admin })).status).toBe(200);

    const res = await get('/api/audit/review');
    expect(res.status).toBe(200);
    const total = Object.fromEntries(
      res.body.sections.map((s: { category: string; total: number }) => [s.category, s.total]),
    );
    expect(total).toEqual({
      FAILED_LOGINS: 6,
      LOCKOUTS: 1,
      EXPORTS: 1,
      OVERRIDES: 0,
      SEALED_RECORD_ACCESS: 1,
      PERMISSION_CHANGES: 1,
    });
    const sealed = res.body.sections.find((s: { category: string }) => s.category === 'SEALED_RECORD_ACCESS');
    expect(sealed.items[0]).toMatchObject({
      action: 'VIEW',
      entityId: referral.id,
      actorName: 'Rosa Martinez',
    });
    expect(new Date(res.body.to).getTime() - new Date(res.body.from).getTime()).toBeGreaterThanOrEqual(
      167 * 3_600_000,
    );
  });

  it('reviews any earlier week', async () => {
    const lastWeek = new Date(t.clock.now().getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
    const res = await get(`/api/audit/review?weekOf=${lastWeek}`);
    expect(res.status).toBe(200);
    expect(res.body.sections.every((s: { total: number }) => s.total === 0)).toBe(true);
    expect((await get('/api/audit/review?weekOf=last-week')).status).toBe(400);
  });

  it('keeps the console to the AUDITOR: every other role gets 403', async () => {
    for (const who of ['sro', 'sergeant', 'counselor', 'supervisor', 'admin']) {
      const s = await t.login(demo(who));
      for (const path of ['/api/audit/actors', '/api/audit/review', '/api/audit/export'])
        expect((await t.call('GET', path, { as: s })).status).toBe(403);
    }
  });
});
