import { Client } from 'pg';

export interface Violation {
  kind: string;
  id: string;
  missing: string[];
}

/**
 * "No partial writes", read from the rows themselves: every referral submitted, case opened, contact recorded and
 * enrollment made since `since` carries every row its transaction writes. A write cut in the middle (the database
 * stopping, the process ending) would leave a referral without its event or audit row, a case without its consent,
 * or a referral ENROLLED without its case.
 */
export async function partialWrites(dbUrl: string, since: Date): Promise<Violation[]> {
  const client = new Client({ connectionString: dbUrl, application_name: 'pathways-faults' });
  await client.connect();
  try {
    const audited = (type: string, id: string) =>
      `EXISTS (SELECT 1 FROM audit_events a WHERE a.action = 'CREATE' AND a.entity_type = '${type}' AND a.entity_id = ${id})`;
    const checks: { kind: string; sql: string }[] = [
      {
        kind: 'referral',
        sql: `SELECT r.id, array_remove(ARRAY[
                CASE WHEN y.id IS NULL THEN 'youth' END,
                CASE WHEN NOT EXISTS (SELECT 1 FROM guardians g WHERE g.youth_id = r.youth_id) THEN 'guardians' END,
                CASE WHEN NOT EXISTS (SELECT 1 FROM referral_events e WHERE e.referral_id = r.id) THEN 'referral_events' END,
                CASE WHEN NOT ${audited('referral', 'r.id')} THEN 'audit_events' END
              ], NULL) AS missing
              FROM referrals r LEFT JOIN youth y ON y.id = r.youth_id
              WHERE r.created_at >= $1 AND r.status <> 'DRAFT'`,
      },
      {
        kind: 'case',
        sql: `SELECT c.id, array_remove(ARRAY[
                CASE WHEN NOT EXISTS (SELECT 1 FROM consents x WHERE x.case_id = c.id) THEN 'consents' END,
                CASE WHEN NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'open')
                  THEN 'case_events' END,
                CASE WHEN NOT ${audited('case', 'c.id')} THEN 'audit_events' END,
                CASE WHEN NOT EXISTS (SELECT 1 FROM notices n WHERE n.case_id = c.id AND n.type = 'ENROLLED')
                  THEN 'notices' END,
                CASE WHEN r.status <> 'ENROLLED' THEN 'referral ENROLLED' END
              ], NULL) AS missing
              FROM cases c JOIN referrals r ON r.id = c.referral_id
              WHERE c.created_at >= $1`,
      },
      {
        kind: 'enrollment',
        sql: `SELECT e.referral_id AS id, ARRAY['cases'] AS missing
              FROM referral_events e
              WHERE e.action = 'enroll' AND e.at >= $1
                AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.referral_id = e.referral_id)`,
      },
      {
        kind: 'contact',
        sql: `SELECT x.id, ARRAY['audit_events'] AS missing FROM contacts x
              WHERE x.created_at >= $1 AND NOT ${audited('contact', 'x.id')}`,
      },
    ];
    const violations: Violation[] = [];
    for (const c of checks) {
      const { rows } = await client.query<{ id: string; missing: string[] }>(c.sql, [since]);
      for (const r of rows)
        if (r.missing.length) violations.push({ kind: c.kind, id: r.id, missing: r.missing });
    }
    return violations;
  } finally {
    await client.end();
  }
}

/** How many rows `since` of the kinds partialWrites checks (to say what was checked). */
export async function writtenSince(dbUrl: string, since: Date): Promise<Record<string, number>> {
  const client = new Client({ connectionString: dbUrl, application_name: 'pathways-faults' });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM referrals WHERE created_at >= $1 AND status <> 'DRAFT') AS referrals,
              (SELECT count(*)::int FROM cases WHERE created_at >= $1) AS cases,
              (SELECT count(*)::int FROM contacts WHERE created_at >= $1) AS contacts`,
      [since],
    );
    return rows[0] ?? {};
  } finally {
    await client.end();
  }
}
