import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole complaint procedure: classification with root cause, assignment and the handler
 * roster, deadlines (feedback per urgency policy, pauses, US DOT), feedback, resolution with
 * compensation and approvals, closings, the append-only timeline, escalated inquiries, and the
 * indexes behind every list filter and order.
 */
export class ComplaintProcedure1763900000000 implements MigrationInterface {
  name = 'ComplaintProcedure1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TYPE root_cause_category AS ENUM ('STAFF_BEHAVIOUR', 'PROCESS', 'SYSTEM', 'PARTNER', 'OPERATIONS', 'COMMUNICATION', 'POLICY', 'EXTERNAL', 'NO_FAULT', 'OTHER')`);
    await q(`
      ALTER TABLE complaint
        ALTER COLUMN occurred_at DROP NOT NULL,
        ALTER COLUMN created_at DROP DEFAULT,
        ALTER COLUMN updated_at DROP DEFAULT,
        ADD COLUMN inquiry_id uuid,
        ADD COLUMN root_cause root_cause_category,
        ADD COLUMN root_cause_note text,
        ADD COLUMN booking_reference text,
        ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN assignee_id text,
        ADD COLUMN assignee_name text,
        ADD COLUMN department text,
        ADD COLUMN assigned_at timestamp(3) with time zone,
        ADD COLUMN waiting_since timestamp(3) with time zone,
        ADD COLUMN paused_ms bigint NOT NULL DEFAULT 0,
        ADD COLUMN feedback_started_at timestamp(3) with time zone,
        ADD COLUMN feedback_target_ms bigint,
        ADD COLUMN feedback_paused_ms bigint NOT NULL DEFAULT 0,
        ADD COLUMN feedback_due_at timestamp(3) with time zone,
        ADD COLUMN feedback_given_at timestamp(3) with time zone,
        ADD COLUMN feedback_breached_at timestamp(3) with time zone,
        ADD COLUMN dot_acknowledgment_due_at timestamp(3) with time zone,
        ADD COLUMN dot_acknowledged_at timestamp(3) with time zone,
        ADD COLUMN dot_acknowledgment_breached_at timestamp(3) with time zone,
        ADD COLUMN dot_response_due_at timestamp(3) with time zone,
        ADD COLUMN dot_responded_at timestamp(3) with time zone,
        ADD COLUMN dot_response_breached_at timestamp(3) with time zone,
        ADD COLUMN escalated_at timestamp(3) with time zone,
        ADD COLUMN escalated_to_role text,
        ADD COLUMN resolution_explanation text,
        ADD COLUMN resolved_at timestamp(3) with time zone,
        ADD COLUMN resolved_by text,
        ADD COLUMN closed_at timestamp(3) with time zone,
        ADD COLUMN reopened_count integer NOT NULL DEFAULT 0,
        ADD COLUMN anonymised_at timestamp(3) with time zone`);
    // Complaints registered before deadlines were tracked get the default 24-hour target.
    await q(`UPDATE complaint SET feedback_started_at = created_at, feedback_target_ms = 86400000, feedback_due_at = created_at + interval '24 hours'`);
    await q(`ALTER TABLE complaint ALTER COLUMN feedback_started_at SET NOT NULL, ALTER COLUMN feedback_target_ms SET NOT NULL, ALTER COLUMN feedback_due_at SET NOT NULL`);

    // One complaint per escalated inquiry, whatever is delivered twice.
    await q(`CREATE UNIQUE INDEX complaint_inquiry_key ON complaint (inquiry_id) WHERE inquiry_id IS NOT NULL`);
    // List filters and orders: each is an index range scan in the list's order.
    await q(`DROP INDEX complaint_customer_created_idx`);
    await q(`CREATE INDEX complaint_customer_created_idx ON complaint (customer_id, created_at DESC, id DESC)`);
    await q(`CREATE INDEX complaint_status_created_idx ON complaint (status, created_at DESC, id DESC)`);
    await q(`CREATE INDEX complaint_assignee_status_created_idx ON complaint (assignee_id, status, created_at DESC, id DESC)`);
    await q(`CREATE INDEX complaint_category_created_idx ON complaint (category, created_at DESC, id DESC)`);
    await q(`CREATE INDEX complaint_urgency_created_idx ON complaint (urgency, created_at DESC, id DESC)`);
    await q(`CREATE INDEX complaint_updated_idx ON complaint (updated_at DESC, id DESC)`);
    await q(`CREATE INDEX complaint_feedback_due_idx ON complaint (feedback_due_at, id) WHERE feedback_given_at IS NULL`);
    await q(`CREATE INDEX complaint_escalated_idx ON complaint (escalated_at DESC) WHERE escalated_at IS NOT NULL`);
    await q(`CREATE INDEX complaint_waiting_idx ON complaint (waiting_since) WHERE waiting_since IS NOT NULL`);
    await q(`CREATE INDEX complaint_description_search_idx ON complaint USING gin (to_tsvector('simple', description))`);
    // The deadline monitor looks only at deadlines still running.
    await q(`CREATE INDEX complaint_feedback_watch_idx ON complaint (feedback_due_at) WHERE feedback_given_at IS NULL AND feedback_breached_at IS NULL AND waiting_since IS NULL`);
    await q(`CREATE INDEX complaint_dot_acknowledgment_watch_idx ON complaint (dot_acknowledgment_due_at) WHERE dot_acknowledged_at IS NULL AND dot_acknowledgment_breached_at IS NULL`);
    await q(`CREATE INDEX complaint_dot_response_watch_idx ON complaint (dot_response_due_at) WHERE dot_responded_at IS NULL AND dot_response_breached_at IS NULL`);

