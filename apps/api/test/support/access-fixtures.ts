import type { Role } from '@pathways/contracts';
import { randomUUID } from 'node:crypto';
import { demo, type Session, type TestApp } from './test-app';

/**
 * Organizations and accounts beyond the demo seed, for access tests: a second police agency, and users that sign
 * in with the demo password (so a test can change or end an account without touching a demo one).
 */

/** A user of `orgId` with `role` and the demo password; returns the id and the e-mail to sign in with. */
export async function addUser(
  t: TestApp,
  orgId: string,
  role: Role,
  label = 'Access Test User',
): Promise<{ id: string; email: string }> {
  const email = `${role.toLowerCase().replace(/_/g, '-')}-${randomUUID().slice(0, 8)}@test.pathways.local`;
  const [{ id }] = await t.db.query(
    `INSERT INTO users (organization_id, email, display_name, role, password_hash)
     SELECT $1, $2, $3, $4, password_hash FROM users WHERE email = $5 RETURNING id`,
    [orgId, email, label, role, demo('sro')],
  );
  return { id, email };
}

/** A signed-in copy of an account: same organization and role, its own user row and password. */
export async function signedInCopy(t: TestApp, of: Session): Promise<Session> {
  const { email } = await addUser(t, of.user.organization.id, of.user.role, 'Copy of a demo account');
  return t.login(email);
}

/** A second police agency with an SRO of its own (whose referrals and events the demo agency must not see). */
export async function otherAgency(t: TestApp): Promise<{ orgId: string; sroEmail: string }> {
  const [{ id: orgId }] = await t.db.query(
    `INSERT INTO organizations (name, kind) VALUES ($1, 'LAW_ENFORCEMENT') RETURNING id`,
    [`Other Police Agency ${randomUUID().slice(0, 8)}`],
  );
  const { email } = await addUser(t, orgId, 'SRO', 'Officer of Another Agency');
  return { orgId, sroEmail: email };
}
