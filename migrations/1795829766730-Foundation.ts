import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795829766730 implements MigrationInterface {
  name = 'Foundation1795829766730';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_role" text, "organization_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid, "youth_id" uuid, "outcome" text NOT NULL, "ip" text, "user_agent" text, "request_id" text, "changed_fields" text array NOT NULL DEFAULT '{}'::text[], "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "ck_audit_events_outcome" CHECK ("outcome" IN ('SUCCESS', 'DENIED', 'ERROR')), CONSTRAINT "ck_audit_events_action" CHECK ("action" IN ('VIEW', 'CREATE', 'UPDATE', 'TRANSITION', 'EXPORT', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'LOCKOUT', 'SEAL', 'OVERRIDE', 'PERMISSION_CHANGE')), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_audit_events_seq" ON "audit_events" ("seq") `);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_youth" ON "audit_events" ("youth_id") WHERE youth_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_events_actor_at" ON "audit_events" ("actor_id", "at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_entity" ON "audit_events" ("entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_org_at" ON "audit_events" ("organization_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "settings" jsonb NOT NULL DEFAULT '{}'::jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_9b7ca6d30b94fef571cff876884" UNIQUE ("name"), CONSTRAINT "ck_organizations_kind" CHECK ("kind" IN ('LAW_ENFORCEMENT', 'SERVICE_PROVIDER', 'SCHOOL_DISTRICT')), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" citext NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "locale" text NOT NULL DEFAULT 'en', "password_hash" text NOT NULL, "must_change_password" boolean NOT NULL DEFAULT false, "password_changed_at" TIMESTAMP WITH TIME ZONE, "mfa_secret" text, "mfa_pending_secret" text, "mfa_enabled" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "failed_logins" integer NOT NULL DEFAULT '0', "first_failed_at" TIMESTAMP WITH TIME ZONE, "locked_at" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_users_locale" CHECK ("locale" IN ('en', 'es')), CONSTRAINT "ck_users_role" CHECK ("role" IN ('SRO', 'PD_SUPERVISOR', 'COUNSELOR', 'PROVIDER_SUPERVISOR', 'ADMIN', 'AUDITOR')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_users_email" ON "users" ("email") `);
    await queryRunner.query(
      `CREATE INDEX "ix_users_organization_role" ON "users" ("organization_id", "role") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL DEFAULT 'SESSION', "token_hash" text NOT NULL, "csrf_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" text, "user_agent" text, CONSTRAINT "ck_sessions_kind" CHECK ("kind" IN ('SESSION', 'MFA_CHALLENGE')), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_sessions_token_hash" ON "sessions" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "schools" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name" text NOT NULL, "level" text NOT NULL, "kind" text NOT NULL, "district" text NOT NULL, "cds_code" text, "address" text, "city" text, "zip" text, "phone" text, "notes" text, "in_cvpd_jurisdiction" boolean NOT NULL DEFAULT true, CONSTRAINT "ck_schools_kind" CHECK ("kind" IN ('PUBLIC', 'CHARTER', 'ALTERNATIVE', 'ADULT', 'PRIVATE')), CONSTRAINT "ck_schools_level" CHECK ("level" IN ('ELEMENTARY', 'MIDDLE', 'HIGH', 'K8', 'K12', 'ADULT')), CONSTRAINT "PK_95b932e47ac129dd8e23a0db548" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_schools_name" ON "schools" ("name") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_schools_cds_code" ON "schools" ("cds_code") WHERE cds_code IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "reason_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" text NOT NULL, "label" text NOT NULL, "label_es" text, "kind" text NOT NULL, "education_code" text, "other_code" text, "excluded_from_diversion" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_reason_codes_kind" CHECK ("kind" IN ('OFFENSE', 'SCHOOL_RULE', 'STATUS', 'CONCERN')), CONSTRAINT "PK_64e9bc3e20d2e61416a5134650f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_reason_codes_code" ON "reason_codes" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "service_types" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" text NOT NULL, "label" text NOT NULL, "label_es" text, CONSTRAINT "PK_1dc93417a097cdee3491f39d7cc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_service_types_code" ON "service_types" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "resources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "key" text NOT NULL, "name" text NOT NULL, "organization" text, "category" text NOT NULL, "description" text, "description_es" text, "phone" text, "urls" text array NOT NULL DEFAULT '{}'::text[], "ages" text, "languages" text array NOT NULL DEFAULT '{}'::text[], "last_verified_at" date, CONSTRAINT "PK_632484ab9dff41bba94f9b7c85e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_resources_key" ON "resources" ("key") `);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "fk_sessions_user"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ux_resources_key"`);
    await queryRunner.query(`DROP TABLE "resources"`);
    await queryRunner.query(`DROP INDEX "public"."ux_service_types_code"`);
    await queryRunner.query(`DROP TABLE "service_types"`);
    await queryRunner.query(`DROP INDEX "public"."ux_reason_codes_code"`);
    await queryRunner.query(`DROP TABLE "reason_codes"`);
    await queryRunner.query(`DROP INDEX "public"."ux_schools_cds_code"`);
    await queryRunner.query(`DROP INDEX "public"."ux_schools_name"`);
    await queryRunner.query(`DROP TABLE "schools"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sessions_user"`);
    await queryRunner.query(`DROP INDEX "public"."ux_sessions_token_hash"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_users_organization_role"`);
    await queryRunner.query(`DROP INDEX "public"."ux_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_org_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_entity"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_actor_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_events_youth"`);
    await queryRunner.query(`DROP INDEX "public"."ux_audit_events_seq"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
