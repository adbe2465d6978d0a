import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The interaction history also covers inquiries, order changes, follow-ups, loyalty, coupons and customer events. */
export class ExtendInteraction1763900000001 implements MigrationInterface {
  name = 'ExtendInteraction1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const kind of ['INQUIRY', 'ORDER_CHANGE', 'FOLLOW_UP', 'LOYALTY', 'COUPON', 'CUSTOMER_EVENT']) {
      await queryRunner.query(`ALTER TYPE interaction_kind ADD VALUE IF NOT EXISTS '${kind}'`);
    }
    // Entries crm records itself without an event of their own (attendance at a customer event) have none.
    await queryRunner.query(`ALTER TABLE interaction ALTER COLUMN event_id DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE interaction ADD COLUMN category text`);
    await queryRunner.query(`UPDATE interaction SET category = substring(summary from '\\(([A-Z_]+),') WHERE kind = 'COMPLAINT'`);
    await queryRunner.query(`CREATE INDEX interaction_reference_idx ON interaction (reference_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX interaction_reference_idx`);
    await queryRunner.query(`ALTER TABLE interaction DROP COLUMN category`);
    await queryRunner.query(`DELETE FROM interaction WHERE event_id IS NULL OR kind::text <> 'COMPLAINT'`);
    await queryRunner.query(`ALTER TABLE interaction ALTER COLUMN event_id SET NOT NULL`);
  }
}
