import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer data exports (right of access, A-5.3): the request, crm's part and the other services' reports. */
export class CreateCustomerDataExport1764300000000 implements MigrationInterface {
  name = 'CreateCustomerDataExport1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_data_export (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customer (id),
        status text NOT NULL CHECK (status IN ('COLLECTING', 'COMPLETE', 'INCOMPLETE', 'EXPIRED')),
        reason text NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamp(3) with time zone NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        completed_at timestamp(3) with time zone,
        expires_at timestamp(3) with time zone NOT NULL,
        crm_document json,
        prepared_parts jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX customer_data_export_customer_idx ON customer_data_export (customer_id, requested_at DESC, id DESC)`);
    // The deadline and expiry jobs look only at exports still waiting or not yet expired.
    await queryRunner.query(`CREATE INDEX customer_data_export_due_idx ON customer_data_export (due_at) WHERE status = 'COLLECTING'`);
    await queryRunner.query(`CREATE INDEX customer_data_export_expiry_idx ON customer_data_export (expires_at) WHERE status <> 'EXPIRED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer_data_export`);
  }
}
