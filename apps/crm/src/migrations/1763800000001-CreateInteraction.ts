import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInteraction1763800000001 implements MigrationInterface {
  name = 'CreateInteraction1763800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE interaction_kind AS ENUM ('COMPLAINT')`);
    await queryRunner.query(`
      CREATE TABLE interaction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        kind interaction_kind NOT NULL,
        summary text NOT NULL,
        reference_id text NOT NULL,
        reference_number text,
        source_service text NOT NULL,
        occurred_at timestamp(3) with time zone NOT NULL,
        event_id uuid NOT NULL UNIQUE
      )`);
    await queryRunner.query(`CREATE INDEX interaction_customer_occurred_idx ON interaction (customer_id, occurred_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE interaction`);
    await queryRunner.query(`DROP TYPE interaction_kind`);
  }
}
