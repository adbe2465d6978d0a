import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Follow-ups and recurring follow-up plans (T-2.1, A-3.4.2). */
export class CreateFollowUp1763900000002 implements MigrationInterface {
  name = 'CreateFollowUp1763900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE follow_up_kind AS ENUM ('CALL', 'VISIT', 'EMAIL')`);
    await queryRunner.query(`CREATE TYPE follow_up_reason AS ENUM ('MANUAL', 'RECURRING', 'COMPLAINT_CLOSED')`);
    await queryRunner.query(`CREATE TYPE follow_up_status AS ENUM ('SCHEDULED', 'COMPLETED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TYPE follow_up_outcome AS ENUM ('REACHED', 'NOT_REACHED', 'DECLINED')`);
    await queryRunner.query(`
      CREATE TABLE follow_up_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer (id),
        kind follow_up_kind NOT NULL,
        every_days integer NOT NULL CHECK (every_days BETWEEN 1 AND 366),
        owner_id text,
        purpose text,
        next_due_at timestamp(3) with time zone NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX follow_up_plan_due_idx ON follow_up_plan (next_due_at) WHERE active`);
    await queryRunner.query(`CREATE INDEX follow_up_plan_customer_idx ON follow_up_plan (customer_id)`);
    await queryRunner.query(`
      CREATE TABLE follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customer (id),
        kind follow_up_kind NOT NULL,
        reason follow_up_reason NOT NULL,
        status follow_up_status NOT NULL DEFAULT 'SCHEDULED',
        due_at timestamp(3) with time zone NOT NULL,
        owner_id text,
        purpose text,
        complaint_id uuid,
        plan_id uuid REFERENCES follow_up_plan (id),
        outcome follow_up_outcome,
        satisfaction_score smallint CHECK (satisfaction_score BETWEEN 1 AND 5),
        new_needs text,
        notes text,
        completed_by text,
        completed_at timestamp(3) with time zone,
        cancel_reason text,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL,
        CHECK ((status = 'COMPLETED') = (outcome IS NOT NULL))
      )`);
    // One open follow-up per closed complaint, whatever the number of deliveries of complaint.closed.
    await queryRunner.query(`CREATE UNIQUE INDEX follow_up_complaint_open_key ON follow_up (complaint_id) WHERE reason = 'COMPLAINT_CLOSED' AND status = 'SCHEDULED'`);
    // One follow-up per plan occurrence, however often the recurring job runs.
    await queryRunner.query(`CREATE UNIQUE INDEX follow_up_plan_occurrence_key ON follow_up (plan_id, due_at) WHERE plan_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX follow_up_owner_due_idx ON follow_up (owner_id, status, due_at, id)`);
    await queryRunner.query(`CREATE INDEX follow_up_status_due_idx ON follow_up (status, due_at, id)`);
    await queryRunner.query(`CREATE INDEX follow_up_customer_idx ON follow_up (customer_id, due_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE follow_up`);
    await queryRunner.query(`DROP TABLE follow_up_plan`);
    await queryRunner.query(`DROP TYPE follow_up_outcome`);
    await queryRunner.query(`DROP TYPE follow_up_status`);
    await queryRunner.query(`DROP TYPE follow_up_reason`);
    await queryRunner.query(`DROP TYPE follow_up_kind`);
  }
}