    await q(`ALTER TABLE known_customer ADD COLUMN merged_into uuid`);

    // Nothing is ever deleted: complaints are archived, never removed.
    await q(`
      CREATE FUNCTION refuse_complaint_record_removal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is kept for traceability: rows are never removed', TG_TABLE_NAME;
      END $$`);
    await q(`
      CREATE FUNCTION refuse_complaint_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'complaint_history is append-only';
      END $$`);
    await q(`CREATE TRIGGER complaint_never_deleted BEFORE DELETE OR TRUNCATE ON complaint FOR EACH STATEMENT EXECUTE FUNCTION refuse_complaint_record_removal()`);

    await q(`
      CREATE TYPE complaint_action AS ENUM ('REGISTERED', 'ESCALATED_FROM_INQUIRY', 'CLASSIFIED', 'ASSIGNED', 'REASSIGNED', 'WORK_STARTED',
        'WAITING_ON_CUSTOMER', 'WAIT_ENDED', 'FEEDBACK_GIVEN', 'RESOLUTION_PLANNED', 'COMPENSATION_APPROVED', 'COMPENSATION_REJECTED',
        'RESOLVED', 'CLOSED', 'REOPENED', 'DEADLINE_BREACHED', 'ESCALATED', 'CUSTOMER_MERGED', 'ANONYMISED')`);
    await q(`
      CREATE TABLE complaint_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        at timestamp(3) with time zone NOT NULL,
        actor_id text NOT NULL,
        actor_name text,
        action complaint_action NOT NULL,
        from_status complaint_status,
        to_status complaint_status,
        changes jsonb NOT NULL DEFAULT '{}',
        reason text
      )`);
    await q(`CREATE INDEX complaint_history_complaint_idx ON complaint_history (complaint_id, id)`);
    await q(`CREATE TRIGGER complaint_history_append_only BEFORE UPDATE OR DELETE ON complaint_history FOR EACH ROW EXECUTE FUNCTION refuse_complaint_history_change()`);
    await q(`CREATE TRIGGER complaint_history_never_truncated BEFORE TRUNCATE ON complaint_history FOR EACH STATEMENT EXECUTE FUNCTION refuse_complaint_history_change()`);

    await q(`
      CREATE TABLE complaint_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        given_by text NOT NULL,
        given_by_name text,
        given_at timestamp(3) with time zone NOT NULL,
        channel contact_channel NOT NULL,
        sent_to text,
        actions_taken text NOT NULL,
        next_steps text NOT NULL,
        within_deadline boolean NOT NULL
      )`);
    await q(`CREATE INDEX complaint_feedback_complaint_idx ON complaint_feedback (complaint_id, given_at)`);

    await q(`
      CREATE TABLE complaint_closure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        closed_by text NOT NULL,
        closed_by_name text,
        closed_at timestamp(3) with time zone NOT NULL,
        satisfaction_score smallint CHECK (satisfaction_score BETWEEN 1 AND 5),
        satisfaction_comment text,
        without_satisfaction_reason text,
        CHECK (satisfaction_score IS NOT NULL OR without_satisfaction_reason IS NOT NULL)
      )`);
    await q(`CREATE INDEX complaint_closure_complaint_idx ON complaint_closure (complaint_id, closed_at)`);

    await q(`CREATE TYPE message_direction AS ENUM ('INBOUND', 'OUTBOUND', 'NOTE')`);
    await q(`
      CREATE TABLE complaint_conversation_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        position integer NOT NULL,
        direction message_direction NOT NULL,
        author_id text,
        at timestamp(3) with time zone NOT NULL,
        body text NOT NULL,
        UNIQUE (complaint_id, position)
      )`);

