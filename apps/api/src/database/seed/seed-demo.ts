import type { Role } from '@pathways/contracts';
import type { DataSource } from 'typeorm';
import { seedDemoCases } from './seed-demo-cases';
import { seedDemoReferrals } from './seed-demo-referrals';

/** Demo organizations and accounts of API.md. Never in production (prepareDatabase refuses). */
export const DEMO_PASSWORD = 'Pathways-demo-2026!';
export const DEMO_DOMAIN = 'demo.pathways.local';

export const DEMO_ORGANIZATIONS = {
  police: { name: 'Chula Vista Police Department', kind: 'LAW_ENFORCEMENT' },
  provider: { name: 'South Bay Community Services', kind: 'SERVICE_PROVIDER' },
} as const;

export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  role: Role;
  org: keyof typeof DEMO_ORGANIZATIONS;
}[] = [
  { email: `sro@${DEMO_DOMAIN}`, displayName: 'Officer Daniel Reyes', role: 'SRO', org: 'police' },
  { email: `sro2@${DEMO_DOMAIN}`, displayName: 'Officer Maria Lopez', role: 'SRO', org: 'police' },
  {
    email: `sergeant@${DEMO_DOMAIN}`,
    displayName: 'Sergeant Alan Brooks',
    role: 'PD_SUPERVISOR',
    org: 'police',
  },
  { email: `counselor@${DEMO_DOMAIN}`, displayName: 'Ana Torres', role: 'COUNSELOR', org: 'provider' },
  { email: `counselor2@${DEMO_DOMAIN}`, displayName: 'James Nguyen', role: 'COUNSELOR', org: 'provider' },
  {
    email: `supervisor@${DEMO_DOMAIN}`,
    displayName: 'Rosa Martinez',
    role: 'PROVIDER_SUPERVISOR',
    org: 'provider',
  },
  { email: `admin@${DEMO_DOMAIN}`, displayName: 'Sam Patel', role: 'ADMIN', org: 'provider' },
  { email: `auditor@${DEMO_DOMAIN}`, displayName: 'Lee Kim', role: 'AUDITOR', org: 'provider' },
];

export async function seedDemo(
  ds: DataSource,
  hashPassword: (p: string) => Promise<string>,
  now = new Date(),
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (m) => {
    const orgIds: Record<string, string> = {};
    for (const [key, org] of Object.entries(DEMO_ORGANIZATIONS)) {
      const rows: { id: string }[] = await m.query(
        `INSERT INTO organizations (name, kind) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [org.name, org.kind],
      );
      orgIds[key] = rows[0]?.id ?? '';
    }
    for (const a of DEMO_ACCOUNTS) {
      await m.query(
        `INSERT INTO users (organization_id, email, display_name, role, password_hash)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING`,
        [orgIds[a.org], a.email, a.displayName, a.role, passwordHash],
      );
    }
  });
  await seedDemoReferrals(ds, now);
  await seedDemoCases(ds, now);
}
