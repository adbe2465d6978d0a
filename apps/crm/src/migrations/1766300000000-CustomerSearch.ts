import { SEARCH_FUNCTIONS_SQL } from '@carebridge/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customers' part of the one search needs no table of its own: indexes on what crm already
 * keeps, maintained by PostgreSQL in every writing transaction. The name as written with spacing
 * and punctuation removed (`search_key`, "ZhangWei", "张伟"), beside the existing `name_key`
 * (pinyin, words in order); and contact values for a phone number found by its last digits.
 */
export class CustomerSearch1766300000000 implements MigrationInterface {
  name = 'CustomerSearch1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const sql of SEARCH_FUNCTIONS_SQL) await q(sql);
    await q(`CREATE INDEX customer_search_name_trgm_idx ON customer USING gin (search_key(full_name) gin_trgm_ops)`);
    await q(`CREATE INDEX customer_contact_value_trgm_idx ON customer_contact USING gin (value gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX customer_contact_value_trgm_idx`);
    await queryRunner.query(`DROP INDEX customer_search_name_trgm_idx`);
  }
}
