import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An escalated inquiry follows its complaint (registered, closed, reopened), and a key account's
 * agreed response time reaches its members' deadlines (customer.service_terms_changed).
 */
export class ComplaintProgressAndServiceTerms1766100000000 implements MigrationInterface {
  name = 'ComplaintProgressAndServiceTerms1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE complaint_progress AS ENUM ('REQUESTED', 'REGISTERED', 'CLOSED', 'REOPENED')`);
    await queryRunner.query(`
      ALTER TABLE inquiry
        ADD COLUMN complaint_progress complaint_progress,
        ADD COLUMN complaint_registration_number text,
        ADD COLUMN complaint_progress_at timestamp(3) with time zone`);
    await queryRunner.query(`
      UPDATE inquiry SET
        complaint_progress = CASE WHEN complaint_id IS NOT NULL THEN 'REGISTERED'::complaint_progress ELSE 'REQUESTED'::complaint_progress END,
        complaint_progress_at = escalated_at
      WHERE escalated_at IS NOT NULL`);
    await queryRunner.query(`ALTER TYPE inquiry_history_kind ADD VALUE IF NOT EXISTS 'COMPLAINT_CLOSED'`);
    await queryRunner.query(`ALTER TYPE inquiry_history_kind ADD VALUE IF NOT EXISTS 'COMPLAINT_REOPENED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inquiry DROP COLUMN complaint_progress, DROP COLUMN complaint_registration_number, DROP COLUMN complaint_progress_at`);
    await queryRunner.query(`DROP TYPE complaint_progress`);
  }
}
