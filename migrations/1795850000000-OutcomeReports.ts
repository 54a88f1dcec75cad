import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcome reports (issue #5): indexes that let each report read only its period. The provider's referrals by
 * received date whatever their status (the existing index leads with status); every organization's referrals, school
 * contacts and closed cases of a year for the public dashboard and the police agency's closures (scope is on the
 * referral); a police agency's open caseload.
 */
export class OutcomeReports1795850000000 implements MigrationInterface {
  name = 'OutcomeReports1795850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_provider_received" ON "referrals" ("provider_org_id", "received_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_received" ON "referrals" ("received_at") WHERE received_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_school_contacts_occurred" ON "school_contacts" ("occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_closed" ON "cases" ("closed_at") WHERE closed_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_open_opened" ON "cases" ("opened_at") WHERE "status" IN ('INTAKE', 'ASSESSMENT', 'PLANNING', 'ACTIVE', 'ON_HOLD', 'NON_COMPLIANT')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cases_open_opened"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_closed"`);
    await queryRunner.query(`DROP INDEX "public"."ix_school_contacts_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_provider_received"`);
  }
}
