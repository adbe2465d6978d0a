import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInquiry1764000000000 implements MigrationInterface {
  name = 'CreateInquiry1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE inquiry_channel AS ENUM ('PHONE', 'EMAIL', 'CHAT', 'WEB_FORM')`);
    await queryRunner.query(
      `CREATE TYPE inquiry_category AS ENUM ('FLIGHT_INFO', 'TICKETING', 'BAGGAGE', 'SPECIAL_SERVICES', 'PRODUCT', 'PRICE', 'ITINERARY', 'VISA', 'INSURANCE', 'ORDER_CHANGE', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE inquiry_status AS ENUM ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'ESCALATED', 'CLOSED', 'MERGED')`);
    await queryRunner.query(`CREATE TYPE message_direction AS ENUM ('INBOUND', 'OUTBOUND', 'NOTE')`);
    await queryRunner.query(
      `CREATE TYPE inquiry_history_kind AS ENUM ('RECEIVED', 'ANSWERED', 'FIRST_RESPONDED', 'SLA_BREACHED', 'ASSIGNED', 'CUSTOMER_LINKED', 'MERGED',
        'ORDER_CHANGE_REQUESTED', 'ORDER_CHANGE_UPDATED', 'CLOSED', 'REOPENED', 'ESCALATED', 'COMPLAINT_LINKED', 'ANONYMISED')`,
    );
    await queryRunner.query(`CREATE TYPE response_target AS ENUM ('FIRST_RESPONSE', 'REPLY')`);
    await queryRunner.query(`CREATE TYPE order_change_kind AS ENUM ('MODIFY', 'CANCEL', 'CONFIRM')`);
    await queryRunner.query(`CREATE TYPE order_change_status AS ENUM ('REQUESTED', 'IN_PROGRESS', 'DONE', 'REJECTED')`);

    await queryRunner.query(`
      CREATE TABLE inquiry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status inquiry_status NOT NULL DEFAULT 'NEW',
        channel inquiry_channel NOT NULL,
        category inquiry_category NOT NULL,
        subject text NOT NULL,
        customer_id uuid,
        contact_name text,
        contact_email text,
        contact_phone text,
        received_at timestamp(3) with time zone NOT NULL,
        first_response_due_at timestamp(3) with time zone NOT NULL,
        first_responded_at timestamp(3) with time zone,
        first_responded_by text,
        reply_due_at timestamp(3) with time zone,
        next_due_at timestamp(3) with time zone,
        assignee_id text,
        assignee_name text,
        assigned_at timestamp(3) with time zone,
        satisfied boolean,
        satisfaction_score smallint CHECK (satisfaction_score BETWEEN 1 AND 5),
        dissatisfaction_reason text,
        closed_without_satisfaction_reason text,
        closed_at timestamp(3) with time zone,
        closed_by text,
        merged_into_id uuid REFERENCES inquiry (id),
        escalated_at timestamp(3) with time zone,
        escalated_by text,
        complaint_id uuid,
        anonymised_at timestamp(3) with time zone,
        recorded_by character varying NOT NULL,
        created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
      )`);
    // inquiries: newest first, by customer, by assignee; the queue and the deadline monitor by next deadline.
    await queryRunner.query(`CREATE INDEX inquiry_received_at_id_idx ON inquiry (received_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX inquiry_customer_received_idx ON inquiry (customer_id, received_at, id)`);
    await queryRunner.query(`CREATE INDEX inquiry_assignee_status_idx ON inquiry (assignee_id, status)`);
    await queryRunner.query(`CREATE INDEX inquiry_queue_idx ON inquiry (next_due_at, id) WHERE next_due_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX inquiry_status_received_idx ON inquiry (status, received_at)`);
    // One complaint per escalated inquiry, and one inquiry per complaint.
    await queryRunner.query(`CREATE UNIQUE INDEX inquiry_complaint_key ON inquiry (complaint_id) WHERE complaint_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE inquiry_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inquiry_id uuid NOT NULL REFERENCES inquiry (id),
        original_inquiry_id uuid NOT NULL REFERENCES inquiry (id),
        direction message_direction NOT NULL,
        author_id text,
        author_name text,
        body text NOT NULL,
        sent_at timestamp(3) with time zone NOT NULL,
        cited_article_ids uuid[] NOT NULL DEFAULT '{}',
        attachments jsonb NOT NULL DEFAULT '[]',
        saved_reply_id uuid,
        sequence bigint GENERATED ALWAYS AS IDENTITY
      )`);
    await queryRunner.query(`CREATE INDEX inquiry_message_inquiry_sent_idx ON inquiry_message (inquiry_id, sent_at, sequence)`);

    await queryRunner.query(`
      CREATE TABLE inquiry_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inquiry_id uuid NOT NULL REFERENCES inquiry (id),
        original_inquiry_id uuid NOT NULL REFERENCES inquiry (id),
        kind inquiry_history_kind NOT NULL,
        actor_id text,
        detail text NOT NULL,
        at timestamp(3) with time zone NOT NULL,
        sequence bigint GENERATED ALWAYS AS IDENTITY
      )`);
    await queryRunner.query(`CREATE INDEX inquiry_history_inquiry_at_idx ON inquiry_history (inquiry_id, at, sequence)`);

    await queryRunner.query(`
      CREATE TABLE inquiry_sla_breach (
        inquiry_id uuid NOT NULL REFERENCES inquiry (id),
        target response_target NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        breached_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (inquiry_id, target, due_at)
      )`);

    await queryRunner.query(`
      CREATE TABLE response_policy (
        channel inquiry_channel PRIMARY KEY,
        first_response_seconds integer NOT NULL CHECK (first_response_seconds > 0),
        phone_rings integer CHECK (phone_rings > 0),
        reply_seconds integer NOT NULL CHECK (reply_seconds > 0),
        updated_by character varying NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE inquiry_agent (
        agent_id character varying PRIMARY KEY,
        name text,
        team character varying NOT NULL,
        available boolean NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        last_assigned_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE INDEX inquiry_agent_round_robin_idx ON inquiry_agent (last_assigned_at NULLS FIRST, agent_id) WHERE available`);

    await queryRunner.query(`
      CREATE TABLE saved_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team character varying NOT NULL,
        title character varying NOT NULL,
        body text NOT NULL,
        created_by character varying NOT NULL,
        archived_at timestamp(3) with time zone,
        created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX saved_reply_team_title_idx ON saved_reply (team, title, id) WHERE archived_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE order_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inquiry_id uuid NOT NULL REFERENCES inquiry (id),
        customer_id uuid,
        booking_reference character varying NOT NULL,
        kind order_change_kind NOT NULL,
        requested_changes text NOT NULL,
        status order_change_status NOT NULL DEFAULT 'REQUESTED',
        rejection_reason text,
        requested_by character varying NOT NULL,
        requested_at timestamp(3) with time zone NOT NULL,
        handled_by text,
        handled_by_name text,
        started_at timestamp(3) with time zone,
        completed_at timestamp(3) with time zone,
        version integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX order_change_inquiry_idx ON order_change (inquiry_id, requested_at, id)`);
    await queryRunner.query(`CREATE INDEX order_change_customer_idx ON order_change (customer_id, requested_at, id)`);
    await queryRunner.query(`CREATE INDEX order_change_requested_at_id_idx ON order_change (requested_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX order_change_booking_idx ON order_change (booking_reference)`);
    await queryRunner.query(`CREATE INDEX order_change_status_idx ON order_change (status, requested_at)`);

    await queryRunner.query(`
      CREATE TABLE known_customer (
        id uuid PRIMARY KEY,
        known_since timestamp(3) with time zone NOT NULL,
        erased_at timestamp(3) with time zone,
        merged_into uuid
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['known_customer', 'order_change', 'saved_reply', 'inquiry_agent', 'response_policy', 'inquiry_sla_breach', 'inquiry_history', 'inquiry_message', 'inquiry']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    for (const type of ['order_change_status', 'order_change_kind', 'response_target', 'inquiry_history_kind', 'message_direction', 'inquiry_status', 'inquiry_category', 'inquiry_channel']) {
      await queryRunner.query(`DROP TYPE ${type}`);
    }
  }
}
