import type { Client } from 'pg';

/**
 * A digest of the generated data that two runs with the same seed and `now` must share. Catalog rows and the demo
 * accounts get random ids in each database, so rows that point to them are read through their stable keys
 * (school name, e-mail); every generated row's own id is derived from the seed and compared as is.
 */
export const CHECKSUM_QUERIES: Record<string, string> = {
  youth: `SELECT md5(string_agg(concat_ws('|', y.id, y.first_name, y.last_name, y.name_norm, y.date_of_birth,
            y.gender_identity, y.race_ethnicity, y.primary_language, s.name, y.grade, y.created_at), ',' ORDER BY y.id))
            FROM youth y LEFT JOIN schools s ON s.id = y.school_id`,
  referrals: `SELECT md5(string_agg(concat_ws('|', r.id, r.reference_number, r.youth_id, u.email, s.name, r.status,
            r.pathway, r.reason_codes, r.priority, r.received_at, r.incident_at, c.email, r.assigned_at,
            (r.eligibility - 'overriddenBy')::text, o.email, r.narrative, r.sealed_at, r.completed_at,
            r.returned_to_referrer_at, r.updated_at, r.version, (r.draft - 'schoolId')::text, ds.name), ',' ORDER BY r.id))
            FROM referrals r JOIN users u ON u.id = r.referring_user_id LEFT JOIN schools s ON s.id = r.school_id
            LEFT JOIN users c ON c.id = r.assigned_counselor_id
            LEFT JOIN users o ON o.id::text = r.eligibility ->> 'overriddenBy'
            LEFT JOIN schools ds ON ds.id::text = r.draft ->> 'schoolId'`,
  referral_events: `SELECT md5(string_agg(concat_ws('|', e.id, e.referral_id, e.at, u.email, e.status_from, e.status_to,
            e.action), ',' ORDER BY e.id)) FROM referral_events e LEFT JOIN users u ON u.id = e.actor_id`,
  cases: `SELECT md5(string_agg(concat_ws('|', c.id, c.case_number, c.referral_id, u.email, c.status, c.opened_at,
            c.intake_completed_at, c.service_program_initiated_at, c.target_end_at, c.closure_reason, c.closed_at,
            c.outcome_class, c.version), ',' ORDER BY c.id)) FROM cases c JOIN users u ON u.id = c.primary_counselor_id`,
  contacts: `SELECT md5(string_agg(concat_ws('|', id, referral_id, case_id, occurred_at, duration_min, contact_type,
            modality, result, participants, language, service_enrollment_id), ',' ORDER BY id)) FROM contacts`,
  notes: `SELECT md5(string_agg(concat_ws('|', id, case_id, kind, body, amends_id, created_at), ',' ORDER BY id)) FROM notes`,
  follow_ups: `SELECT md5(string_agg(concat_ws('|', id, case_id, "window", due_at, status, completed_at, new_le_contact,
            linked_referral_id), ',' ORDER BY id)) FROM follow_ups`,
  notices: `SELECT md5(string_agg(concat_ws('|', id, type, referral_id, case_id, sent_at, facts::text), ',' ORDER BY id))
            FROM notices`,
  audit_events: `SELECT md5(string_agg(concat_ws('|', e.at, u.email, e.action, e.entity_type, e.entity_id, e.youth_id,
            e.ip, e.request_id), ',' ORDER BY e.seq)) FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id`,
};

export async function datasetChecksum(
  client: Client,
): Promise<{ tables: Record<string, string>; digest: string }> {
  const tables: Record<string, string> = {};
  await client.query(`SET TimeZone = 'UTC'`);
  for (const [table, sql] of Object.entries(CHECKSUM_QUERIES)) {
    const res = await client.query<{ md5: string | null }>(sql);
    tables[table] = res.rows[0]?.md5 ?? '';
  }
  const all = await client.query<{ md5: string }>(`SELECT md5($1) AS md5`, [Object.values(tables).join(',')]);
  return { tables, digest: all.rows[0]?.md5 ?? '' };
}
