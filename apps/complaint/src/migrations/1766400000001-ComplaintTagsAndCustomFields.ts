import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tags and custom-field values on complaints, both filterable (the help-desk tables come with HELP_DESK_MIGRATIONS). */
export class ComplaintTagsAndCustomFields1766400000001 implements MigrationInterface {
  name = 'ComplaintTagsAndCustomFields1766400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE complaint ADD COLUMN tags text[] NOT NULL DEFAULT '{}', ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX complaint_tags_idx ON complaint USING gin (tags)`);
    await queryRunner.query(`CREATE INDEX complaint_custom_fields_idx ON complaint USING gin (custom_fields jsonb_path_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE complaint DROP COLUMN tags, DROP COLUMN custom_fields`);
  }
}
