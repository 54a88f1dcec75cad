import { Client } from 'pg';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../apps/api/src/database/seed/seed-demo';
import { ApiClient, Recorder } from './http';
import type { Ledger } from './journeys';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * Every record the run created is stored, and no change the API confirmed was lost: each referral and case is at
 * least at the version the API last answered. With the database's URL this is read in SQL (and contacts counted);
 * without it, through the API as the provider supervisor (who sees every referral and case of the provider).
 */
export async function verifyLedger(ledger: Ledger, dbUrl: string | null, base: string): Promise<Check[]> {
  return dbUrl ? verifyInSql(ledger, dbUrl) : verifyThroughApi(ledger, base);
}

async function verifyInSql(ledger: Ledger, dbUrl: string): Promise<Check[]> {
  const client = new Client({ connectionString: dbUrl, application_name: 'pathways-load-verify' });
  await client.connect();
  try {
    const present = async (table: 'referrals' | 'cases' | 'contacts', ids: Set<string>): Promise<Check> => {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`,
        [[...ids]],
      );
      const n = rows[0]?.n ?? 0;
      return { name: `every ${table} row created is stored`, ok: n === ids.size, detail: `${n}/${ids.size}` };
    };
    const notBehind = async (table: 'referrals' | 'cases', wanted: Map<string, number>): Promise<Check> => {
      const { rows } = await client.query<{ id: string; version: number }>(
        `SELECT id, version FROM ${table} WHERE id = ANY($1::uuid[])`,
        [[...wanted.keys()]],
      );
      const stored = new Map(rows.map((r) => [r.id, r.version]));
      const lost = [...wanted].filter(([id, v]) => (stored.get(id) ?? 0) < v).map(([id]) => id);
      return {
        name: `no ${table} behind the version the API answered (no lost update)`,
        ok: lost.length === 0,
        detail: `${wanted.size - lost.length}/${wanted.size}${lost.length ? `; e.g. ${lost.slice(0, 3).join(', ')}` : ''}`,
      };
    };
    return [
      await present('referrals', ledger.created.referrals),
      await present('cases', ledger.created.cases),
      await present('contacts', ledger.created.contacts),
      await notBehind('referrals', ledger.versions.referrals),
      await notBehind('cases', ledger.versions.cases),
    ];
  } finally {
    await client.end();
  }
}

async function verifyThroughApi(ledger: Ledger, base: string): Promise<Check[]> {
  const api = new ApiClient(base, new Recorder());
  const login = await api.call<{ token: string }>('sign-in', 'POST', '/api/auth/login', {
    body: { email: `supervisor@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
  });
  if (login.status !== 200)
    return [{ name: 'records present (through the API)', ok: false, detail: `sign-in ${login.status}` }];
  const check = async (kind: 'referrals' | 'cases', wanted: Map<string, number>): Promise<Check> => {
    let present = 0;
    const problems: string[] = [];
    for (const [id, version] of wanted) {
      const res = await api.call<{ version: number }>('page', 'GET', `/api/${kind}/${id}`, {
        token: login.body.token,
      });
      if (res.status === 200 && res.body.version >= version) present += 1;
      else problems.push(`${id}: ${res.status}`);
    }
    return {
      name: `${kind} present (through the API), none behind`,
      ok: problems.length === 0,
      detail: `${present}/${wanted.size}${problems.length ? `; ${problems.slice(0, 3).join(', ')}` : ''}`,
    };
  };
  const versions = (kind: 'referrals' | 'cases') => {
    const wanted = new Map(ledger.versions[kind]);
    for (const id of ledger.created[kind]) wanted.set(id, wanted.get(id) ?? 1);
    return wanted;
  };
  return [await check('referrals', versions('referrals')), await check('cases', versions('cases'))];
}

/** GET /api/audit/verify as the demo auditor: the hash chain recomputed over every audit row. */
export async function verifyAuditChain(base: string): Promise<Check> {
  const api = new ApiClient(base, new Recorder(), 120_000);
  const login = await api.call<{ token: string }>('sign-in', 'POST', '/api/auth/login', {
    body: { email: `auditor@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
  });
  if (login.status !== 200)
    return { name: 'audit chain verifies', ok: false, detail: `sign-in ${login.status}` };
  const res = await api.call<{ ok: boolean; checked: number; problem: string | null }>(
    'page',
    'GET',
    '/api/audit/verify',
    { token: login.body.token },
  );
  return {
    name: 'audit chain verifies (GET /api/audit/verify)',
    ok: res.status === 200 && res.body.ok,
    detail:
      res.status === 200
        ? `${res.body.checked.toLocaleString('en-US')} rows checked${res.body.problem ? `; ${res.body.problem}` : ''}`
        : `status ${res.status}`,
  };
}
