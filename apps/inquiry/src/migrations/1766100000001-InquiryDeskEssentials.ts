import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Priority and tags on inquiries, the category corrected after intake, the moment a running
 * deadline becomes at risk (and the warning sent for it, once per target and due time), and the
 * telephony system's call id (one inquiry per call).
 */
export class InquiryDeskEssentials1766100000001 implements MigrationInterface {
  name = 'InquiryDeskEssentials1766100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE inquiry_priority AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT')`);
    await queryRunner.query(`
      ALTER TABLE inquiry
        ADD COLUMN priority inquiry_priority NOT NULL DEFAULT 'NORMAL',
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN at_risk_at timestamp(3) with time zone,
        ADD COLUMN call_id text`);
    await queryRunner.query(`CREATE UNIQUE INDEX inquiry_call_id_key ON inquiry (call_id) WHERE call_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX inquiry_tags_idx ON inquiry USING gin (tags)`);
    // Deadlines running now become at risk when three quarters of their span have passed (the default).
    await queryRunner.query(`
      UPDATE inquiry SET at_risk_at = next_due_at - (next_due_at - received_at) * 0.25
      WHERE next_due_at IS NOT NULL AND next_due_at > received_at`);
    await queryRunner.query(`
      CREATE TABLE inquiry_sla_warning (
        inquiry_id uuid NOT NULL REFERENCES inquiry (id) ON DELETE CASCADE,
        target text NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        warned_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (inquiry_id, target, due_at)
      )`);
    for (const kind of ['CATEGORY_CORRECTED', 'PRIORITY_CHANGED', 'TAGS_CHANGED', 'RING_TIMES_REPORTED']) {
      await queryRunner.query(`ALTER TYPE inquiry_history_kind ADD VALUE IF NOT EXISTS '${kind}'`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inquiry_sla_warning`);
    await queryRunner.query(`ALTER TABLE inquiry DROP COLUMN priority, DROP COLUMN tags, DROP COLUMN at_risk_at, DROP COLUMN call_id`);
    await queryRunner.query(`DROP TYPE inquiry_priority`);
  }
}
