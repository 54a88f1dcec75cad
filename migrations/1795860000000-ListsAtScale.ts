import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists at a million referrals (issue #8). Each role's list, in its default order (newest received, newest opened,
 * open cases by nearest target end), reads one index in order and stops after a page: the scope column, the sort
 * column, then `id` (the tiebreak, in the same direction, so a backward scan serves the descending order). The police agency's status filter gets its own
 * index, as the provider's had. Cases keep `last_contact_at` (the last COMPLETED contact), maintained by statement
 * triggers on contacts, so "sort by last contact" reads an index instead of every open case's contacts.
 */
export class ListsAtScale1795860000000 implements MigrationInterface {
  name = 'ListsAtScale1795860000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_referring_org_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_provider_received"`);
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_referring_org_received" ON "referrals" ("referring_org_id", "received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_provider_received" ON "referrals" ("provider_org_id", "received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_referring_user_received" ON "referrals" ("referring_user_id", "received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_counselor_received" ON "referrals" ("assigned_counselor_id", "received_at", "id") WHERE assigned_counselor_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_referring_org_status_received" ON "referrals" ("referring_org_id", "status", "received_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_provider_opened" ON "cases" ("provider_org_id", "opened_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_counselor_opened" ON "cases" ("primary_counselor_id", "opened_at", "id") `,
    );
    // The case list's default: open cases, the nearest target end first.
    await queryRunner.query(
      `CREATE INDEX "ix_cases_provider_open_target" ON "cases" ("provider_org_id", "target_end_at", "id") WHERE status <> 'CLOSED'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_counselor_open_target" ON "cases" ("primary_counselor_id", "target_end_at", "id") WHERE status <> 'CLOSED'`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "last_contact_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE cases c SET last_contact_at = k.at
         FROM (SELECT case_id, max(occurred_at) AS at FROM contacts
                WHERE case_id IS NOT NULL AND result = 'COMPLETED' GROUP BY case_id) k
        WHERE k.case_id = c.id`,
    );
    // Never-contacted cases are the stalest: first when sorting oldest contact first, last when newest first.
    await queryRunner.query(
      `CREATE INDEX "ix_cases_provider_last_contact" ON "cases" ("provider_org_id", "last_contact_at" NULLS FIRST, "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_counselor_last_contact" ON "cases" ("primary_counselor_id", "last_contact_at" NULLS FIRST, "id") `,
    );
    // New contacts can only move a case's last contact later; an edit or a removal recomputes it.
    await queryRunner.query(
      `CREATE FUNCTION cases_last_contact_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE cases c SET last_contact_at = k.at
           FROM (SELECT case_id, max(occurred_at) AS at FROM new_contacts
                  WHERE case_id IS NOT NULL AND result = 'COMPLETED' GROUP BY case_id) k
          WHERE c.id = k.case_id AND (c.last_contact_at IS NULL OR c.last_contact_at < k.at);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION cases_last_contact_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE cases c SET last_contact_at = (
                  SELECT max(k.occurred_at) FROM contacts k WHERE k.case_id = c.id AND k.result = 'COMPLETED')
          WHERE c.id IN (SELECT case_id FROM old_contacts UNION SELECT case_id FROM new_contacts);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION cases_last_contact_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE cases c SET last_contact_at = (
                  SELECT max(k.occurred_at) FROM contacts k WHERE k.case_id = c.id AND k.result = 'COMPLETED')
          WHERE c.id IN (SELECT case_id FROM old_contacts);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_contacts_last_contact_insert AFTER INSERT ON contacts
         REFERENCING NEW TABLE AS new_contacts FOR EACH STATEMENT EXECUTE FUNCTION cases_last_contact_inserted()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_contacts_last_contact_update AFTER UPDATE ON contacts
         REFERENCING OLD TABLE AS old_contacts NEW TABLE AS new_contacts
         FOR EACH STATEMENT EXECUTE FUNCTION cases_last_contact_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_contacts_last_contact_delete AFTER DELETE ON contacts
         REFERENCING OLD TABLE AS old_contacts FOR EACH STATEMENT EXECUTE FUNCTION cases_last_contact_deleted()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_contacts_last_contact_delete ON contacts`);
    await queryRunner.query(`DROP TRIGGER tr_contacts_last_contact_update ON contacts`);
    await queryRunner.query(`DROP TRIGGER tr_contacts_last_contact_insert ON contacts`);
    await queryRunner.query(`DROP FUNCTION cases_last_contact_deleted()`);
    await queryRunner.query(`DROP FUNCTION cases_last_contact_changed()`);
    await queryRunner.query(`DROP FUNCTION cases_last_contact_inserted()`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_counselor_last_contact"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_provider_last_contact"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "last_contact_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_counselor_open_target"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_provider_open_target"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_counselor_opened"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_provider_opened"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_referring_org_status_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_counselor_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_referring_user_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_provider_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_referring_org_received"`);
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_provider_received" ON "referrals" ("provider_org_id", "received_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_referring_org_received" ON "referrals" ("referring_org_id", "received_at") `,
    );
  }
}