    await q(`CREATE TYPE compensation_kind AS ENUM ('REFUND', 'VOUCHER', 'LOYALTY_POINTS', 'MILES', 'SERVICE_GESTURE')`);
    await q(`CREATE TYPE approval_state AS ENUM ('NOT_REQUIRED', 'PENDING', 'APPROVED', 'REJECTED')`);
    await q(`
      CREATE TABLE compensation_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        position smallint NOT NULL,
        kind compensation_kind NOT NULL,
        amount numeric(12, 2) CHECK (amount > 0),
        currency character(3),
        quantity integer CHECK (quantity > 0),
        description text,
        reason text NOT NULL,
        assessed_value numeric(14, 2),
        approval approval_state NOT NULL,
        proposed_by text NOT NULL,
        proposed_at timestamp(3) with time zone NOT NULL,
        decided_by text,
        decided_by_name text,
        decided_at timestamp(3) with time zone,
        decision_note text,
        withdrawn_at timestamp(3) with time zone,
        granted_at timestamp(3) with time zone,
        CHECK ((amount IS NULL) = (currency IS NULL))
      )`);
    await q(`CREATE INDEX compensation_item_complaint_idx ON compensation_item (complaint_id, proposed_at, position)`);
    await q(`CREATE INDEX compensation_item_pending_idx ON compensation_item (proposed_at) WHERE approval = 'PENDING' AND withdrawn_at IS NULL`);

    await q(`
      CREATE TABLE complaint_handler (
        user_id text PRIMARY KEY,
        name text NOT NULL,
        department text,
        active boolean NOT NULL DEFAULT true,
        last_assigned_at timestamp(3) with time zone,
        updated_at timestamp(3) with time zone NOT NULL
      )`);

    await q(`
      CREATE TABLE complaint_deadline_policy (
        urgency urgency PRIMARY KEY,
        feedback_target_minutes integer CHECK (feedback_target_minutes > 0),
        updated_by text,
        updated_at timestamp(3) with time zone
      )`);
    // CRITICAL within 4 hours, HIGH within 12; MEDIUM and LOW take the service default (24 hours, A-3.2.4).
    await q(`INSERT INTO complaint_deadline_policy (urgency, feedback_target_minutes) VALUES ('CRITICAL', 240), ('HIGH', 720), ('MEDIUM', NULL), ('LOW', NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TABLE complaint_deadline_policy`);
    await q(`DROP TABLE complaint_handler`);
    await q(`DROP TABLE compensation_item`);
    await q(`DROP TYPE approval_state`);
    await q(`DROP TYPE compensation_kind`);
    await q(`DROP TABLE complaint_conversation_message`);
    await q(`DROP TYPE message_direction`);
    await q(`DROP TABLE complaint_closure`);
    await q(`DROP TABLE complaint_feedback`);
    await q(`DROP TABLE complaint_history`);
    await q(`DROP TYPE complaint_action`);
    await q(`DROP TRIGGER complaint_never_deleted ON complaint`);
    await q(`DROP FUNCTION refuse_complaint_history_change()`);
    await q(`DROP FUNCTION refuse_complaint_record_removal()`);
    await q(`ALTER TABLE known_customer DROP COLUMN merged_into`);
    for (const index of [
      'complaint_dot_response_watch_idx',
      'complaint_dot_acknowledgment_watch_idx',
      'complaint_feedback_watch_idx',
      'complaint_description_search_idx',
      'complaint_waiting_idx',
      'complaint_escalated_idx',
      'complaint_feedback_due_idx',
      'complaint_updated_idx',
      'complaint_urgency_created_idx',
      'complaint_category_created_idx',
      'complaint_assignee_status_created_idx',
      'complaint_status_created_idx',
      'complaint_customer_created_idx',
      'complaint_inquiry_key',
    ]) {
      await q(`DROP INDEX ${index}`);
    }
    await q(`CREATE INDEX complaint_customer_created_idx ON complaint (customer_id, created_at)`);
    await q(`
      ALTER TABLE complaint
        DROP COLUMN inquiry_id, DROP COLUMN root_cause, DROP COLUMN root_cause_note, DROP COLUMN booking_reference, DROP COLUMN attachments,
        DROP COLUMN assignee_id, DROP COLUMN assignee_name, DROP COLUMN department, DROP COLUMN assigned_at, DROP COLUMN waiting_since,
        DROP COLUMN paused_ms, DROP COLUMN feedback_started_at, DROP COLUMN feedback_target_ms, DROP COLUMN feedback_paused_ms,
        DROP COLUMN feedback_due_at, DROP COLUMN feedback_given_at, DROP COLUMN feedback_breached_at, DROP COLUMN dot_acknowledgment_due_at,
        DROP COLUMN dot_acknowledged_at, DROP COLUMN dot_acknowledgment_breached_at, DROP COLUMN dot_response_due_at, DROP COLUMN dot_responded_at,
        DROP COLUMN dot_response_breached_at, DROP COLUMN escalated_at, DROP COLUMN escalated_to_role, DROP COLUMN resolution_explanation,
        DROP COLUMN resolved_at, DROP COLUMN resolved_by, DROP COLUMN closed_at, DROP COLUMN reopened_count, DROP COLUMN anonymised_at,
        ALTER COLUMN created_at SET DEFAULT now(),
        ALTER COLUMN updated_at SET DEFAULT now()`);
    await q(`DROP TYPE root_cause_category`);
  }
}
