import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes audit_events append-only and tamper-evident (ACCESS.md "Audit"):
 * - a BEFORE INSERT trigger takes a transaction-scoped advisory lock, assigns `seq` after the lock (so seq order
 *   is commit order), links `prev_hash` to the previous row and computes `hash` = SHA-256 of the row's fields;
 * - UPDATE, DELETE and TRUNCATE are rejected;
 * - `audit_event_digest` is shared by the trigger and the verify query, so both hash the same canonical text.
 */
export class AuditChain1795829800000 implements MigrationInterface {
  name = 'AuditChain1795829800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_event_digest(e audit_events, prev text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|',
          e.id::text, e.seq::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          coalesce(e.actor_id::text, ''), coalesce(e.actor_role, ''), coalesce(e.organization_id::text, ''),
          e.action, e.entity_type, coalesce(e.entity_id::text, ''), coalesce(e.youth_id::text, ''), e.outcome,
          coalesce(e.ip, ''), coalesce(e.user_agent, ''), coalesce(e.request_id, ''),
          array_to_string(e.changed_fields, ','), prev), 'UTF8')), 'hex')
      $$`);
    await q.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7346110001);
        SELECT hash INTO last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
        NEW.seq := nextval(pg_get_serial_sequence('audit_events', 'seq'));
        NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
        NEW.hash := audit_event_digest(NEW, NEW.prev_hash);
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION audit_events_reject_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(
      `CREATE TRIGGER tr_audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`,
    );
    await q.query(
      `CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change()`,
    );
    await q.query(
      `CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_audit_events_no_truncate ON audit_events');
    await q.query('DROP TRIGGER tr_audit_events_append_only ON audit_events');
    await q.query('DROP TRIGGER tr_audit_events_chain ON audit_events');
    await q.query('DROP FUNCTION audit_events_reject_change()');
    await q.query('DROP FUNCTION audit_events_chain()');
    await q.query('DROP FUNCTION audit_event_digest(audit_events, text)');
  }
}
