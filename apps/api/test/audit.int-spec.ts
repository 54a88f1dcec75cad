import { demo, TestApp } from './support/test-app';

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('writes a LOGIN row with ids, address and request id, and no name or e-mail', async () => {
    const s = await t.login(demo('sro'));
    const [row] = await t.auditRows(`action = 'LOGIN' AND actor_id = $1`, [s.user.id]);
    expect(row).toMatchObject({
      actor_role: 'SRO',
      organization_id: s.user.organization.id,
      outcome: 'SUCCESS',
      entity_type: 'session',
    });
    expect(row.request_id).toBeTruthy();
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toMatch(/demo\.pathways|Reyes|Daniel/);
  });

  it('rejects UPDATE and DELETE of audit rows', async () => {
    await expect(t.db.query(`UPDATE audit_events SET outcome = 'ERROR'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('chains every row to the one before it, so the chain verifies', async () => {
    const auditor = await t.login(demo('auditor'));
    const res = await t.call('GET', '/api/audit/verify', { as: auditor });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(res.body.checked).toBeGreaterThanOrEqual(2);
  });

  it('lets an AUDITOR search the own organization only', async () => {
    const auditor = await t.login(demo('auditor'));
    const res = await t.call('GET', '/api/audit?action=LOGIN&pageSize=100', { as: auditor });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(new Set(res.body.items.map((e: { organizationId: string }) => e.organizationId))).toEqual(
      new Set([auditor.user.organization.id]),
    );
    // The SRO's login belongs to the police organization: not visible to the provider's auditor.
    expect(res.body.items.some((e: { actorRole: string }) => e.actorRole === 'SRO')).toBe(false);
  });

  it('refuses the audit trail to every other role', async () => {
    for (const who of ['sro', 'sergeant', 'counselor', 'supervisor', 'admin']) {
      const s = await t.login(demo(who));
      expect((await t.call('GET', '/api/audit', { as: s })).status).toBe(403);
      expect((await t.call('GET', '/api/audit/verify', { as: s })).status).toBe(403);
    }
  });

  it('detects a row edited by a database superuser', async () => {
    const dbName = (await t.db.query('SELECT current_database() AS d'))[0].d as string;
    // The test database connection is the PostgreSQL superuser: it can switch the trigger off and edit a row.
    await t.db.transaction(async (m) => {
      await m.query('ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only');
      await m.query(
        `UPDATE audit_events SET outcome = 'ERROR' WHERE seq = (SELECT seq FROM audit_events ORDER BY seq OFFSET 1 LIMIT 1)`,
      );
      await m.query('ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only');
    });
    const auditor = await t.login(demo('auditor'));
    const res = await t.call('GET', '/api/audit/verify', { as: auditor });
    expect(dbName).toMatch(/^pathways_test_/);
    expect(res.body.ok).toBe(false);
    expect(res.body.problem).toMatch(/content/);
  });
});

describe('audit chain with a deleted row', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('detects a missing row', async () => {
    for (const who of ['sro', 'sro2', 'counselor']) await t.login(demo(who));
    const seqs = (await t.auditRows('true')).map((r) => Number(r.seq));
    await t.db.transaction(async (m) => {
      await m.query('ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only');
      await m.query(`DELETE FROM audit_events WHERE seq = $1`, [seqs[1]]);
      await m.query('ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only');
    });
    const auditor = await t.login(demo('auditor'));
    const res = await t.call('GET', '/api/audit/verify', { as: auditor });
    expect(res.body.ok).toBe(false);
    expect(res.body.firstBrokenSeq).toBe(seqs[2]);
    expect(res.body.problem).toMatch(/missing/);
  });
});
