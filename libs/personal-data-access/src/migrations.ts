import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PersonalDataAccess } from './personal-data-access.entity';

/**
 * The personal-data access log's table, in every service that shows personal data. crm's own
 * migration (CreatePrivacy1763900000005) created it before it came with this library, with the same
 * columns and indexes, so everything here is created only where it is missing.
 */
export class PersonalDataAccessTable1764900000000 implements MigrationInterface {
  name = 'PersonalDataAccessTable1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No foreign key to customer: the log outlives merges and erasures, it is the accountability record.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS personal_data_access (
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
    await queryRunner.query(`CREATE UNIQUE INDEX IF NOT EXISTS personal_data_access_read_key ON personal_data_access (read_id, customer_id, purpose)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS personal_data_access_customer_idx ON personal_data_access (customer_id, accessed_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS personal_data_access_accessor_idx ON personal_data_access (accessed_by, accessed_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS personal_data_access_time_idx ON personal_data_access (accessed_at DESC, id DESC)`);
  }

  async down(): Promise<void> {
    // Nothing: where the table predates this migration (crm), the service's own migration drops it; elsewhere the service's down drops it.
  }
}

/** The access log's table, for a service's entity list: `entities: [...PERSONAL_DATA_ACCESS_ENTITIES, …]`. */
export const PERSONAL_DATA_ACCESS_ENTITIES = [PersonalDataAccess];

/** Its migration, for a service's migration list: `migrations: [..., ...PERSONAL_DATA_ACCESS_MIGRATIONS]`. */
export const PERSONAL_DATA_ACCESS_MIGRATIONS = [PersonalDataAccessTable1764900000000];
