import { Client } from 'pg';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../apps/api/src/database/seed/seed-demo';

export type LoadRole = 'SRO' | 'PROVIDER_SUPERVISOR' | 'COUNSELOR';

export interface Account {
  email: string;
  password: string;
  role: LoadRole;
}

/** How many of the virtual users act in each role: 40 % officers, 20 % supervisors, the rest counselors. */
export function roleMix(users: number): Record<LoadRole, number> {
  const sro = Math.max(1, Math.round(users * 0.4));
  const supervisor = Math.max(1, Math.round(users * 0.2));
  return { SRO: sro, PROVIDER_SUPERVISOR: supervisor, COUNSELOR: Math.max(1, users - sro - supervisor) };
}

const LOAD_DOMAIN = 'load.pathways.local';
const TEMPLATE: Record<LoadRole, string> = {
  SRO: `sro@${DEMO_DOMAIN}`,
  PROVIDER_SUPERVISOR: `supervisor@${DEMO_DOMAIN}`,
  COUNSELOR: `counselor@${DEMO_DOMAIN}`,
};
const SLUG: Record<LoadRole, string> = {
  SRO: 'sro',
  PROVIDER_SUPERVISOR: 'supervisor',
  COUNSELOR: 'counselor',
};
/** What supervisors look for when they assign (GET /api/users gives display names, not e-mails). */
export const LOAD_COUNSELOR_NAME = 'Load Counselor';
const NAME: Record<LoadRole, string> = {
  SRO: 'Load Officer',
  PROVIDER_SUPERVISOR: 'Load Supervisor',
  COUNSELOR: LOAD_COUNSELOR_NAME,
};

/**
 * One account per virtual user (`load-sro-001@load.pathways.local`, ...), in the demo organizations, with the demo
 * password: inserted once (they stay, as accounts are never deleted), copying the demo account's organization and
 * password hash, so creating them costs no argon2 hashing. Each signs in once and keeps its session.
 */
export async function ensureLoadAccounts(dbUrl: string, users: number): Promise<Account[]> {
  const mix = roleMix(users);
  const client = new Client({ connectionString: dbUrl, application_name: 'pathways-load' });
  await client.connect();
  try {
    for (const role of Object.keys(mix) as LoadRole[]) {
      await client.query(
        `INSERT INTO users (organization_id, email, display_name, role, password_hash)
         SELECT t.organization_id, format('load-%s-%s@${LOAD_DOMAIN}', $1::text, lpad(n::text, 3, '0')),
                format('%s %s', $2::text, n), $3, t.password_hash
           FROM users t, generate_series(1, $4::int) n
          WHERE t.email = $5
         ON CONFLICT (email) DO NOTHING`,
        [SLUG[role], NAME[role], role, mix[role], TEMPLATE[role]],
      );
      const [{ n }] = (
        await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM users WHERE email LIKE $1 AND role = $2 AND active`,
          [`load-${SLUG[role]}-%@${LOAD_DOMAIN}`, role],
        )
      ).rows as [{ n: number }];
      if (n < mix[role])
        throw new Error(`only ${n} active ${role} load accounts (is ${TEMPLATE[role]} seeded?)`);
    }
  } finally {
    await client.end();
  }
  return (Object.keys(mix) as LoadRole[]).flatMap((role) =>
    Array.from({ length: mix[role] }, (_, i) => ({
      email: `load-${SLUG[role]}-${String(i + 1).padStart(3, '0')}@${LOAD_DOMAIN}`,
      password: DEMO_PASSWORD,
      role,
    })),
  );
}

/**
 * Without database access (`--url` alone): the virtual users share the demo accounts of their role, each account
 * signing in once (8 sign-ins in all, far below the rate limits).
 */
export function demoAccounts(users: number): Account[] {
  const mix = roleMix(users);
  const pool: Record<LoadRole, string[]> = {
    SRO: ['sro', 'sro2'],
    PROVIDER_SUPERVISOR: ['supervisor'],
    COUNSELOR: ['counselor', 'counselor2'],
  };
  return (Object.keys(mix) as LoadRole[]).flatMap((role) =>
    Array.from({ length: mix[role] }, (_, i) => ({
      email: `${pool[role][i % pool[role].length]}@${DEMO_DOMAIN}`,
      password: DEMO_PASSWORD,
      role,
    })),
  );
}
