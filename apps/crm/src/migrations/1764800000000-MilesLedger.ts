import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Miles on crm's loyalty ledger: a unit of their own beside points (complaint compensation grants
 * them), with their balance on the customer's account and their own ledger, booked once per key.
 */
export class MilesLedger1764800000000 implements MigrationInterface {
  name = 'MilesLedger1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE loyalty_account ADD COLUMN miles_balance integer NOT NULL DEFAULT 0 CHECK (miles_balance >= 0)`);
    await queryRunner.query(`
      CREATE TABLE miles_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer (id),
        miles integer NOT NULL CHECK (miles <> 0),
        balance_after integer NOT NULL CHECK (balance_after >= 0),
        reason text NOT NULL,
        idempotency_key text NOT NULL,
        source loyalty_source NOT NULL,
        source_reference text,
        recorded_by text NOT NULL,
        occurred_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX miles_entry_idempotency_key ON miles_entry (idempotency_key)`);
    await queryRunner.query(`CREATE INDEX miles_entry_customer_idx ON miles_entry (customer_id, occurred_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE miles_entry`);
    await queryRunner.query(`ALTER TABLE loyalty_account DROP COLUMN miles_balance`);
  }
}
