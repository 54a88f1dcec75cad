import { randomUUID } from 'node:crypto';
import { catalog, referralBody } from './support/referral-fixtures';
import { demo, TestApp } from './support/test-app';

/** What pino would have written to stdout during the test, one JSON line per entry. */
const captured: string[] = [];
const destination = { write: (line: string) => void captured.push(line) };

describe('logs hold no personal data (ACCESS.md)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ LOG_LEVEL: 'info' }, { logDestination: destination });
  });
  afterAll(() => t.close());

  it('logs requests by method, path and status, without names, birth dates, narratives, passwords or tokens', async () => {
    const secrets = {
      firstName: 'Xochiquetzal',
      lastName: 'Zyxwvuts-Olvera',
      dateOfBirth: '2011-04-13',
      narrative: 'NARRATIVE-MARKER-7731 argued in the gym',
      password: 'Wrong-password-Marker-99',
    };
    await t.call('POST', '/api/auth/login', { body: { email: demo('sro'), password: secrets.password } });
    const sro = await t.login(demo('sro'));
    const c = await catalog(t);
    const body = referralBody(c, {
      youth: {
        firstName: secrets.firstName,
        lastName: secrets.lastName,
        dateOfBirth: secrets.dateOfBirth,
        primaryLanguage: 'es',
      },
      narrative: secrets.narrative,
    });
    const created = await t.call('POST', '/api/referrals', {
      as: sro,
      body,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(created.status).toBe(201);
    await t.call(
      'GET',
      `/api/youth/matches?firstName=${secrets.firstName}&lastName=${secrets.lastName}&dateOfBirth=${secrets.dateOfBirth}`,
      { as: sro },
    );
    await t.call('GET', `/api/referrals?q=${secrets.lastName}`, { as: sro });
    await t.call('GET', `/api/referrals/${created.body.id}`, { as: sro });
    // A rejected body must not echo its values into the log either.
    await t.call('POST', '/api/referrals', {
      as: sro,
      body: { ...body, narrative: '', schoolId: secrets.narrative },
    });

    const log = captured.join('\n');
    expect(captured.length).toBeGreaterThanOrEqual(6);
    expect(log).toContain('"path":"/api/referrals"');
    for (const value of [...Object.values(secrets), sro.token, sro.csrfToken, 'Xochi', 'Zyxwvuts'])
      expect(log).not.toContain(value);
  });
});
