import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Custom-field values on inquiries, filterable (the help-desk tables come with HELP_DESK_MIGRATIONS). */
export class InquiryCustomFields1766400000001 implements MigrationInterface {
  name = 'InquiryCustomFields1766400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE inquiry_history_kind ADD VALUE IF NOT EXISTS 'CUSTOM_FIELDS_CHANGED'`);
    await queryRunner.query(`ALTER TABLE inquiry ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX inquiry_custom_fields_idx ON inquiry USING gin (custom_fields jsonb_path_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The enum value stays: PostgreSQL cannot drop one, and history rows may name it.
    await queryRunner.query(`ALTER TABLE inquiry DROP COLUMN custom_fields`);
  }
}
