import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Detailed profiles (T-1.6, A-3.4.1): several contacts with one primary of each kind, travel
 * documents, preferences, consents, tags, completeness and verification, the tier's rule, and the
 * MERGED / ERASED states. The existing e-mail and phone become each customer's primary contacts.
 */
export class EvolveCustomerProfile1763900000000 implements MigrationInterface {
  name = 'EvolveCustomerProfile1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE customer_status AS ENUM ('ACTIVE', 'MERGED', 'ERASED')`);
    await queryRunner.query(`CREATE TYPE customer_tier_rule AS ENUM ('DEFAULT', 'MANUAL', 'POINTS_EARNED', 'KEY_ACCOUNT')`);
    await queryRunner.query(`CREATE TYPE preferred_channel AS ENUM ('EMAIL', 'PHONE', 'SMS', 'POST')`);
    await queryRunner.query(`
      ALTER TABLE customer
        ADD COLUMN status customer_status NOT NULL DEFAULT 'ACTIVE',
        ADD COLUMN merged_into_id uuid REFERENCES customer (id),
        ADD COLUMN preferred_channel preferred_channel,
        ADD COLUMN travel_preferences jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN marketing_consent boolean NOT NULL DEFAULT false,
        ADD COLUMN follow_up_consent boolean NOT NULL DEFAULT true,
        ADD COLUMN consents_updated_at timestamp(3) with time zone,
        ADD COLUMN notes text,
        ADD COLUMN completeness smallint NOT NULL DEFAULT 0 CHECK (completeness BETWEEN 0 AND 100),
        ADD COLUMN profile_gaps text[] NOT NULL DEFAULT '{}',
        ADD COLUMN last_verified_at timestamp(3) with time zone,
        ADD COLUMN last_verified_by text,
        ADD COLUMN tier_rule customer_tier_rule NOT NULL DEFAULT 'DEFAULT',
        ADD COLUMN tier_reason text,
        ADD COLUMN tier_set_at timestamp(3) with time zone,
        ADD COLUMN erased_at timestamp(3) with time zone`);
    // Existing profiles count as verified when captured; their completeness follows the same rule as the code's.
    await queryRunner.query(`
      UPDATE customer SET
        last_verified_at = created_at,
        tier_set_at = created_at,
        tier_rule = CASE WHEN tier = 'STANDARD' THEN 'DEFAULT'::customer_tier_rule ELSE 'MANUAL'::customer_tier_rule END,
        completeness = round(100.0 * (1 + (email IS NOT NULL)::int + (phone IS NOT NULL)::int) / 11),
        profile_gaps = array_remove(ARRAY[
          CASE WHEN email IS NULL THEN 'email' END, CASE WHEN phone IS NULL THEN 'phone' END,
          'preferredChannel', 'seat', 'meal', 'destinations', 'budgetBand', 'travelStyles', 'travelDocument', 'consents'], NULL)`);
    await queryRunner.query(`ALTER TABLE customer ALTER COLUMN last_verified_at SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX customer_status_verified_idx ON customer (status, last_verified_at, id)`);
    await queryRunner.query(`CREATE INDEX customer_status_created_idx ON customer (status, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX customer_status_tier_created_idx ON customer (status, tier, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX customer_tags_idx ON customer USING gin (tags)`);
    await queryRunner.query(`CREATE INDEX customer_merged_into_idx ON customer (merged_into_id) WHERE merged_into_id IS NOT NULL`);

    await queryRunner.query(`CREATE TYPE contact_kind AS ENUM ('EMAIL', 'PHONE')`);
    await queryRunner.query(`
      CREATE TABLE customer_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
        kind contact_kind NOT NULL,
        value text NOT NULL,
        label text,
        is_primary boolean NOT NULL DEFAULT false,
        created_at timestamp(3) with time zone NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX customer_contact_value_key ON customer_contact (customer_id, kind, value)`);
    await queryRunner.query(`CREATE UNIQUE INDEX customer_contact_primary_key ON customer_contact (customer_id, kind) WHERE is_primary`);
    // Duplicate detection looks customers up by an e-mail address or phone number.
    await queryRunner.query(`CREATE INDEX customer_contact_lookup_idx ON customer_contact (kind, value)`);
    await queryRunner.query(
      `INSERT INTO customer_contact (customer_id, kind, value, is_primary, created_at) SELECT id, 'EMAIL', email, true, created_at FROM customer WHERE email IS NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO customer_contact (customer_id, kind, value, is_primary, created_at) SELECT id, 'PHONE', phone, true, created_at FROM customer WHERE phone IS NOT NULL`,
    );

    await queryRunner.query(`CREATE TYPE travel_document_kind AS ENUM ('PASSPORT', 'NATIONAL_ID_CARD', 'VISA', 'RESIDENCE_PERMIT')`);
    await queryRunner.query(`
      CREATE TABLE travel_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
        kind travel_document_kind NOT NULL,
        number text NOT NULL,
        issuing_country text NOT NULL,
        expires_on date,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX travel_document_number_key ON travel_document (customer_id, kind, issuing_country, number)`);

    await queryRunner.query(`
      CREATE TABLE customer_merge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survivor_id uuid NOT NULL REFERENCES customer (id),
        merged_id uuid NOT NULL UNIQUE REFERENCES customer (id),
        merged_by text NOT NULL,
        merged_at timestamp(3) with time zone NOT NULL,
        moved jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX customer_merge_survivor_idx ON customer_merge (survivor_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer_merge`);
    await queryRunner.query(`DROP TABLE travel_document`);
    await queryRunner.query(`DROP TYPE travel_document_kind`);
    await queryRunner.query(`DROP TABLE customer_contact`);
    await queryRunner.query(`DROP TYPE contact_kind`);
    await queryRunner.query(`DROP INDEX customer_merged_into_idx`);
    await queryRunner.query(`DROP INDEX customer_tags_idx`);
    await queryRunner.query(`DROP INDEX customer_status_tier_created_idx`);
    await queryRunner.query(`DROP INDEX customer_status_created_idx`);
    await queryRunner.query(`DROP INDEX customer_status_verified_idx`);
    await queryRunner.query(`
      ALTER TABLE customer
        DROP COLUMN status, DROP COLUMN merged_into_id, DROP COLUMN preferred_channel, DROP COLUMN travel_preferences,
        DROP COLUMN tags, DROP COLUMN marketing_consent, DROP COLUMN follow_up_consent, DROP COLUMN consents_updated_at,
        DROP COLUMN notes, DROP COLUMN completeness, DROP COLUMN profile_gaps, DROP COLUMN last_verified_at,
        DROP COLUMN last_verified_by, DROP COLUMN tier_rule, DROP COLUMN tier_reason, DROP COLUMN tier_set_at, DROP COLUMN erased_at`);
    await queryRunner.query(`DROP TYPE preferred_channel`);
    await queryRunner.query(`DROP TYPE customer_tier_rule`);
    await queryRunner.query(`DROP TYPE customer_status`);
  }
}
