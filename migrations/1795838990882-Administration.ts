import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administration: account deactivation bookkeeping (reason, for the 90-day inactivity rule), the retention job's
 * runs and its record of de-identified rows. Generated (array-default noise removed), plus by hand (end of `up`,
 * start of `down`): a trigger that keeps user identifiers permanent (CJIS: an identifier is never reused), so an
 * account is deactivated, never deleted, and its e-mail never changes hands.
 */
export class Administration1795838990882 implements MigrationInterface {
  name = 'Administration1795838990882';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "retention_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "trigger" text NOT NULL, "actor_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "items" jsonb NOT NULL, "youth_deidentified" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_retention_runs_trigger" CHECK ("trigger" IN ('SCHEDULED', 'MANUAL')), CONSTRAINT "PK_80f0aec401112f8d4bad156a908" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_retention_runs_org_started" ON "retention_runs" ("organization_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "deidentified_records" ("entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "run_id" uuid NOT NULL, "deidentified_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_11377bd68a411eb7e45b5ed1d76" PRIMARY KEY ("entity_type", "entity_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_deidentified_records_org" ON "deidentified_records" ("organization_id") `,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "deactivation_reason" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "reactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "ck_users_deactivation_reason" CHECK (deactivation_reason IS NULL OR "deactivation_reason" IN ('ADMIN', 'INACTIVITY'))`,
    );

    // By hand: user identifiers (id, e-mail) are permanent.
    await queryRunner.query(`
      CREATE FUNCTION users_identity_permanent() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'accounts are deactivated, never deleted (identifiers are not reused)'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.email <> OLD.email THEN
          RAISE EXCEPTION 'an account keeps its identifier and e-mail for good' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $fn$`);
    await queryRunner.query(
      `CREATE TRIGGER tr_users_identity_permanent BEFORE UPDATE OF id, email OR DELETE ON users
       FOR EACH ROW EXECUTE FUNCTION users_identity_permanent()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_users_identity_permanent ON users`);
    await queryRunner.query(`DROP FUNCTION users_identity_permanent()`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_deactivation_reason"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "reactivated_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deactivation_reason"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deidentified_records_org"`);
    await queryRunner.query(`DROP TABLE "deidentified_records"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retention_runs_org_started"`);
    await queryRunner.query(`DROP TABLE "retention_runs"`);
  }
}
