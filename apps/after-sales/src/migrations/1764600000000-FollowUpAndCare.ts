import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Post-trip follow-up (T-4.1) and regular care (T-4.4): surveys, follow-up calls, contact
 * preferences, service-recovery tasks, care rules and care contacts. No foreign key to `trip`, so
 * this migration does not depend on the order it runs in relative to the trip tables.
 */
export class FollowUpAndCare1764600000000 implements MigrationInterface {
  name = 'FollowUpAndCare1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE follow_up_survey_status AS ENUM ('SCHEDULED', 'SENT', 'ANSWERED', 'SKIPPED', 'EXPIRED')`);
    await queryRunner.query(`CREATE TYPE follow_up_skip_reason AS ENUM ('RECENTLY_CONTACTED', 'NO_CONSENT', 'CUSTOMER_ERASED')`);
    await queryRunner.query(`
      CREATE TABLE follow_up_survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trip_id uuid NOT NULL UNIQUE,
        customer_id uuid NOT NULL,
        booking_reference text,
        components text[] NOT NULL,
        trip_ended_at timestamp(3) with time zone NOT NULL,
        status follow_up_survey_status NOT NULL,
        skip_reason follow_up_skip_reason,
        due_at timestamp(3) with time zone NOT NULL,
        sent_at timestamp(3) with time zone,
        reminder_due_at timestamp(3) with time zone,
        reminded_at timestamp(3) with time zone,
        link_expires_at timestamp(3) with time zone,
        answered_at timestamp(3) with time zone,
        nps integer CHECK (nps BETWEEN 0 AND 10),
        nps_reason text,
        ratings jsonb NOT NULL DEFAULT '[]',
        comment text,
        created_at timestamp(3) with time zone NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL,
        anonymised_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE INDEX follow_up_survey_customer_idx ON follow_up_survey (customer_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX follow_up_survey_due_idx ON follow_up_survey (due_at) WHERE status = 'SCHEDULED'`);
    await queryRunner.query(`CREATE INDEX follow_up_survey_reminder_idx ON follow_up_survey (reminder_due_at) WHERE status = 'SENT' AND reminded_at IS NULL`);
    await queryRunner.query(`CREATE INDEX follow_up_survey_list_idx ON follow_up_survey (created_at, id)`);

    await queryRunner.query(`CREATE TYPE follow_up_call_outcome AS ENUM ('REACHED_SATISFIED', 'REACHED_DISSATISFIED', 'NO_ANSWER', 'CALL_BACK', 'DECLINED')`);
    await queryRunner.query(`
      CREATE TABLE follow_up_call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        trip_id uuid,
        survey_id uuid REFERENCES follow_up_survey (id),
        outcome follow_up_call_outcome NOT NULL,
        nps integer CHECK (nps BETWEEN 0 AND 10),
        note text,
        called_at timestamp(3) with time zone NOT NULL,
        recorded_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        anonymised_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE INDEX follow_up_call_customer_idx ON follow_up_call (customer_id, called_at, id)`);

    await queryRunner.query(`
      CREATE TABLE customer_contact_preference (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        follow_up_consent boolean NOT NULL DEFAULT true,
        care_opt_out boolean NOT NULL DEFAULT false,
        consent_changed_at timestamp(3) with time zone,
        updated_by text NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    // Not unique: a merge moves the merged customer's row beside the survivor's (the stricter one wins).
    await queryRunner.query(`CREATE INDEX customer_contact_preference_customer_idx ON customer_contact_preference (customer_id)`);

    await queryRunner.query(`CREATE TYPE service_recovery_status AS ENUM ('OPEN', 'ESCALATED', 'RESOLVED')`);
    await queryRunner.query(`
      CREATE TABLE service_recovery_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL UNIQUE REFERENCES follow_up_survey (id),
        trip_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        booking_reference text,
        status service_recovery_status NOT NULL,
        reasons text[] NOT NULL,
        nps integer NOT NULL,
        ratings jsonb NOT NULL DEFAULT '[]',
        low_components text[] NOT NULL,
        customer_words text,
        trip_ended_at timestamp(3) with time zone NOT NULL,
        assigned_team text NOT NULL,
        assignee_id text,
        opened_at timestamp(3) with time zone NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        escalated_at timestamp(3) with time zone,
        escalated_by text,
        resolved_at timestamp(3) with time zone,
        resolved_by text,
        resolution_note text,
        updated_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL,
        anonymised_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE INDEX service_recovery_task_due_idx ON service_recovery_task (due_at, id)`);
    await queryRunner.query(`CREATE INDEX service_recovery_task_customer_idx ON service_recovery_task (customer_id, opened_at, id)`);

    await queryRunner.query(`CREATE TYPE care_rule_kind AS ENUM ('PRE_DEPARTURE_DOCUMENTS', 'PRE_DEPARTURE_VISA', 'PRE_DEPARTURE_CHECK_IN', 'TRIP_ANNIVERSARY')`);
    await queryRunner.query(`
      CREATE TABLE care_rule (
        kind care_rule_kind PRIMARY KEY,
        days_before integer NOT NULL CHECK (days_before BETWEEN 0 AND 365),
        active boolean NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO care_rule (kind, days_before, active, updated_by, updated_at) VALUES
        ('PRE_DEPARTURE_DOCUMENTS', 14, true, 'system', now()),
        ('PRE_DEPARTURE_VISA', 30, true, 'system', now()),
        ('PRE_DEPARTURE_CHECK_IN', 1, true, 'system', now()),
        ('TRIP_ANNIVERSARY', 0, true, 'system', now())`);
    await queryRunner.query(`CREATE TYPE care_contact_status AS ENUM ('OPEN', 'DONE', 'CANCELLED')`);
    await queryRunner.query(`
      CREATE TABLE care_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        trip_id uuid NOT NULL,
        kind care_rule_kind NOT NULL,
        occasion_at timestamp(3) with time zone NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        status care_contact_status NOT NULL,
        note text,
        done_at timestamp(3) with time zone,
        done_by text,
        created_at timestamp(3) with time zone NOT NULL,
        anonymised_at timestamp(3) with time zone,
        UNIQUE (trip_id, kind, occasion_at)
      )`);
    await queryRunner.query(`CREATE INDEX care_contact_due_idx ON care_contact (due_at, id)`);
    await queryRunner.query(`CREATE INDEX care_contact_customer_idx ON care_contact (customer_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE care_contact`);
    await queryRunner.query(`DROP TYPE care_contact_status`);
    await queryRunner.query(`DROP TABLE care_rule`);
    await queryRunner.query(`DROP TYPE care_rule_kind`);
    await queryRunner.query(`DROP TABLE service_recovery_task`);
    await queryRunner.query(`DROP TYPE service_recovery_status`);
    await queryRunner.query(`DROP TABLE customer_contact_preference`);
    await queryRunner.query(`DROP TABLE follow_up_call`);
    await queryRunner.query(`DROP TYPE follow_up_call_outcome`);
    await queryRunner.query(`DROP TABLE follow_up_survey`);
    await queryRunner.query(`DROP TYPE follow_up_skip_reason`);
    await queryRunner.query(`DROP TYPE follow_up_survey_status`);
  }
}
