import type { MigrationInterface, QueryRunner } from 'typeorm';
import { nameKey } from '../customer/name-key';

/** The name as duplicate detection compares it (pinyin, no accents, words sorted), for every profile. */
export class CustomerNameKey1766100000001 implements MigrationInterface {
  name = 'CustomerNameKey1766100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customer ADD COLUMN name_key text NOT NULL DEFAULT ''`);
    // Computed here rather than in SQL: pinyin needs a dictionary PostgreSQL does not have.
    const rows: { id: string; full_name: string }[] = await queryRunner.query(`SELECT id, full_name FROM customer`);
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      await queryRunner.query(
        `UPDATE customer c SET name_key = k.name_key FROM unnest($1::uuid[], $2::text[]) AS k (id, name_key) WHERE c.id = k.id`,
        [batch.map((r) => r.id), batch.map((r) => nameKey(r.full_name))],
      );
    }
    await queryRunner.query(`CREATE INDEX customer_name_key_trgm_idx ON customer USING gin (name_key gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customer DROP COLUMN name_key`);
  }
}
