import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The customer's own view: their cases and each case's public steps, fed by other services' events. */
export class CustomerView1765050000000 implements MigrationInterface {
  name = 'CustomerView1765050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_view (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        customer_id uuid NOT NULL,
        reference text,
        category text,
        status text NOT NULL,
        deadline_kind text,
        deadline_at timestamp(3) with time zone,
        related_case_id uuid,
        opened_at timestamp(3) with time zone NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX case_view_customer_idx ON case_view (customer_id, updated_at DESC, id)`);
    await queryRunner.query(`
      CREATE TABLE case_view_step (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_view (id) ON DELETE CASCADE,
        kind text NOT NULL,
        at timestamp(3) with time zone NOT NULL,
        detail text,
        staff_id text
      )`);
    await queryRunner.query(`CREATE INDEX case_view_step_case_idx ON case_view_step (case_id, at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_view_step`);
    await queryRunner.query(`DROP TABLE case_view`);
  }
}
