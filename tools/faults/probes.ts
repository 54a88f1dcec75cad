import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../apps/api/src/database/seed/seed-demo';
import { type ApiClient, type Group, type Response, sleep } from '../load/http';

/** Calls `path` every `everyMs` until stopped (each call recorded by the client's recorder). */
export function every(
  api: ApiClient,
  group: Group,
  path: string,
  everyMs: number,
  token?: string,
  timeoutMs = 10_000,
): { stop: () => Promise<void>; seen: Response[] } {
  let on = true;
  const seen: Response[] = [];
  const loop = (async () => {
    while (on) {
      const started = performance.now();
      const res = await api.call(group, 'GET', path, { token, timeoutMs });
      seen.push(res);
      // Refused at once (the server is gone): no busy loop.
      await sleep(Math.max(res.status === 0 ? 50 : 0, everyMs - (performance.now() - started)));
    }
  })();
  return {
    seen,
    stop: async () => {
      on = false;
      await loop;
    },
  };
}

export async function signIn(api: ApiClient, name: string): Promise<string> {
  const res = await api.call<{ token?: string }>('sign-in', 'POST', '/api/auth/login', {
    body: { email: `${name}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
  });
  if (res.status !== 200 || !res.body.token) throw new Error(`sign-in ${name}: ${res.status}`);
  return res.body.token;
}

/** One create or transition sent with an Idempotency-Key, kept so it can be retried with the same key. */
export interface Attempt {
  kind: 'referral' | 'enroll';
  path: string;
  token: string;
  key: string;
  body: Record<string, unknown>;
  status: number;
  /** The id the API answered (referral id, or case id for an enrollment). */
  id: string | null;
  /** For an enrollment: the referral it enrolls. */
  referralId?: string;
  /** The Retry-After header of the last answer, if any. */
  retryAfter?: string | null;
}

export async function send(api: ApiClient, a: Attempt, timeoutMs = 10_000): Promise<Attempt> {
  const res = await api.call<{ id?: string; caseId?: string }>(
    a.kind === 'referral' ? 'create' : 'transition',
    'POST',
    a.path,
    { token: a.token, body: a.body, headers: { 'idempotency-key': a.key }, timeoutMs },
  );
  a.status = res.status;
  a.retryAfter = res.headers.get('retry-after');
  a.id = res.status === 201 ? (res.body.id ?? res.body.caseId ?? null) : null;
  return a;
}

/** A complete referral body (unique narrative, so its rows can be found). */
export function referralAttempt(token: string, schoolId: string, reasonCode: string): Attempt {
  const key = randomUUID();
  return {
    kind: 'referral',
    path: '/api/referrals',
    token,
    key,
    status: 0,
    id: null,
    body: {
      youth: {
        firstName: 'Probe',
        lastName: `Outage-${key.slice(0, 8)}`,
        dateOfBirth: '2012-05-14',
        primaryLanguage: 'en',
      },
      guardians: [
        { name: 'Pat Outage', relationship: 'MOTHER', phone: '(619) 555-0199', preferredLanguage: 'en' },
      ],
      schoolId,
      incidentAt: new Date(Date.now() - 3_600_000).toISOString(),
      incidentLocation: 'ON_CAMPUS',
      pathway: 'LE_DIVERSION_626B',
      reasonCodes: [reasonCode],
      narrative: `Fault probe ${key}`,
      submit: true,
    },
  };
}

export function enrollAttempt(token: string, referral: { id: string; version: number }): Attempt {
  return {
    kind: 'enroll',
    path: `/api/referrals/${referral.id}/enroll`,
    token,
    key: randomUUID(),
    status: 0,
    id: null,
    referralId: referral.id,
    body: {
      version: referral.version,
      consents: [
        {
          type: 'PROGRAM_PARTICIPATION',
          youthAssent: true,
          guardianName: 'Pat Outage',
          signatureMethod: 'E_SIGNATURE',
          language: 'en',
          signedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      ],
    },
  };
}

/**
 * Referrals ready to enroll (CONSENT_PENDING), made through the API as the people who do it: the officer files,
 * the supervisor acknowledges and assigns to the counselor, the counselor records a completed contact.
 */
export async function consentPending(
  api: ApiClient,
  tokens: { sro: string; supervisor: string; counselor: string },
  catalog: { schoolId: string; reasonCode: string },
  count: number,
): Promise<{ id: string; version: number }[]> {
  const me = await api.call<{ id: string }>('page', 'GET', '/api/auth/me', { token: tokens.counselor });
  const ok = <T>(res: Response<T>, what: string): T => {
    if (res.status < 200 || res.status > 299)
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const ready: { id: string; version: number }[] = [];
  for (let i = 0; i < count; i++) {
    const created = await send(api, referralAttempt(tokens.sro, catalog.schoolId, catalog.reasonCode));
    if (!created.id) throw new Error(`create referral: ${created.status}`);
    const id = created.id;
    const post = <T = { version: number }>(token: string, action: string, body: unknown) =>
      api.call<T>('transition', 'POST', `/api/referrals/${id}/${action}`, { token, body });
    const detail = ok(
      await api.call<{ version: number; receivedAt: string }>('page', 'GET', `/api/referrals/${id}`, {
        token: tokens.supervisor,
      }),
      'detail',
    );
    const ack = ok(await post(tokens.supervisor, 'acknowledge', { version: detail.version }), 'acknowledge');
    ok(await post(tokens.supervisor, 'assign', { version: ack.version, counselorId: me.body.id }), 'assign');
    ok(
      await api.call('create', 'POST', `/api/referrals/${id}/contacts`, {
        token: tokens.counselor,
        body: {
          occurredAt: new Date(Math.max(Date.parse(detail.receivedAt), Date.now() - 1000)).toISOString(),
          contactType: 'OUTREACH_ATTEMPT',
          modality: 'PHONE',
          result: 'COMPLETED',
        },
      }),
      'contact',
    );
    const pending = ok(
      await api.call<{ version: number; status: string }>('page', 'GET', `/api/referrals/${id}`, {
        token: tokens.counselor,
      }),
      'detail',
    );
    if (pending.status !== 'CONSENT_PENDING') throw new Error(`referral ${id} is ${pending.status}`);
    ready.push({ id, version: pending.version });
  }
  return ready;
}
