import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups from after-sales' care contacts (care_contact.due): a reason of their own and the care
 * contact they come from, one follow-up per care contact.
 */
export class CareFollowUps1764800000001 implements MigrationInterface {
  name = 'CareFollowUps1764800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE follow_up_reason ADD VALUE IF NOT EXISTS 'CARE_REMINDER'`);
    await queryRunner.query(`ALTER TABLE follow_up ADD COLUMN care_contact_id uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX follow_up_care_contact_uq ON follow_up (care_contact_id) WHERE care_contact_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX follow_up_care_contact_uq`);
    await queryRunner.query(`DELETE FROM follow_up WHERE reason = 'CARE_REMINDER'`);
    await queryRunner.query(`ALTER TABLE follow_up DROP COLUMN care_contact_id`);
    // An enum value cannot be dropped: the type is rebuilt without it.
    await queryRunner.query(`ALTER TYPE follow_up_reason RENAME TO follow_up_reason_old`);
    await queryRunner.query(`CREATE TYPE follow_up_reason AS ENUM ('MANUAL', 'RECURRING', 'COMPLAINT_CLOSED')`);
    await queryRunner.query(`ALTER TABLE follow_up ALTER COLUMN reason TYPE follow_up_reason USING reason::text::follow_up_reason`);
    await queryRunner.query(`DROP TYPE follow_up_reason_old`);
  }
}
