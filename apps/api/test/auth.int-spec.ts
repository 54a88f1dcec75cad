import { authenticator } from 'otplib';
import { demo, TestApp } from './support/test-app';

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('signs in a demo account and returns token, CSRF token, expiry and the user', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { email: demo('sro'), password: 'Pathways-demo-2026!' },
    });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[\w-]{43}$/);
    expect(res.body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(res.body.user).toMatchObject({
      email: demo('sro'),
      role: 'SRO',
      organization: { kind: 'LAW_ENFORCEMENT' },
    });
    expect(new Date(res.body.expiresAt).getTime() - t.clock.now().getTime()).toBe(12 * 3_600_000);
  });

  it('sets the sid cookie HttpOnly and SameSite=Strict, without Secure on plain HTTP by default', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { email: demo('sro2'), password: 'Pathways-demo-2026!' },
    });
    const sid = res.cookies.find((c) => c.name === 'sid');
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(sid?.secure).toBeFalsy();
    expect(sid?.value).toBe(res.body.token);
  });

  it('gives the same 401 message for an unknown e-mail and a wrong password', async () => {
    const unknown = await t.call('POST', '/api/auth/login', {
      body: { email: 'nobody@example.org', password: 'whatever-password' },
    });
    const wrong = await t.call('POST', '/api/auth/login', {
      body: { email: demo('sergeant'), password: 'wrong-password-1' },
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(unknown.body.code).toBe(wrong.body.code);
  });

  it('treats the e-mail case-insensitively', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { email: 'SRO@Demo.Pathways.Local', password: 'Pathways-demo-2026!' },
    });
    expect(res.status).toBe(200);
  });

  it('answers 400 listing every bad field, and 400 (not 500) for malformed JSON', async () => {
    const missing = await t.call('POST', '/api/auth/login', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password']);
    const malformed = await t.call('POST', '/api/auth/login', { rawBody: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.js|stack/i);
  });

  it('rejects unknown fields in a body', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { email: demo('sro'), password: 'Pathways-demo-2026!', role: 'ADMIN' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details[0].message).toMatch(/role/);
  });

  it('answers 401 without a session and 403 when the role lacks the permission', async () => {
    expect((await t.call('GET', '/api/auth/me')).status).toBe(401);
    const sro = await t.login(demo('sro'));
    expect((await t.call('GET', '/api/admin/users', { as: sro })).status).toBe(403);
    expect((await t.call('GET', '/api/audit', { as: sro })).status).toBe(403);
    expect((await t.call('GET', '/api/auth/me', { as: sro })).body.role).toBe('SRO');
  });

  describe('timeouts (server-side, on the controllable clock)', () => {
    it('ends a session idle for 30 minutes', async () => {
      const s = await t.login(demo('counselor'));
      t.clock.advanceMinutes(29);
      expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);
      t.clock.advanceMinutes(30);
      const res = await t.call('GET', '/api/auth/me', { as: s });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_SESSION_EXPIRED');
    });

    it('keeps an active session alive but ends it after 12 hours regardless', async () => {
      const s = await t.login(demo('counselor2'));
      for (let i = 0; i < 23; i++) {
        t.clock.advanceMinutes(29);
        expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);
      }
      t.clock.advanceMinutes(29); // 24 x 29 min = 11 h 36 min: still inside
      expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);
      t.clock.advanceMinutes(25); // 12 h 01 min
      expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(401);
    });
  });

  it('revokes the token at logout', async () => {
    const s = await t.login(demo('supervisor'));
    expect((await t.call('POST', '/api/auth/logout', { as: s })).status).toBe(204);
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(401);
    const rows = await t.auditRows(`action = 'LOGOUT' AND actor_id = $1`, [s.user.id]);
    expect(rows).toHaveLength(1);
  });

  describe('CSRF with cookie sessions', () => {
    it('refuses an unsafe cookie request without the X-CSRF-Token header', async () => {
      const s = await t.login(demo('sro'));
      const res = await t.call('PATCH', '/api/auth/me', { cookie: s, csrf: false, body: { locale: 'es' } });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTH_CSRF');
    });

    it('refuses a wrong X-CSRF-Token', async () => {
      const s = await t.login(demo('sro'));
      const res = await t.call('PATCH', '/api/auth/me', {
        cookie: s,
        csrf: 'forged-token',
        body: { locale: 'es' },
      });
      expect(res.status).toBe(403);
    });

    it('accepts the right header, lets safe methods through without it, and needs none for Bearer', async () => {
      const s = await t.login(demo('sro'));
      expect((await t.call('GET', '/api/auth/me', { cookie: s, csrf: false })).status).toBe(200);
      const withHeader = await t.call('PATCH', '/api/auth/me', { cookie: s, body: { locale: 'es' } });
      expect(withHeader.status).toBe(200);
      expect(withHeader.body.locale).toBe('es');
      expect((await t.call('PATCH', '/api/auth/me', { as: s, body: { locale: 'en' } })).body.locale).toBe(
        'en',
      );
    });

    it('hands the same CSRF token to a new tab through GET /api/auth/me, and it works', async () => {
      const s = await t.login(demo('sro'));
      const me = await t.call('GET', '/api/auth/me', { cookie: s, csrf: false });
      expect(me.body.csrfToken).toBe(s.csrfToken);
      const res = await t.call('PATCH', '/api/auth/me', {
        cookie: s,
        csrf: me.body.csrfToken,
        body: { locale: 'en' },
      });
      expect(res.status).toBe(200);
    });
  });

  describe('lockout', () => {
    it('locks after 5 failures within 15 minutes (423 even with the right password) and audits it', async () => {
      const email = demo('auditor');
      for (let i = 0; i < 4; i++) {
        const res = await t.call('POST', '/api/auth/login', {
          body: { email, password: `wrong-password-${i}` },
        });
        expect(res.status).toBe(401);
      }
      const fifth = await t.call('POST', '/api/auth/login', {
        body: { email, password: 'wrong-password-5' },
      });
      expect(fifth.status).toBe(423);
      const right = await t.call('POST', '/api/auth/login', {
        body: { email, password: 'Pathways-demo-2026!' },
      });
      expect(right.status).toBe(423);
      expect(right.body.code).toBe('AUTH_LOCKED');
      const lockouts = await t.auditRows(`action = 'LOCKOUT'`);
      expect(lockouts).toHaveLength(1);
      expect(
        (await t.auditRows(`action = 'LOGIN_FAILED' AND actor_id = $1`, [lockouts[0].actor_id])).length,
      ).toBe(6);
    });

    it('unlocks by itself after 30 minutes', async () => {
      t.clock.advanceMinutes(31);
      expect(
        (
          await t.call('POST', '/api/auth/login', {
            body: { email: demo('auditor'), password: 'Pathways-demo-2026!' },
          })
        ).status,
      ).toBe(200);
    });

    it('does not lock when the failures are spread beyond the 15-minute window', async () => {
      const email = demo('sro2');
      for (let i = 0; i < 6; i++) {
        expect(
          (await t.call('POST', '/api/auth/login', { body: { email, password: `wrong-password-${i}` } }))
            .status,
        ).toBe(401);
        t.clock.advanceMinutes(4);
      }
      // 6 failures over 24 minutes: never 5 inside one window.
      expect(
        (await t.call('POST', '/api/auth/login', { body: { email, password: 'Pathways-demo-2026!' } }))
          .status,
      ).toBe(200);
    });
  });

  describe('password change', () => {
    it('refuses a short or common password and names the field', async () => {
      const s = await t.login(demo('counselor'));
      const common = await t.call('POST', '/api/auth/password', {
        as: s,
        body: { currentPassword: 'Pathways-demo-2026!', newPassword: 'password1234' },
      });
      expect(common.status).toBe(400);
      expect(common.body.details).toEqual([expect.objectContaining({ path: 'newPassword' })]);
      const short = await t.call('POST', '/api/auth/password', {
        as: s,
        body: { currentPassword: 'Pathways-demo-2026!', newPassword: 'short' },
      });
      expect(short.status).toBe(400);
    });

    it('changes the password and signs out the other sessions', async () => {
      const current = await t.login(demo('counselor2'));
      const other = await t.login(demo('counselor2'));
      const res = await t.call('POST', '/api/auth/password', {
        as: current,
        body: { currentPassword: 'Pathways-demo-2026!', newPassword: 'a long river of 2026 stones' },
      });
      expect(res.status).toBe(204);
      expect((await t.call('GET', '/api/auth/me', { as: current })).status).toBe(200);
      expect((await t.call('GET', '/api/auth/me', { as: other })).status).toBe(401);
      await t.login(demo('counselor2'), 'a long river of 2026 stones');
    });
  });

  it('enrolls TOTP and then requires the code at sign-in', async () => {
    const s = await t.login(demo('sergeant'));
    const start = await t.call('POST', '/api/auth/mfa/enroll', { as: s, body: {} });
    expect(start.status).toBe(200);
    const secret: string = start.body.secret;
    const confirm = await t.call('POST', '/api/auth/mfa/enroll', {
      as: s,
      body: { code: authenticator.generate(secret) },
    });
    expect(confirm.body).toEqual({ enabled: true });

    const first = await t.call('POST', '/api/auth/login', {
      body: { email: demo('sergeant'), password: 'Pathways-demo-2026!' },
    });
    expect(first.body).toEqual({ mfaRequired: true, challenge: expect.any(String) });
    const bad = await t.call('POST', '/api/auth/mfa', {
      body: { challenge: first.body.challenge, code: '000000' },
    });
    expect(bad.status).toBe(401);
    // A challenge is single-use: sign in again for a fresh one.
    const second = await t.call('POST', '/api/auth/login', {
      body: { email: demo('sergeant'), password: 'Pathways-demo-2026!' },
    });
    const ok = await t.call('POST', '/api/auth/mfa', {
      body: { challenge: second.body.challenge, code: authenticator.generate(secret) },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.mfaEnabled).toBe(true);
  });

  it('sends security headers: CSP, HSTS, nosniff, frame-ancestors', async () => {
    const res = await t.call('GET', '/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('reports health with the database up', async () => {
    const res = await t.call('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.call('GET', '/api/docs.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/admin/users/{id}']),
    );
  });
});

describe('sign-in rate limits and secure cookies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_RATE_LIMIT_PER_IP: '3', COOKIE_SECURE: 'true' });
  });
  afterAll(() => t.close());

  it('marks the cookie Secure when configured for HTTPS', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { email: demo('sro'), password: 'Pathways-demo-2026!' },
    });
    expect(res.cookies.find((c) => c.name === 'sid')?.secure).toBe(true);
  });

  it('answers 429 past the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (
          await t.call('POST', '/api/auth/login', {
            body: { email: `x${i}@example.org`, password: 'irrelevant-pass' },
          })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 429]);
  });
});
