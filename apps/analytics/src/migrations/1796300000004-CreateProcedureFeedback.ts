import type { MigrationInterface, QueryRunner } from 'typeorm';

/** training's procedure feedback: an agent's 1-5 rating of a procedure article; neither the agent nor the comment. */
export class CreateProcedureFeedback1796300000004 implements MigrationInterface {
  name = 'CreateProcedureFeedback1796300000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE procedure_feedback (
        feedback_id uuid PRIMARY KEY,
        article_id uuid NOT NULL,
        rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
        commented boolean NOT NULL,
        given_at timestamp(3) with time zone NOT NULL
      );
      CREATE INDEX procedure_feedback_time ON procedure_feedback (given_at);`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE procedure_feedback`);
  }
}
