import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case management: cases and their events, contacts, consents, assessments, goals, accountability items, service
 * enrollments, notes, follow-ups, notices, the business-day calendar; two referral columns. Generated, plus by hand
 * (end of `up`, start of `down`): the case-number sequence, `business_due_at()` (business-day clocks in SQL, over
 * the `business_days` table the application fills from libs/domain) and the trigger that keeps notes immutable.
 */

export class CaseManagement1795837931381 implements MigrationInterface {
  name = 'CaseManagement1795837931381';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_number" text NOT NULL, "referral_id" uuid NOT NULL, "youth_id" uuid NOT NULL, "provider_org_id" uuid NOT NULL, "primary_counselor_id" uuid NOT NULL, "pathway" text NOT NULL, "status" text NOT NULL DEFAULT 'INTAKE', "status_reason" text, "status_before_closure" text, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "intake_completed_at" TIMESTAMP WITH TIME ZONE, "service_program_initiated_at" TIMESTAMP WITH TIME ZONE, "target_end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "max_end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closure_requested_at" TIMESTAMP WITH TIME ZONE, "closure_requested_by" uuid, "closure_reason" text, "closure_summary" text, "closure_rejected_comment" text, "closure_approved_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "outcome_class" text, "completion_notice_sent_at" TIMESTAMP WITH TIME ZONE, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "REL_b990f17614550b9dc652d705c4" UNIQUE ("referral_id"), CONSTRAINT "ck_cases_closed_complete" CHECK (status <> 'CLOSED' OR (closed_at IS NOT NULL AND outcome_class IS NOT NULL)), CONSTRAINT "ck_cases_target_within_max" CHECK (target_end_at <= max_end_at), CONSTRAINT "ck_cases_outcome_class" CHECK (outcome_class IS NULL OR "outcome_class" IN ('SUCCESSFUL', 'UNSUCCESSFUL', 'ADMINISTRATIVE')), CONSTRAINT "ck_cases_closure_reason" CHECK (closure_reason IS NULL OR "closure_reason" IN ('COMPLETED_ALL_GOALS', 'COMPLETED_MOST_GOALS', 'NON_PARTICIPATION', 'WITHDREW', 'NEW_LAW_ENFORCEMENT_CONTACT', 'MOVED', 'HIGHER_LEVEL_OF_CARE', 'INELIGIBLE_DISCOVERED', 'UNABLE_TO_LOCATE', 'AGED_OUT', 'OTHER')), CONSTRAINT "ck_cases_pathway" CHECK ("pathway" IN ('PREVENTION', 'LE_DIVERSION_626B', 'COUNSEL_RELEASE_RESOURCE', 'SCHOOL_REFERRAL', 'PROBATION_654', 'SELF_FAMILY')), CONSTRAINT "ck_cases_status_before_closure" CHECK (status_before_closure IS NULL OR "status_before_closure" IN ('INTAKE', 'ASSESSMENT', 'PLANNING', 'ACTIVE', 'ON_HOLD', 'NON_COMPLIANT', 'CLOSURE_REVIEW', 'CLOSED')), CONSTRAINT "ck_cases_status" CHECK ("status" IN ('INTAKE', 'ASSESSMENT', 'PLANNING', 'ACTIVE', 'ON_HOLD', 'NON_COMPLIANT', 'CLOSURE_REVIEW', 'CLOSED')), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_cases_case_number" ON "cases" ("case_number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_cases_referral" ON "cases" ("referral_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_provider_closed" ON "cases" ("provider_org_id", "closed_at") WHERE closed_at IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_cases_youth" ON "cases" ("youth_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_counselor_status_opened" ON "cases" ("primary_counselor_id", "status", "opened_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_provider_status_opened" ON "cases" ("provider_org_id", "status", "opened_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "case_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "status_from" text, "status_to" text NOT NULL, "action" text NOT NULL, "detail" text, "organization_id" uuid NOT NULL, CONSTRAINT "ck_case_events_action" CHECK ("action" IN ('intake-completed', 'assessment-recorded', 'service-started', 'hold', 'mark-non-compliant', 'resume', 'request-closure', 'reject-closure', 'approve-closure', 'reopen', 'open', 'update')), CONSTRAINT "ck_case_events_status_to" CHECK ("status_to" IN ('INTAKE', 'ASSESSMENT', 'PLANNING', 'ACTIVE', 'ON_HOLD', 'NON_COMPLIANT', 'CLOSURE_REVIEW', 'CLOSED')), CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_events_case_at" ON "case_events" ("case_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid, "case_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_min" integer, "contact_type" text NOT NULL, "modality" text NOT NULL, "result" text NOT NULL, "participants" text array NOT NULL DEFAULT '{}'::text[], "language" text, "interpreter_used" boolean NOT NULL DEFAULT false, "service_enrollment_id" uuid, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_contacts_home" CHECK (num_nonnulls(referral_id, case_id) = 1), CONSTRAINT "ck_contacts_result" CHECK ("result" IN ('COMPLETED', 'NO_SHOW', 'CANCELLED_FAMILY', 'CANCELLED_STAFF', 'NO_ANSWER', 'LEFT_MESSAGE', 'WRONG_NUMBER')), CONSTRAINT "ck_contacts_modality" CHECK ("modality" IN ('OFFICE', 'SCHOOL', 'HOME', 'COMMUNITY', 'PHONE', 'VIDEO', 'TEXT', 'EMAIL', 'LETTER')), CONSTRAINT "ck_contacts_type" CHECK ("contact_type" IN ('OUTREACH_ATTEMPT', 'INTAKE', 'ASSESSMENT', 'COUNSELING_INDIVIDUAL', 'COUNSELING_FAMILY', 'GROUP_SESSION', 'CASE_MANAGEMENT', 'HOME_VISIT', 'SCHOOL_VISIT', 'COLLATERAL', 'CRISIS', 'CHECK_IN')), CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_contacts_service" ON "contacts" ("service_enrollment_id") WHERE service_enrollment_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_contacts_case_occurred" ON "contacts" ("case_id", "occurred_at") WHERE case_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_contacts_referral_occurred" ON "contacts" ("referral_id", "occurred_at") WHERE referral_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "youth_id" uuid NOT NULL, "case_id" uuid, "referral_id" uuid, "type" text NOT NULL, "youth_assent" boolean NOT NULL, "guardian_name" text, "guardian_id" uuid, "minor_self_consent_basis" text, "signature_method" text NOT NULL, "language" text NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" date, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, "counterpart_org_id" uuid, "info_scope" text array NOT NULL DEFAULT '{}'::text[], "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_consents_roi_counterpart" CHECK (type <> 'RELEASE_OF_INFORMATION' OR (counterpart_org_id IS NOT NULL AND cardinality(info_scope) > 0)), CONSTRAINT "ck_consents_self_basis" CHECK (minor_self_consent_basis IS NULL OR "minor_self_consent_basis" IN ('FC_6924', 'HSC_124260', 'FC_6929', 'EMANCIPATED')), CONSTRAINT "ck_consents_signature_method" CHECK ("signature_method" IN ('WET_INK_SCANNED', 'E_SIGNATURE', 'VERBAL_WITNESSED')), CONSTRAINT "ck_consents_type" CHECK ("type" IN ('PROGRAM_PARTICIPATION', 'RELEASE_OF_INFORMATION', 'MENTAL_HEALTH_TREATMENT', 'SUD_42CFR2', 'TEXT_MESSAGING', 'RESEARCH_EVALUATION')), CONSTRAINT "PK_9efc68eb6aba7d638fb6ea034dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consents_referral" ON "consents" ("referral_id") WHERE referral_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consents_case" ON "consents" ("case_id") WHERE case_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_consents_youth" ON "consents" ("youth_id") `);
    await queryRunner.query(
      `CREATE TABLE "assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "instrument" text NOT NULL, "timing" text NOT NULL, "administered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "overall_level" text NOT NULL, "total_score" numeric(8,2), "domain_scores" jsonb NOT NULL DEFAULT '{}'::jsonb, "flags" text array NOT NULL DEFAULT '{}'::text[], "override_level" text, "override_reason" text, "override_approved_by" uuid, "override_approved_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_assessments_override_reason" CHECK (override_level IS NULL OR override_reason IS NOT NULL), CONSTRAINT "ck_assessments_override_level" CHECK (override_level IS NULL OR "override_level" IN ('LOW', 'MODERATE', 'MODERATE_HIGH', 'HIGH', 'NA')), CONSTRAINT "ck_assessments_overall_level" CHECK ("overall_level" IN ('LOW', 'MODERATE', 'MODERATE_HIGH', 'HIGH', 'NA')), CONSTRAINT "ck_assessments_timing" CHECK ("timing" IN ('INTAKE', 'MIDPOINT', 'EXIT', 'FOLLOW_UP')), CONSTRAINT "ck_assessments_instrument" CHECK ("instrument" IN ('YASI_PRESCREEN', 'YASI_FULL', 'PACT_PRESCREEN', 'MAYSI_2', 'CANS_CA50', 'ACE_Q', 'PEARLS', 'CRAFFT', 'CSSRS_SCREEN', 'PHQ_A', 'GAD_7', 'PROGRAM_INTAKE', 'PRE_POST_SURVEY', 'OTHER')), CONSTRAINT "PK_a3442bd80a00e9111cefca57f6c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assessments_open_flags" ON "assessments" ("organization_id") WHERE 'SUICIDE_RISK' = ANY(flags) OR (override_level IS NOT NULL AND override_approved_by IS NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assessments_case_administered" ON "assessments" ("case_id", "administered_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "goals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "domain" text NOT NULL, "description" text NOT NULL, "due_at" date, "status" text NOT NULL DEFAULT 'NOT_STARTED', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_goals_status" CHECK ("status" IN ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'PARTIALLY_ACHIEVED', 'NOT_ACHIEVED', 'DISCONTINUED')), CONSTRAINT "ck_goals_domain" CHECK ("domain" IN ('SCHOOL_ATTENDANCE_ENGAGEMENT', 'ACADEMICS', 'FAMILY_RELATIONSHIPS', 'PEERS', 'SUBSTANCE_USE', 'EMOTIONAL_WELLBEING', 'ACCOUNTABILITY_REPAIR_HARM', 'PROSOCIAL_ACTIVITY', 'BASIC_NEEDS', 'SAFETY', 'EMPLOYMENT_SKILLS')), CONSTRAINT "PK_26e17b251afab35580dff769223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_goals_case" ON "goals" ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "accountability_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" text NOT NULL, "description" text, "required_amount" numeric(10,2) NOT NULL, "completed_amount" numeric(10,2) NOT NULL DEFAULT '0', "due_at" date, "verified_by" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_accountability_items_amounts" CHECK (required_amount >= 0 AND completed_amount >= 0), CONSTRAINT "ck_accountability_items_type" CHECK ("type" IN ('COMMUNITY_SERVICE_HOURS', 'RESTITUTION_USD', 'APOLOGY_LETTER', 'RESTORATIVE_AGREEMENT_ITEM', 'DRUG_EDUCATION_HOURS', 'REPAIR_PROPERTY')), CONSTRAINT "PK_2b803500129550497853216fd14" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_accountability_items_case" ON "accountability_items" ("case_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "service_enrollments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "service_type" text NOT NULL, "provider" text, "status" text NOT NULL, "referred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "sessions_planned" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_service_enrollments_status" CHECK ("status" IN ('REFERRED', 'WAITLISTED', 'ACTIVE', 'COMPLETED', 'DROPPED', 'DECLINED')), CONSTRAINT "PK_da16df78f53ab9de5beb09d2d74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_service_enrollments_case" ON "service_enrollments" ("case_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "body" text NOT NULL, "author_id" uuid NOT NULL, "amends_id" uuid, "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_notes_kind" CHECK ("kind" IN ('CASE_NOTE', 'CLINICAL', 'PSYCHOTHERAPY')), CONSTRAINT "PK_af6206538ea96c4e77e9f400c3d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notes_amends" ON "notes" ("amends_id") WHERE amends_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notes_case_created" ON "notes" ("case_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "youth_id" uuid NOT NULL, "window" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "completed_at" TIMESTAMP WITH TIME ZONE, "new_le_contact" text, "attendance_rate" numeric(5,2), "suspensions" integer, "linked_referral_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_follow_ups_new_le_contact" CHECK (new_le_contact IS NULL OR "new_le_contact" IN ('NONE', 'COUNSEL_RELEASE', 'CITATION', 'ARREST', 'PROBATION_REFERRAL', 'PETITION_FILED', 'UNKNOWN')), CONSTRAINT "ck_follow_ups_status" CHECK ("status" IN ('PENDING', 'DONE', 'UNABLE')), CONSTRAINT "ck_follow_ups_window" CHECK ("window" IN ('M6', 'M12')), CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_follow_ups_org_due" ON "follow_ups" ("organization_id", "due_at") WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_follow_ups_youth_pending" ON "follow_ups" ("youth_id", "due_at") WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_follow_ups_case_window" ON "follow_ups" ("case_id", "window") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "referral_id" uuid NOT NULL, "case_id" uuid, "to_org_id" uuid NOT NULL, "to_user_id" uuid, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retain_until" TIMESTAMP WITH TIME ZONE NOT NULL, "facts" jsonb NOT NULL DEFAULT '{}'::jsonb, "organization_id" uuid NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_notices_type" CHECK ("type" IN ('REFERRAL_ACK', 'NO_PROGRAM_20_DAY', 'ENROLLED', 'COMPLETION_827_95', 'UNSUCCESSFUL_RETURN', 'INELIGIBLE_RETURN')), CONSTRAINT "PK_3eb18c29da25d6935fcbe584237" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_notices_referral_once" ON "notices" ("referral_id", "type") WHERE type IN ('REFERRAL_ACK', 'NO_PROGRAM_20_DAY', 'ENROLLED')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notices_referral" ON "notices" ("referral_id", "sent_at") `);
    await queryRunner.query(`CREATE INDEX "ix_notices_to_org_sent" ON "notices" ("to_org_id", "sent_at") `);
    await queryRunner.query(
      `CREATE TABLE "business_days" ("day" date NOT NULL, "ordinal" integer NOT NULL, CONSTRAINT "PK_d44d3b254350b5950360283f74d" PRIMARY KEY ("day"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_business_days_ordinal" ON "business_days" ("ordinal") `);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "assigned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "ineligible_reason" text`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "return_acknowledged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "audit_events" ALTER COLUMN "changed_fields" SET DEFAULT '{}'::text[]`,
    );
    await queryRunner.query(`ALTER TABLE "organizations" ALTER COLUMN "settings" SET DEFAULT '{}'::jsonb`);
    await queryRunner.query(`ALTER TABLE "resources" ALTER COLUMN "urls" SET DEFAULT '{}'::text[]`);
    await queryRunner.query(`ALTER TABLE "resources" ALTER COLUMN "languages" SET DEFAULT '{}'::text[]`);
    await queryRunner.query(`ALTER TABLE "youth" ALTER COLUMN "race_ethnicity" SET DEFAULT '{}'::text[]`);
    await queryRunner.query(`ALTER TABLE "referrals" ALTER COLUMN "reason_codes" SET DEFAULT '{}'::text[]`);
    await queryRunner.query(
      `ALTER TABLE "referrals" ALTER COLUMN "recommended_resource_ids" SET DEFAULT '{}'::uuid[]`,
    );
    await queryRunner.query(
      `ALTER TABLE "community_events" ALTER COLUMN "partners" SET DEFAULT '{}'::text[]`,
    );
    await queryRunner.query(
      `ALTER TABLE "school_contacts" ALTER COLUMN "reason_codes" SET DEFAULT '{}'::text[]`,
    );
    await queryRunner.query(
      `ALTER TABLE "school_contacts" ALTER COLUMN "race_ethnicity" SET DEFAULT '{}'::text[]`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_referral" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_youth" FOREIGN KEY ("youth_id") REFERENCES "youth"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_provider_org" FOREIGN KEY ("provider_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_primary_counselor" FOREIGN KEY ("primary_counselor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_events" ADD CONSTRAINT "fk_case_events_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contacts" ADD CONSTRAINT "fk_contacts_referral" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contacts" ADD CONSTRAINT "fk_contacts_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_youth" FOREIGN KEY ("youth_id") REFERENCES "youth"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_counterpart_org" FOREIGN KEY ("counterpart_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessments" ADD CONSTRAINT "fk_assessments_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "goals" ADD CONSTRAINT "fk_goals_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "accountability_items" ADD CONSTRAINT "fk_accountability_items_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_enrollments" ADD CONSTRAINT "fk_service_enrollments_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notes" ADD CONSTRAINT "fk_notes_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notes" ADD CONSTRAINT "fk_notes_amends" FOREIGN KEY ("amends_id") REFERENCES "notes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notices" ADD CONSTRAINT "fk_notices_referral" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notices" ADD CONSTRAINT "fk_notices_to_org" FOREIGN KEY ("to_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // By hand: case numbers, business-day arithmetic, immutable notes.
    await queryRunner.query(`CREATE SEQUENCE "case_number_seq"`);
    await queryRunner.query(`
          CREATE FUNCTION business_due_at(from_ts timestamptz, n int) RETURNS timestamptz
          LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
            WITH d AS (SELECT (from_ts AT TIME ZONE 'America/Los_Angeles')::date AS day),
            first AS (
              SELECT b.ordinal, b.day = d.day AS same FROM d, business_days b
              WHERE b.day >= d.day ORDER BY b.day LIMIT 1
            )
            SELECT ((SELECT b.day FROM business_days b, first
                     WHERE b.ordinal = first.ordinal + n - CASE WHEN first.same OR n = 0 THEN 0 ELSE 1 END)
                    + 1)::timestamp AT TIME ZONE 'America/Los_Angeles'
          $fn$`);
    await queryRunner.query(`
          CREATE FUNCTION notes_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
          BEGIN
            RAISE EXCEPTION 'notes are never edited; write an amendment' USING ERRCODE = 'check_violation';
          END $fn$`);
    await queryRunner.query(
      `CREATE TRIGGER tr_notes_immutable BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION notes_immutable()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_notes_immutable ON notes`);
    await queryRunner.query(`DROP FUNCTION notes_immutable()`);
    await queryRunner.query(`DROP FUNCTION business_due_at(timestamptz, int)`);
    await queryRunner.query(`DROP SEQUENCE "case_number_seq"`);
    await queryRunner.query(`ALTER TABLE "notices" DROP CONSTRAINT "fk_notices_to_org"`);
    await queryRunner.query(`ALTER TABLE "notices" DROP CONSTRAINT "fk_notices_referral"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_case"`);
    await queryRunner.query(`ALTER TABLE "notes" DROP CONSTRAINT "fk_notes_amends"`);
    await queryRunner.query(`ALTER TABLE "notes" DROP CONSTRAINT "fk_notes_case"`);
    await queryRunner.query(
      `ALTER TABLE "service_enrollments" DROP CONSTRAINT "fk_service_enrollments_case"`,
    );
    await queryRunner.query(
      `ALTER TABLE "accountability_items" DROP CONSTRAINT "fk_accountability_items_case"`,
    );
    await queryRunner.query(`ALTER TABLE "goals" DROP CONSTRAINT "fk_goals_case"`);
    await queryRunner.query(`ALTER TABLE "assessments" DROP CONSTRAINT "fk_assessments_case"`);
    await queryRunner.query(`ALTER TABLE "consents" DROP CONSTRAINT "fk_consents_counterpart_org"`);
    await queryRunner.query(`ALTER TABLE "consents" DROP CONSTRAINT "fk_consents_case"`);
    await queryRunner.query(`ALTER TABLE "consents" DROP CONSTRAINT "fk_consents_youth"`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "fk_contacts_case"`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "fk_contacts_referral"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP CONSTRAINT "fk_case_events_case"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_primary_counselor"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_provider_org"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_youth"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_referral"`);
    await queryRunner.query(`ALTER TABLE "school_contacts" ALTER COLUMN "race_ethnicity" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "school_contacts" ALTER COLUMN "reason_codes" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "community_events" ALTER COLUMN "partners" SET DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "referrals" ALTER COLUMN "recommended_resource_ids" SET DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "referrals" ALTER COLUMN "reason_codes" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "youth" ALTER COLUMN "race_ethnicity" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "resources" ALTER COLUMN "languages" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "resources" ALTER COLUMN "urls" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "organizations" ALTER COLUMN "settings" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "changed_fields" SET DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "return_acknowledged_at"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "ineligible_reason"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "assigned_at"`);
    await queryRunner.query(`DROP INDEX "public"."ux_business_days_ordinal"`);
    await queryRunner.query(`DROP TABLE "business_days"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notices_to_org_sent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notices_referral"`);
    await queryRunner.query(`DROP INDEX "public"."ux_notices_referral_once"`);
    await queryRunner.query(`DROP TABLE "notices"`);
    await queryRunner.query(`DROP INDEX "public"."ux_follow_ups_case_window"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_youth_pending"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_org_due"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notes_case_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notes_amends"`);
    await queryRunner.query(`DROP TABLE "notes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_service_enrollments_case"`);
    await queryRunner.query(`DROP TABLE "service_enrollments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_accountability_items_case"`);
    await queryRunner.query(`DROP TABLE "accountability_items"`);
    await queryRunner.query(`DROP INDEX "public"."ix_goals_case"`);
    await queryRunner.query(`DROP TABLE "goals"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assessments_case_administered"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assessments_open_flags"`);
    await queryRunner.query(`DROP TABLE "assessments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consents_youth"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consents_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consents_referral"`);
    await queryRunner.query(`DROP TABLE "consents"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contacts_referral_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contacts_case_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contacts_service"`);
    await queryRunner.query(`DROP TABLE "contacts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_events_case_at"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_provider_status_opened"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_counselor_status_opened"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_youth"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_provider_closed"`);
    await queryRunner.query(`DROP INDEX "public"."ux_cases_referral"`);
    await queryRunner.query(`DROP INDEX "public"."ux_cases_case_number"`);
    await queryRunner.query(`DROP TABLE "cases"`);
  }
}
