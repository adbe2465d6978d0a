import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The interaction history records the timeline entries every service publishes: their kinds are
 * declared with the contract, so a new producer's kind must not need a crm migration (the column
 * becomes text), and the unique id is the entry's, not an event's.
 */
export class OpenInteractionKinds1764400000000 implements MigrationInterface {
  name = 'OpenInteractionKinds1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE interaction ALTER COLUMN kind TYPE text USING kind::text`);
    await queryRunner.query(`DROP TYPE interaction_kind`);
    await queryRunner.query(`ALTER TABLE interaction RENAME COLUMN event_id TO entry_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE interaction RENAME COLUMN entry_id TO event_id`);
    await queryRunner.query(`CREATE TYPE interaction_kind AS ENUM ('COMPLAINT', 'INQUIRY', 'ORDER_CHANGE', 'FOLLOW_UP', 'LOYALTY', 'COUPON', 'CUSTOMER_EVENT')`);
    // Entries of kinds this version does not know cannot be kept.
    await queryRunner.query(`DELETE FROM interaction WHERE kind NOT IN ('COMPLAINT', 'INQUIRY', 'ORDER_CHANGE', 'FOLLOW_UP', 'LOYALTY', 'COUPON', 'CUSTOMER_EVENT')`);
    await queryRunner.query(`ALTER TABLE interaction ALTER COLUMN kind TYPE interaction_kind USING kind::interaction_kind`);
  }
}
