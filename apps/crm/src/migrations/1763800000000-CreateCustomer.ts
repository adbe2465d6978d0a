import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomer1763800000000 implements MigrationInterface {
  name = 'CreateCustomer1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TYPE customer_tier AS ENUM ('STANDARD', 'SILVER', 'GOLD', 'VIP')`);
    await queryRunner.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name character varying NOT NULL,
        email text,
        phone text,
        preferred_language character varying NOT NULL DEFAULT 'en',
        tier customer_tier NOT NULL DEFAULT 'STANDARD',
        created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        updated_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        version integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX customer_email_idx ON customer (email)`);
    await queryRunner.query(`CREATE INDEX customer_created_at_id_idx ON customer (created_at DESC, id DESC)`);
    // Searching by part of a name or e-mail (ILIKE '%…%') uses trigram indexes.
    await queryRunner.query(`CREATE INDEX customer_full_name_trgm_idx ON customer USING gin (full_name gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX customer_email_trgm_idx ON customer USING gin (email gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer`);
    await queryRunner.query(`DROP TYPE customer_tier`);
  }
}
