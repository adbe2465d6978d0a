import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The points ledger, coupons and reward campaigns (T-2.3). */
export class CreateLoyalty1763900000004 implements MigrationInterface {
  name = 'CreateLoyalty1763900000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE loyalty_entry_kind AS ENUM ('EARN', 'REDEEM', 'ADJUST', 'EXPIRE')`);
    await queryRunner.query(`CREATE TYPE loyalty_source AS ENUM ('MANUAL', 'COMPLAINT_COMPENSATION', 'CAMPAIGN', 'EXPIRY')`);
    await queryRunner.query(`
      CREATE TABLE loyalty_account (
        customer_id uuid PRIMARY KEY REFERENCES customer (id),
        balance integer NOT NULL DEFAULT 0 CHECK (balance >= 0),
        lifetime_earned integer NOT NULL DEFAULT 0 CHECK (lifetime_earned >= 0),
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE loyalty_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer (id),
        kind loyalty_entry_kind NOT NULL,
        points integer NOT NULL CHECK (points <> 0),
        balance_after integer NOT NULL CHECK (balance_after >= 0),
        reason text NOT NULL,
        idempotency_key text NOT NULL,
        source loyalty_source NOT NULL,
        source_reference text,
        expires_at timestamp(3) with time zone,
        remaining integer CHECK (remaining >= 0 AND remaining <= points),
        recorded_by text NOT NULL,
        occurred_at timestamp(3) with time zone NOT NULL,
        CHECK ((points > 0) = (remaining IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX loyalty_entry_idempotency_key ON loyalty_entry (idempotency_key)`);
    await queryRunner.query(`CREATE INDEX loyalty_entry_customer_idx ON loyalty_entry (customer_id, occurred_at DESC, id DESC)`);
    // Unspent lots: spent oldest first per customer, and found by the expiry job.
    await queryRunner.query(`CREATE INDEX loyalty_entry_open_lots_idx ON loyalty_entry (customer_id, expires_at, id) WHERE remaining > 0`);
    await queryRunner.query(`CREATE INDEX loyalty_entry_expiry_idx ON loyalty_entry (expires_at) WHERE remaining > 0`);

    await queryRunner.query(`CREATE TYPE coupon_value_type AS ENUM ('AMOUNT', 'PERCENTAGE')`);
    await queryRunner.query(`CREATE TYPE coupon_source AS ENUM ('MANUAL', 'CAMPAIGN', 'COMPLAINT_COMPENSATION')`);
    await queryRunner.query(`CREATE TYPE coupon_status AS ENUM ('ACTIVE', 'REDEEMED', 'EXPIRED')`);
    await queryRunner.query(`
      CREATE TABLE coupon (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customer (id),
        value_type coupon_value_type NOT NULL,
        value numeric(12, 2) NOT NULL CHECK (value > 0),
        currency text CHECK (currency ~ '^[A-Z]{3}$'),
        valid_from timestamp(3) with time zone NOT NULL,
        valid_until timestamp(3) with time zone NOT NULL,
        conditions text,
        source coupon_source NOT NULL,
        source_reference text,
        status coupon_status NOT NULL DEFAULT 'ACTIVE',
        issued_by text NOT NULL,
        issued_at timestamp(3) with time zone NOT NULL,
        redeemed_at timestamp(3) with time zone,
        redeemed_by text,
        booking_reference text,
        version integer NOT NULL,
        CHECK ((value_type = 'AMOUNT') = (currency IS NOT NULL)),
        CHECK (value_type = 'AMOUNT' OR value <= 100),
        CHECK (valid_until > valid_from),
        CHECK ((status = 'REDEEMED') = (redeemed_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX coupon_code_key ON coupon (code)`);
    await queryRunner.query(`CREATE UNIQUE INDEX coupon_source_reference_key ON coupon (source_reference)`);
    await queryRunner.query(`CREATE INDEX coupon_customer_idx ON coupon (customer_id, issued_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX coupon_expiry_idx ON coupon (valid_until) WHERE status = 'ACTIVE'`);

    await queryRunner.query(`CREATE TYPE campaign_status AS ENUM ('DRAFT', 'ACTIVE', 'ENDED')`);
    await queryRunner.query(`
      CREATE TABLE campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        status campaign_status NOT NULL DEFAULT 'DRAFT',
        segment jsonb NOT NULL,
        reward_points integer CHECK (reward_points > 0),
        reward_coupon jsonb,
        starts_at timestamp(3) with time zone NOT NULL,
        ends_at timestamp(3) with time zone NOT NULL,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        launched_at timestamp(3) with time zone,
        version integer NOT NULL,
        CHECK (reward_points IS NOT NULL OR reward_coupon IS NOT NULL),
        CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX campaign_created_idx ON campaign (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX campaign_active_idx ON campaign (starts_at) WHERE status = 'ACTIVE'`);
    await queryRunner.query(`
      CREATE TABLE campaign_grant (
        campaign_id uuid NOT NULL REFERENCES campaign (id),
        customer_id uuid NOT NULL REFERENCES customer (id),
        granted_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (campaign_id, customer_id)
      )`);
    await queryRunner.query(`CREATE INDEX campaign_grant_customer_idx ON campaign_grant (customer_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE campaign_grant`);
    await queryRunner.query(`DROP TABLE campaign`);
    await queryRunner.query(`DROP TYPE campaign_status`);
    await queryRunner.query(`DROP TABLE coupon`);
    await queryRunner.query(`DROP TYPE coupon_status`);
    await queryRunner.query(`DROP TYPE coupon_source`);
    await queryRunner.query(`DROP TYPE coupon_value_type`);
    await queryRunner.query(`DROP TABLE loyalty_entry`);
    await queryRunner.query(`DROP TABLE loyalty_account`);
    await queryRunner.query(`DROP TYPE loyalty_source`);
    await queryRunner.query(`DROP TYPE loyalty_entry_kind`);
  }
}
