import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referral_events action check gains 'acknowledge-return' (the referring officer has read a returned decision):
 * the entity listed it since CaseManagement, the database did not.
 */
export class ReferralEventActions1795841000000 implements MigrationInterface {
  name = 'ReferralEventActions1795841000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral_events" DROP CONSTRAINT "ck_referral_events_action"`);
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD CONSTRAINT "ck_referral_events_action" CHECK ("action" IN ('submit', 'acknowledge', 'request-info', 'assign', 'ineligible', 'mark-duplicate', 'override-eligibility', 'contact-completed', 'unable-to-contact', 'decline', 'enroll', 'withdraw', 'create', 'update', 'seal', 'acknowledge-return'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral_events" DROP CONSTRAINT "ck_referral_events_action"`);
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD CONSTRAINT "ck_referral_events_action" CHECK ("action" IN ('submit', 'acknowledge', 'request-info', 'assign', 'ineligible', 'mark-duplicate', 'override-eligibility', 'contact-completed', 'unable-to-contact', 'decline', 'enroll', 'withdraw', 'create', 'update', 'seal'))`,
    );
  }
}
