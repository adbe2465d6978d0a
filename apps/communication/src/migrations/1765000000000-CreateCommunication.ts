import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts and consents from crm, the cases written about, deliveries, the staff inbox, inbound e-mail and the local mailbox. */
export class CreateCommunication1765000000000 implements MigrationInterface {
  name = 'CreateCommunication1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        name text,
        email text,
        phone text,
        preferred_language text NOT NULL DEFAULT 'en',
        changed_at timestamp(3) with time zone NOT NULL,
        anonymised_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE INDEX customer_contact_customer ON customer_contact (customer_id)`);
    await queryRunner.query(`CREATE INDEX customer_contact_email ON customer_contact (email)`);
    await queryRunner.query(`
      CREATE TABLE customer_consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('SERVICE', 'FOLLOW_UP', 'MARKETING')),
        channel text NOT NULL CHECK (channel IN ('ALL', 'EMAIL', 'SMS')),
        granted boolean NOT NULL,
        stated_at timestamp(3) with time zone NOT NULL,
        stated_by text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX customer_consent_customer ON customer_consent (customer_id, purpose, channel)`);
    await queryRunner.query(`
      CREATE TABLE customer_case (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('INQUIRY', 'COMPLAINT')),
        customer_id uuid,
        reference text,
        opened_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX customer_case_customer ON customer_case (customer_id)`);
    await queryRunner.query(`
      CREATE TABLE delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cause_event_id uuid NOT NULL,
        template_key text NOT NULL,
        template_version integer NOT NULL,
        purpose text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'IN_APP')),
        customer_id uuid,
        staff_user_id text,
        recipient_key text NOT NULL,
        address text,
        locale text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        thread_kind text,
        thread_id uuid,
        status text NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'BOUNCED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamp(3) with time zone,
        last_error text,
        provider_message_id text,
        queued_at timestamp(3) with time zone NOT NULL,
        sent_at timestamp(3) with time zone,
        settled_at timestamp(3) with time zone,
        anonymised_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX delivery_once_per_event ON delivery (cause_event_id, template_key, recipient_key)`);
    await queryRunner.query(`CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'QUEUED'`);
    await queryRunner.query(`CREATE INDEX delivery_customer ON delivery (customer_id)`);
    await queryRunner.query(`CREATE INDEX delivery_thread ON delivery (thread_id)`);
    await queryRunner.query(`CREATE INDEX delivery_provider_message ON delivery (provider_message_id)`);
    await queryRunner.query(`
      CREATE TABLE staff_notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        recipient text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        cause_event_id uuid NOT NULL,
        created_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX staff_notification_once_per_event ON staff_notification (cause_event_id, kind, recipient)`);
    await queryRunner.query(`CREATE INDEX staff_notification_recipient ON staff_notification (recipient, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE staff_notification_read (
        notification_id uuid NOT NULL REFERENCES staff_notification (id) ON DELETE CASCADE,
        user_id text NOT NULL,
        read_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (notification_id, user_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE staff_preference (
        user_id text PRIMARY KEY,
        email text,
        email_enabled boolean NOT NULL DEFAULT false,
        locale text NOT NULL DEFAULT 'en',
        roles text[] NOT NULL DEFAULT '{}',
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE inbound_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        header_message_id text NOT NULL,
        received_at timestamp(3) with time zone NOT NULL,
        from_address text NOT NULL,
        from_name text,
        customer_id uuid,
        thread_kind text,
        thread_id uuid,
        subject text NOT NULL,
        body text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ACCEPTED', 'DROPPED_AUTO_REPLY', 'DROPPED_LOOP', 'BOUNCE')),
        drop_reason text,
        anonymised_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX inbound_message_header_id ON inbound_message (header_message_id)`);
    await queryRunner.query(`CREATE INDEX inbound_message_customer ON inbound_message (customer_id)`);
    await queryRunner.query(`
      CREATE TABLE inbound_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inbound_message_id uuid NOT NULL REFERENCES inbound_message (id) ON DELETE CASCADE,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        content bytea
      )`);
    await queryRunner.query(`
      CREATE TABLE development_mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        received_at timestamp(3) with time zone NOT NULL,
        envelope_from text NOT NULL,
        envelope_to text[] NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        reply_to text,
        message_id text,
        dkim_signature text,
        raw text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['development_mail', 'inbound_attachment', 'inbound_message', 'staff_preference', 'staff_notification_read', 'staff_notification', 'delivery', 'customer_case', 'customer_consent', 'customer_contact']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
