import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referral intake: youth registry, guardians, referrals and their status events, school contacts, community events,
 * idempotency keys. Generated, plus by hand (end of `up`, start of `down`): the reference-number sequence, the name
 * normalization functions and trigger, and the trigram index for duplicate matching.
 */
export class ReferralIntake1795831829358 implements MigrationInterface {
  name = 'ReferralIntake1795831829358';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "community_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "title" text, "occurred_on" date NOT NULL, "school_id" uuid, "participant_count" integer NOT NULL, "partners" text array NOT NULL DEFAULT '{}'::text[], "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_community_events_type" CHECK ("type" IN ('SAFETY_PATROL', 'SHOE_AND_SOCK_DRIVE', 'RED_RIBBON_WEEK', 'STUDENTS_SPEAKING_OUT', 'OTHER')), CONSTRAINT "PK_61d7866be43d26ab310cab7b18a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_community_events_org_occurred" ON "community_events" ("organization_id", "occurred_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "user_id" uuid NOT NULL, "route" text NOT NULL, "request_hash" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_idempotency_keys_expires" ON "idempotency_keys" ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_idempotency_keys_user_key" ON "idempotency_keys" ("user_id", "key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "youth" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "preferred_name" text, "name_norm" text NOT NULL DEFAULT '', "date_of_birth" date NOT NULL, "gender_identity" text, "race_ethnicity" text array NOT NULL DEFAULT '{}'::text[], "primary_language" text NOT NULL DEFAULT 'en', "school_id" uuid, "grade" integer, "zip" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_youth_gender_identity" CHECK (gender_identity IS NULL OR "gender_identity" IN ('FEMALE', 'MALE', 'NONBINARY', 'ANOTHER', 'DECLINED')), CONSTRAINT "PK_0775a892ec133870a85fd01b340" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_youth_organization" ON "youth" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "ix_youth_date_of_birth" ON "youth" ("date_of_birth") `);
    await queryRunner.query(
      `CREATE TABLE "guardians" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "youth_id" uuid NOT NULL, "referral_id" uuid, "organization_id" uuid NOT NULL, "name" text NOT NULL, "relationship" text NOT NULL, "phone" text NOT NULL, "email" text, "preferred_language" text NOT NULL DEFAULT 'en', "interpreter_needed" boolean NOT NULL DEFAULT false, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_guardians_relationship" CHECK ("relationship" IN ('MOTHER', 'FATHER', 'GRANDPARENT', 'AUNT_UNCLE', 'SIBLING', 'FOSTER_PARENT', 'LEGAL_GUARDIAN', 'OTHER')), CONSTRAINT "PK_3dcf02f3dc96a2c017106f280be" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_guardians_referral" ON "guardians" ("referral_id") `);
    await queryRunner.query(`CREATE INDEX "ix_guardians_youth" ON "guardians" ("youth_id") `);
    await queryRunner.query(
      `CREATE TABLE "referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference_number" text, "youth_id" uuid, "referring_org_id" uuid NOT NULL, "referring_user_id" uuid NOT NULL, "provider_org_id" uuid NOT NULL, "school_id" uuid, "grade" integer, "incident_at" TIMESTAMP WITH TIME ZONE, "incident_location" text, "pathway" text, "reason_codes" text array NOT NULL DEFAULT '{}'::text[], "narrative" text, "priority" text, "police_report_number" text, "victim_involved" boolean, "restitution_estimate" numeric(12,2), "recommended_resource_ids" uuid array NOT NULL DEFAULT '{}'::uuid[], "eligibility" jsonb, "status" text NOT NULL DEFAULT 'DRAFT', "received_at" TIMESTAMP WITH TIME ZONE, "due_service_start_at" TIMESTAMP WITH TIME ZONE, "assigned_counselor_id" uuid, "decline_reason" text, "withdraw_reason" text, "info_request" text, "returned_to_referrer_at" TIMESTAMP WITH TIME ZONE, "duplicate_of_id" uuid, "sealed_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "draft" jsonb, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_referrals_submitted_complete" CHECK (status = 'DRAFT' OR (reference_number IS NOT NULL AND youth_id IS NOT NULL AND received_at IS NOT NULL)), CONSTRAINT "ck_referrals_priority" CHECK (priority IS NULL OR "priority" IN ('ROUTINE', 'URGENT_SAFETY', 'CRISIS')), CONSTRAINT "ck_referrals_incident_location" CHECK (incident_location IS NULL OR "incident_location" IN ('ON_CAMPUS', 'SCHOOL_EVENT', 'TO_FROM_SCHOOL', 'ONLINE', 'COMMUNITY')), CONSTRAINT "ck_referrals_pathway" CHECK (pathway IS NULL OR "pathway" IN ('PREVENTION', 'LE_DIVERSION_626B', 'COUNSEL_RELEASE_RESOURCE', 'SCHOOL_REFERRAL', 'PROBATION_654', 'SELF_FAMILY')), CONSTRAINT "ck_referrals_status" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'NEEDS_INFO', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING', 'ENROLLED', 'INELIGIBLE', 'DUPLICATE', 'UNABLE_TO_CONTACT', 'DECLINED', 'WITHDRAWN')), CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_referrals_reference_number" ON "referrals" ("reference_number") WHERE reference_number IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_youth" ON "referrals" ("youth_id") WHERE youth_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_school_received" ON "referrals" ("school_id", "received_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_counselor_status" ON "referrals" ("assigned_counselor_id", "status") WHERE assigned_counselor_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_provider_status_received" ON "referrals" ("provider_org_id", "status", "received_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_referring_org_received" ON "referrals" ("referring_org_id", "received_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_referring_user_created" ON "referrals" ("referring_user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "status_from" text, "status_to" text NOT NULL, "action" text NOT NULL, "note" text, "organization_id" uuid NOT NULL, CONSTRAINT "ck_referral_events_action" CHECK ("action" IN ('submit', 'acknowledge', 'request-info', 'assign', 'ineligible', 'mark-duplicate', 'override-eligibility', 'contact-completed', 'unable-to-contact', 'decline', 'enroll', 'withdraw', 'create', 'update', 'seal')), CONSTRAINT "ck_referral_events_status_to" CHECK ("status_to" IN ('DRAFT', 'SUBMITTED', 'NEEDS_INFO', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING', 'ENROLLED', 'INELIGIBLE', 'DUPLICATE', 'UNABLE_TO_CONTACT', 'DECLINED', 'WITHDRAWN')), CONSTRAINT "PK_850a7d8ea24a8e90aba261d0190" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referral_events_referral_at" ON "referral_events" ("referral_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "school_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "school_id" uuid NOT NULL, "reason_codes" text array NOT NULL DEFAULT '{}'::text[], "disposition" text NOT NULL, "age_band" text NOT NULL, "gender_identity" text, "race_ethnicity" text array NOT NULL DEFAULT '{}'::text[], "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_school_contacts_gender_identity" CHECK (gender_identity IS NULL OR "gender_identity" IN ('FEMALE', 'MALE', 'NONBINARY', 'ANOTHER', 'DECLINED')), CONSTRAINT "ck_school_contacts_age_band" CHECK ("age_band" IN ('6-9', '10-12', '13-14', '15-16', '17-18')), CONSTRAINT "ck_school_contacts_disposition" CHECK ("disposition" IN ('COUNSEL_RELEASE', 'CITATION_PROBATION', 'CUSTODY_PROBATION', 'SCHOOL_DISCIPLINE_ONLY', 'REFERRED_DA')), CONSTRAINT "PK_c8addc29c4106a2e574dffd0e73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_school_contacts_school_occurred" ON "school_contacts" ("school_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_school_contacts_org_occurred" ON "school_contacts" ("organization_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_school_contacts_created_by_occurred" ON "school_contacts" ("created_by", "occurred_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_events" ALTER COLUMN "changed_fields" SET DEFAULT '{}'::text[]`,
    );
    await queryRunner.query(`ALTER TABLE "organizations" ALTER COLUMN "settings" SET DEFAULT '{}'::jsonb`);
    await queryRunner.query(`ALTER TABLE "resources" ALTER COLUMN "urls" SET DEFAULT '{}'::text[]`);
    await queryRunner.query(`ALTER TABLE "resources" ALTER COLUMN "languages" SET DEFAULT '{}'::text[]`);
    await queryRunner.query(
      `ALTER TABLE "community_events" ADD CONSTRAINT "fk_community_events_school" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "youth" ADD CONSTRAINT "fk_youth_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guardians" ADD CONSTRAINT "fk_guardians_youth" FOREIGN KEY ("youth_id") REFERENCES "youth"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "fk_referrals_youth" FOREIGN KEY ("youth_id") REFERENCES "youth"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "fk_referrals_referring_org" FOREIGN KEY ("referring_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "fk_referrals_referring_user" FOREIGN KEY ("referring_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "fk_referrals_provider_org" FOREIGN KEY ("provider_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "fk_referrals_school" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "fk_referrals_assigned_counselor" FOREIGN KEY ("assigned_counselor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD CONSTRAINT "fk_referral_events_referral" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "school_contacts" ADD CONSTRAINT "fk_school_contacts_school" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // By hand: what TypeORM cannot generate.
    await queryRunner.query(`CREATE SEQUENCE referral_number_seq AS bigint START 1`);
    // unaccent() is STABLE (it reads its dictionary); pinning the dictionary makes an IMMUTABLE wrapper safe.
    await queryRunner.query(
      `CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
             AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
    // Name key for duplicate matching: accents and case folded, apostrophes and dots dropped ("O'Brien" = "OBrien"),
    // hyphens, underscores, commas and runs of spaces as one space ("García-López" = "Garcia Lopez").
    await queryRunner.query(
      `CREATE FUNCTION f_name_norm(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
             AS $$ SELECT btrim(regexp_replace(regexp_replace(lower(public.f_unaccent($1)),
                    '[''\u2019\u2018\u0060\u00b4\u02bc.]', '', 'g'), '[-\u2010\u2011\u2013\u2014_,[:space:]]+', ' ', 'g')) $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION youth_set_name_norm() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               NEW.name_norm := f_name_norm(NEW.first_name || ' ' || NEW.last_name);
               RETURN NEW;
             END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_youth_name_norm BEFORE INSERT OR UPDATE OF first_name, last_name, name_norm ON youth
             FOR EACH ROW EXECUTE FUNCTION youth_set_name_norm()`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_youth_name_norm_trgm" ON "youth" USING gin ("name_norm" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_reference_number_prefix" ON "referrals" ("reference_number" text_pattern_ops) WHERE reference_number IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_referrals_reference_number_prefix"`);
    await queryRunner.query(`DROP INDEX "ix_youth_name_norm_trgm"`);
    await queryRunner.query(`DROP TRIGGER tr_youth_name_norm ON youth`);
    await queryRunner.query(`DROP FUNCTION youth_set_name_norm()`);
    await queryRunner.query(`DROP FUNCTION f_name_norm(text)`);
    await queryRunner.query(`DROP FUNCTION f_unaccent(text)`);
    await queryRunner.query(`DROP SEQUENCE referral_number_seq`);
    await queryRunner.query(`ALTER TABLE "school_contacts" DROP CONSTRAINT "fk_school_contacts_school"`);
    await queryRunner.query(`ALTER TABLE "referral_events" DROP CONSTRAINT "fk_referral_events_referral"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "fk_referrals_assigned_counselor"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "fk_referrals_school"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "fk_referrals_provider_org"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "fk_referrals_referring_user"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "fk_referrals_referring_org"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "fk_referrals_youth"`);
    await queryRunner.query(`ALTER TABLE "guardians" DROP CONSTRAINT "fk_guardians_youth"`);
    await queryRunner.query(`ALTER TABLE "youth" DROP CONSTRAINT "fk_youth_organization"`);
    await queryRunner.query(`ALTER TABLE "community_events" DROP CONSTRAINT "fk_community_events_school"`);
    await queryRunner.query(`ALTER TABLE "resources" ALTER COLUMN "languages" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "resources" ALTER COLUMN "urls" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "organizations" ALTER COLUMN "settings" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "changed_fields" SET DEFAULT '{}'`);
    await queryRunner.query(`DROP INDEX "public"."ix_school_contacts_created_by_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."ix_school_contacts_org_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."ix_school_contacts_school_occurred"`);
    await queryRunner.query(`DROP TABLE "school_contacts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referral_events_referral_at"`);
    await queryRunner.query(`DROP TABLE "referral_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_referring_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_referring_org_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_provider_status_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_counselor_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_school_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_youth"`);
    await queryRunner.query(`DROP INDEX "public"."ux_referrals_reference_number"`);
    await queryRunner.query(`DROP TABLE "referrals"`);
    await queryRunner.query(`DROP INDEX "public"."ix_guardians_youth"`);
    await queryRunner.query(`DROP INDEX "public"."ix_guardians_referral"`);
    await queryRunner.query(`DROP TABLE "guardians"`);
    await queryRunner.query(`DROP INDEX "public"."ix_youth_date_of_birth"`);
    await queryRunner.query(`DROP INDEX "public"."ix_youth_organization"`);
    await queryRunner.query(`DROP TABLE "youth"`);
    await queryRunner.query(`DROP INDEX "public"."ux_idempotency_keys_user_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_idempotency_keys_expires"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."ix_community_events_org_occurred"`);
    await queryRunner.query(`DROP TABLE "community_events"`);
  }
}
