import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * training's course completions and overdue trainings (course.completed, training.overdue), for the
 * training-compliance figures. Staff user ids and course ids only; quiz scores in hundredths, so
 * that sums are exact.
 */
export class CreateTrainingFacts1796300000001 implements MigrationInterface {
  name = 'CreateTrainingFacts1796300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE course_completion (
        certificate_id uuid PRIMARY KEY,
        course_id uuid NOT NULL,
        staff_user_id text NOT NULL,
        recertification boolean NOT NULL,
        quiz_score_hundredths integer CHECK (quiz_score_hundredths BETWEEN 0 AND 10000),
        completed_at timestamp(3) with time zone NOT NULL
      );
      CREATE INDEX course_completion_time ON course_completion (completed_at);

      -- Once per person, course and due date (training publishes it so).
      CREATE TABLE training_overdue (
        course_id uuid NOT NULL,
        staff_user_id text NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        team text,
        reason text NOT NULL CHECK (reason IN ('NEVER_COMPLETED', 'CERTIFICATE_EXPIRED')),
        detected_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (course_id, staff_user_id, due_at)
      );
      CREATE INDEX training_overdue_time ON training_overdue (detected_at);`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE training_overdue, course_completion`);
  }
}
