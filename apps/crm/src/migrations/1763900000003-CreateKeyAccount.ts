import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Key accounts with members, account managers and service terms; customer events with invitations (T-2.4, A-3.4.3). */
export class CreateKeyAccount1763900000003 implements MigrationInterface {
  name = 'CreateKeyAccount1763900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE key_account_kind AS ENUM ('CORPORATE', 'PRIVATE_CLIENT')`);
    await queryRunner.query(`CREATE TYPE key_account_status AS ENUM ('ACTIVE', 'CLOSED')`);
    await queryRunner.query(`
      CREATE TABLE key_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind key_account_kind NOT NULL,
        status key_account_status NOT NULL DEFAULT 'ACTIVE',
        account_manager_id text NOT NULL,
        account_manager_name text,
        service_terms jsonb NOT NULL,
        member_tier customer_tier NOT NULL,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX key_account_name_key ON key_account (lower(name))`);
    await queryRunner.query(`CREATE INDEX key_account_created_idx ON key_account (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX key_account_manager_idx ON key_account (account_manager_id)`);
    await queryRunner.query(`
      CREATE TABLE key_account_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_account_id uuid NOT NULL REFERENCES key_account (id),
        customer_id uuid NOT NULL UNIQUE REFERENCES customer (id),
        position text,
        added_by text NOT NULL,
        added_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX key_account_member_account_idx ON key_account_member (key_account_id, added_at, id)`);

    await queryRunner.query(`CREATE TYPE customer_event_status AS ENUM ('PLANNED', 'HELD', 'CANCELLED')`);
    await queryRunner.query(`CREATE TYPE invitation_status AS ENUM ('INVITED', 'ACCEPTED', 'DECLINED', 'ATTENDED', 'NO_SHOW')`);
    await queryRunner.query(`
      CREATE TABLE customer_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_account_id uuid REFERENCES key_account (id),
        title text NOT NULL,
        description text,
        venue text,
        starts_at timestamp(3) with time zone NOT NULL,
        ends_at timestamp(3) with time zone NOT NULL,
        status customer_event_status NOT NULL DEFAULT 'PLANNED',
        organised_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL,
        CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX customer_event_starts_idx ON customer_event (starts_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX customer_event_account_idx ON customer_event (key_account_id, starts_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE customer_event_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES customer_event (id),
        customer_id uuid NOT NULL REFERENCES customer (id),
        status invitation_status NOT NULL DEFAULT 'INVITED',
        invited_by text NOT NULL,
        invited_at timestamp(3) with time zone NOT NULL,
        responded_at timestamp(3) with time zone,
        UNIQUE (event_id, customer_id)
      )`);
    await queryRunner.query(`CREATE INDEX customer_event_invitation_customer_idx ON customer_event_invitation (customer_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer_event_invitation`);
    await queryRunner.query(`DROP TABLE customer_event`);
    await queryRunner.query(`DROP TYPE invitation_status`);
    await queryRunner.query(`DROP TYPE customer_event_status`);
    await queryRunner.query(`DROP TABLE key_account_member`);
    await queryRunner.query(`DROP TABLE key_account`);
    await queryRunner.query(`DROP TYPE key_account_status`);
    await queryRunner.query(`DROP TYPE key_account_kind`);
  }
}
