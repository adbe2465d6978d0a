import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per transaction that changed facts: the earliest instant whose figures it may have
 * changed, and the transaction's id. A period's remembered figures stay valid while every change
 * their snapshot did not see lies at or after the period's end (figures/caching-figure-engine.ts).
 */
export class CreateFactChanges1796300000003 implements MigrationInterface {
  name = 'CreateFactChanges1796300000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fact_change (
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        affected_from timestamp(3) with time zone NOT NULL,
        recorded_at timestamp(3) with time zone NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX fact_change_xid ON fact_change (xid);
      CREATE INDEX fact_change_recorded ON fact_change (recorded_at);`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE fact_change`);
  }
}
