import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-trip incidents (T-1.4, T-4.3): cases, their timeline, baggage files and deliveries, partner tasks, computed entitlements.
 * The trip and segment are referred to by id without a foreign key: this migration may run before the trip tables exist.
 */
export class CreateIncident1764700000000 implements MigrationInterface {
  name = 'CreateIncident1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TYPE incident_type AS ENUM ('FLIGHT_DELAY', 'FLIGHT_CANCELLATION', 'FLIGHT_DIVERSION', 'DENIED_BOARDING', 'DOWNGRADE',
      'BAGGAGE_DELAYED', 'BAGGAGE_DAMAGED', 'BAGGAGE_PILFERED', 'BAGGAGE_LOST', 'ACCOMMODATION_PROBLEM', 'MEDICAL_EMERGENCY', 'NATURAL_DISASTER', 'SECURITY_EMERGENCY')`);
    await q(`CREATE TYPE incident_category AS ENUM ('FLIGHT_DISRUPTION', 'BAGGAGE', 'ACCOMMODATION', 'EMERGENCY')`);
    await q(`CREATE TYPE incident_severity AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')`);
    await q(`CREATE TYPE incident_status AS ENUM ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')`);
    await q(`CREATE TYPE baggage_file_status AS ENUM ('OPEN', 'SUSPENDED', 'CLOSED')`);
    await q(`CREATE TYPE baggage_file_outcome AS ENUM ('DELIVERED', 'COLLECTED', 'LOST', 'WITHDRAWN')`);
    await q(`CREATE TYPE baggage_loss_reason AS ENUM ('TRANSFER_MISHANDLING', 'FAILURE_TO_LOAD', 'TAGGING_ERROR', 'TICKETING_OR_CHECK_IN_ERROR', 'SECURITY_OR_CUSTOMS',
      'WEIGHT_OR_SPACE_RESTRICTION', 'ARRIVAL_STATION_MISHANDLING', 'PASSENGER_ERROR', 'DAMAGE_IN_HANDLING', 'PILFERAGE', 'OTHER')`);
    await q(`CREATE TYPE baggage_delivery_status AS ENUM ('ORDERED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED', 'CANCELLED')`);
    await q(`CREATE TYPE partner_kind AS ENUM ('HOTEL', 'GROUND_HANDLER', 'COURIER', 'INSURER', 'AIRLINE', 'TOUR_OPERATOR', 'DEPARTMENT', 'OTHER')`);
    await q(`CREATE TABLE incident_number_counter (year integer PRIMARY KEY, last_number integer NOT NULL)`);
    await q(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        customer_id uuid NOT NULL,
        trip_id uuid,
        segment_id uuid,
        type incident_type NOT NULL,
        category incident_category NOT NULL,
        severity incident_severity NOT NULL,
        status incident_status NOT NULL,
        reported_via text NOT NULL,
        description text NOT NULL,
        location text,
        occurred_at timestamp(3) with time zone,
        partners jsonb NOT NULL DEFAULT '[]',
        disruption jsonb,
        emergency_article_id text,
        opened_by text NOT NULL,
        opened_at timestamp(3) with time zone NOT NULL,
        resolved_at timestamp(3) with time zone,
        resolution text,
        closed_at timestamp(3) with time zone,
        complaint_raised_at timestamp(3) with time zone,
        updated_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL,
        anonymised_at timestamp(3) with time zone
      )`);
    await q(`CREATE UNIQUE INDEX incident_number_key ON incident (number)`);
    await q(`CREATE INDEX incident_customer_idx ON incident (customer_id)`);
    await q(`CREATE INDEX incident_trip_idx ON incident (trip_id)`);
    await q(`CREATE INDEX incident_status_idx ON incident (status, opened_at)`);
    await q(`
      CREATE TABLE incident_timeline_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        incident_id uuid NOT NULL REFERENCES incident (id),
        action text NOT NULL,
        at timestamp(3) with time zone NOT NULL,
        actor_id text NOT NULL,
        actor_name text,
        note text,
        changes jsonb NOT NULL DEFAULT '{}'
      )`);
    await q(`CREATE INDEX incident_timeline_entry_incident_idx ON incident_timeline_entry (incident_id, seq)`);
    // Append-only: entries are never deleted, and an update may only rewrite the note (erasure).
    await q(`
      CREATE FUNCTION refuse_incident_timeline_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN RAISE EXCEPTION 'incident_timeline_entry is append-only'; END IF;
        IF NEW.seq <> OLD.seq OR NEW.incident_id <> OLD.incident_id OR NEW.action <> OLD.action OR NEW.at <> OLD.at OR NEW.actor_id <> OLD.actor_id OR NEW.changes <> OLD.changes THEN
          RAISE EXCEPTION 'incident_timeline_entry is append-only: only erasure rewrites a note';
        END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER incident_timeline_entry_append_only BEFORE UPDATE OR DELETE ON incident_timeline_entry FOR EACH ROW EXECUTE FUNCTION refuse_incident_timeline_rewrite()`);
    await q(`CREATE TRIGGER incident_timeline_entry_never_truncated BEFORE TRUNCATE ON incident_timeline_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_incident_timeline_rewrite()`);
    await q(`
      CREATE TABLE baggage_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        incident_id uuid NOT NULL REFERENCES incident (id),
        status baggage_file_status NOT NULL,
        bag_tag text,
        bag_description text,
        opened_at timestamp(3) with time zone NOT NULL,
        found_at timestamp(3) with time zone,
        found_station text,
        suspended_at timestamp(3) with time zone,
        closed_at timestamp(3) with time zone,
        outcome baggage_file_outcome,
        loss_reason baggage_loss_reason,
        fault_station text,
        received_at timestamp(3) with time zone,
        updated_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL,
        CONSTRAINT baggage_file_reference_format CHECK (reference ~ '^[A-Z]{3}[A-Z0-9]{2}[0-9]{5}$'),
        CONSTRAINT baggage_file_closing CHECK (status <> 'CLOSED' OR (loss_reason IS NOT NULL AND fault_station IS NOT NULL AND outcome IS NOT NULL))
      )`);
    await q(`CREATE UNIQUE INDEX baggage_file_reference_key ON baggage_file (reference)`);
    await q(`CREATE UNIQUE INDEX baggage_file_incident_key ON baggage_file (incident_id)`);
    await q(`
      CREATE TABLE baggage_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        baggage_file_id uuid NOT NULL REFERENCES baggage_file (id),
        incident_id uuid NOT NULL REFERENCES incident (id),
        courier text NOT NULL,
        address text NOT NULL,
        status baggage_delivery_status NOT NULL,
        ordered_at timestamp(3) with time zone NOT NULL,
        ordered_by text NOT NULL,
        expected_at timestamp(3) with time zone,
        delivered_at timestamp(3) with time zone,
        status_at timestamp(3) with time zone NOT NULL
      )`);
    await q(`CREATE INDEX baggage_delivery_file_idx ON baggage_delivery (baggage_file_id, ordered_at)`);
    await q(`
      CREATE TABLE baggage_delivery_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES baggage_delivery (id),
        incident_id uuid NOT NULL REFERENCES incident (id),
        update_id text NOT NULL,
        status baggage_delivery_status NOT NULL,
        at timestamp(3) with time zone NOT NULL,
        note text,
        recorded_at timestamp(3) with time zone NOT NULL
      )`);
    await q(`CREATE UNIQUE INDEX baggage_delivery_update_key ON baggage_delivery_update (delivery_id, update_id)`);
    await q(`
      CREATE TABLE partner_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id),
        partner_kind partner_kind NOT NULL,
        partner_name text NOT NULL,
        owner_id text NOT NULL,
        request text NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CANCELLED')),
        answer text,
        answered_at timestamp(3) with time zone,
        answered_by text,
        overdue_at timestamp(3) with time zone,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL
      )`);
    await q(`CREATE INDEX partner_task_incident_idx ON partner_task (incident_id, created_at)`);
    await q(`CREATE INDEX partner_task_open_due_idx ON partner_task (due_at) WHERE status = 'OPEN'`);
    // The deadline monitor's record: each overdue task is announced once per due time.
    await q(`
      CREATE TABLE partner_task_deadline_breach (
        task_id uuid NOT NULL REFERENCES partner_task (id),
        deadline text NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        breached_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (task_id, deadline, due_at)
      )`);
    await q(`
      CREATE TABLE incident_entitlement_computation (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incident (id),
        computed_by text NOT NULL,
        computed_at timestamp(3) with time zone NOT NULL,
        assessment jsonb NOT NULL
      )`);
    await q(`
      CREATE TABLE incident_entitlement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id),
        computation_id uuid NOT NULL REFERENCES incident_entitlement_computation (id),
        regime text NOT NULL,
        kind text NOT NULL,
        measure text NOT NULL,
        amount numeric(14, 2),
        currency text,
        share_percent integer,
        legal_basis text NOT NULL,
        articles text[] NOT NULL,
        explanation text NOT NULL,
        rule_version text NOT NULL,
        computed_at timestamp(3) with time zone NOT NULL,
        superseded_at timestamp(3) with time zone
      )`);
    await q(`CREATE INDEX incident_entitlement_incident_idx ON incident_entitlement (incident_id, computed_at)`);
    await q(`
      CREATE TABLE incident_deadline (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident (id),
        computation_id uuid NOT NULL REFERENCES incident_entitlement_computation (id),
        regime text NOT NULL,
        kind text NOT NULL,
        entitlement text NOT NULL,
        due_at timestamp(3) with time zone,
        description text NOT NULL,
        article text NOT NULL,
        superseded_at timestamp(3) with time zone
      )`);
    await q(`CREATE INDEX incident_deadline_incident_idx ON incident_deadline (incident_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'incident_deadline',
      'incident_entitlement',
      'incident_entitlement_computation',
      'partner_task_deadline_breach',
      'partner_task',
      'baggage_delivery_update',
      'baggage_delivery',
      'baggage_file',
      'incident_timeline_entry',
      'incident',
      'incident_number_counter',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_incident_timeline_rewrite()`);
    for (const type of ['partner_kind', 'baggage_delivery_status', 'baggage_loss_reason', 'baggage_file_outcome', 'baggage_file_status', 'incident_status', 'incident_severity', 'incident_category', 'incident_type']) {
      await queryRunner.query(`DROP TYPE ${type}`);
    }
  }
}
