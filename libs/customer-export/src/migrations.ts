import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The parts of customer data exports, in the database of every service that contributes one. */
export class CreateCustomerExportPart1764300000000 implements MigrationInterface {
  name = 'CreateCustomerExportPart1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_export_part (
        export_id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        document json NOT NULL,
        record_count integer NOT NULL CHECK (record_count >= 0),
        prepared_at timestamptz(3) NOT NULL,
        expires_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX customer_export_part_customer_idx ON customer_export_part (customer_id)`);
    await queryRunner.query(`CREATE INDEX customer_export_part_expires_at_idx ON customer_export_part (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer_export_part`);
  }
}
