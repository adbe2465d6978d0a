import { CreateCustomerExportPart1764300000000, CustomerExportPart } from '@carebridge/customer-export';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KnownCustomer } from './known-customer.entity';
import { PendingCustomerReference } from './pending-customer-reference.entity';

/**
 * The known-customer table, in every service that refers to crm's customers. complaint's and
 * inquiry's own first migrations created it before it came with this library, so it is created
 * only where it is missing.
 */
export class KnownCustomerTable1764310000000 implements MigrationInterface {
  name = 'KnownCustomerTable1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS known_customer (
        id uuid PRIMARY KEY,
        known_since timestamp(3) with time zone NOT NULL,
        erased_at timestamp(3) with time zone,
        merged_into uuid
      )`);
    await queryRunner.query(`ALTER TABLE known_customer ADD COLUMN IF NOT EXISTS merged_into uuid`);
  }

  async down(): Promise<void> {
    // Nothing: where the table predates this migration, the service's own migration drops it.
  }
}

/** References to customers crm has not announced yet (pending-customer-references.ts): ids only. */
export class PendingCustomerReferenceTable1766000000000 implements MigrationInterface {
  name = 'PendingCustomerReferenceTable1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS pending_customer_reference (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        record_kind text NOT NULL,
        record_id text NOT NULL,
        referred_at timestamp(3) with time zone NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        flagged_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX IF NOT EXISTS pending_customer_reference_record_key ON pending_customer_reference (record_kind, record_id)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS pending_customer_reference_customer_idx ON pending_customer_reference (customer_id)`);
    // The check looks only at references not flagged yet.
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS pending_customer_reference_due_idx ON pending_customer_reference (due_at) WHERE flagged_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS pending_customer_reference`);
  }
}

/** The tables of the customer-records port, for a service's entity list: `entities: [...KNOWN_CUSTOMER_ENTITIES, …]`. */
export const KNOWN_CUSTOMER_ENTITIES = [KnownCustomer, CustomerExportPart, PendingCustomerReference];

/** Their migrations, for a service's migration list: `migrations: [..., ...KNOWN_CUSTOMER_MIGRATIONS]`. */
export const KNOWN_CUSTOMER_MIGRATIONS = [CreateCustomerExportPart1764300000000, KnownCustomerTable1764310000000, PendingCustomerReferenceTable1766000000000];
