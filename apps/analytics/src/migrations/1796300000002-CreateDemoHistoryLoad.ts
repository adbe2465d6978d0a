import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether this database has had the demo history of `npm start -- --demo` loaded (one row at most). */
export class CreateDemoHistoryLoad1796300000002 implements MigrationInterface {
  name = 'CreateDemoHistoryLoad1796300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE demo_history_load (id integer PRIMARY KEY CHECK (id = 1), loaded_at timestamp(3) with time zone NOT NULL, days integer NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE demo_history_load`);
  }
}
