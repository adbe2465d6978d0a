import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The articles training published, and the version each reply cited. */
export class KnowledgeCitations1765200000100 implements MigrationInterface {
  name = 'KnowledgeCitations1765200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE published_knowledge_article (
        article_id uuid PRIMARY KEY,
        version int NOT NULL,
        title text NOT NULL,
        published_at timestamp(3) with time zone NOT NULL,
        archived_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`ALTER TABLE inquiry_message ADD COLUMN cited_article_versions jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inquiry_message DROP COLUMN cited_article_versions`);
    await queryRunner.query(`DROP TABLE published_knowledge_article`);
  }
}
