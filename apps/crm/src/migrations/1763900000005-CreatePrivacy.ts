import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The personal-data access log and the record of erasures. */
export class CreatePrivacy1763900000005 implements MigrationInterface {
  name = 'CreatePrivacy1763900000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No foreign key to customer: the log outlives merges and erasures, it is the accountability record.
    await queryRunner.query(`
      CREATE TABLE personal_data_access (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        accessed_by text NOT NULL,
        accessed_by_name text,
        accessor_roles text[] NOT NULL,
        fields text[] NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('READ', 'EXPORT')),
        read_id uuid NOT NULL,
        request_id text,
        accessed_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX personal_data_access_read_key ON personal_data_access (read_id, customer_id, purpose)`);
    await queryRunner.query(`CREATE INDEX personal_data_access_customer_idx ON personal_data_access (customer_id, accessed_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX personal_data_access_accessor_idx ON personal_data_access (accessed_by, accessed_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX personal_data_access_time_idx ON personal_data_access (accessed_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE customer_erasure (
        customer_id uuid PRIMARY KEY REFERENCES customer (id),
        erased_by text NOT NULL,
        reason text NOT NULL,
        erased_at timestamp(3) with time zone NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer_erasure`);
    await queryRunner.query(`DROP TABLE personal_data_access`);
  }
}
