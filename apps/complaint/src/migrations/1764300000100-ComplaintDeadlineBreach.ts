import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per missed deadline, keyed by complaint, deadline and due time: what the shared deadline
 * monitor records a breach against, so each breach counts once however many instances look. The
 * breached_at columns of complaint stay (the lists and Complaint.deadlines read them).
 */
export class ComplaintDeadlineBreach1764300000100 implements MigrationInterface {
  name = 'ComplaintDeadlineBreach1764300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaint_deadline_breach (
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        deadline text NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        breached_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (complaint_id, deadline, due_at))`);
    // Breaches recorded before the table existed.
    await queryRunner.query(`
      INSERT INTO complaint_deadline_breach (complaint_id, deadline, due_at, breached_at)
      SELECT id, 'FEEDBACK', feedback_due_at, feedback_breached_at FROM complaint WHERE feedback_breached_at IS NOT NULL
      UNION ALL
      SELECT id, 'DOT_ACKNOWLEDGMENT', dot_acknowledgment_due_at, dot_acknowledgment_breached_at FROM complaint
       WHERE dot_acknowledgment_breached_at IS NOT NULL AND dot_acknowledgment_due_at IS NOT NULL
      UNION ALL
      SELECT id, 'DOT_RESPONSE', dot_response_due_at, dot_response_breached_at FROM complaint
       WHERE dot_response_breached_at IS NOT NULL AND dot_response_due_at IS NOT NULL`);
    // Like the complaint itself, the record of its missed deadlines is kept.
    await queryRunner.query(
      `CREATE TRIGGER complaint_deadline_breach_never_deleted BEFORE DELETE OR TRUNCATE ON complaint_deadline_breach FOR EACH STATEMENT EXECUTE FUNCTION refuse_complaint_record_removal()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaint_deadline_breach`);
  }
}
