import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly management reports: every generation of a month is a version of its own, kept as
 * generated (the figures, findings and the month's daily points), so a report read or downloaded
 * later says what it said when it was sent. Figures only: no personal data.
 */
export class CreateMonthlyReports1796300000000 implements MigrationInterface {
  name = 'CreateMonthlyReports1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE monthly_report (
        id uuid PRIMARY KEY,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        version integer NOT NULL CHECK (version >= 1),
        generated_at timestamp(3) with time zone NOT NULL,
        generated_by text NOT NULL,
        content jsonb NOT NULL,
        UNIQUE (month, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE monthly_report`);
  }
}
