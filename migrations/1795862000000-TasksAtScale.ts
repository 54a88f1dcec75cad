import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Derived tasks at a million referrals. GET /api/tasks and the WIC 652.5 scheduler had to scan every ENROLLED
 * referral and join its case to find the 20-day clocks that lapsed without a service program (about 1 s), and the
 * officers' returned decisions and the supervisors' closure reviews had no index of their own (sequential scans).
 *
 * - `cases.due_service_start_at`: the referral's 20-day instant, copied when the case opens (it never changes once
 *   the referral is received), so one partial index holds only the open cases whose program did not start in time:
 *   the few the scheduler still has to look at.
 * - Partial indexes for the returned decisions waiting for the officer and the closure reviews waiting for the
 *   supervisor.
 */
export class TasksAtScale1795862000000 implements MigrationInterface {
  name = 'TasksAtScale1795862000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "due_service_start_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE cases c SET due_service_start_at = r.due_service_start_at FROM referrals r WHERE r.id = c.referral_id`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_program_lapse" ON "cases" ("provider_org_id", "due_service_start_at") WHERE status <> 'CLOSED' AND coalesce(service_program_initiated_at, 'infinity'::timestamptz) > due_service_start_at`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_closure_review" ON "cases" ("provider_org_id") WHERE status = 'CLOSURE_REVIEW'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_decision_returned" ON "referrals" ("referring_org_id", "referring_user_id") WHERE returned_to_referrer_at IS NOT NULL AND return_acknowledged_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_decision_returned"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_closure_review"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_program_lapse"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "due_service_start_at"`);
  }
}
