import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Knowledge search over tens of thousands of articles: the title's own tsvector (so title matches are
 * found first, without reading the text), a GIN index of the public articles alone, and how many live
 * articles use each lexeme (so a search looks for its rarer words first). Filled from the index rows
 * already there.
 */
export class SearchAtScale1765300000000 implements MigrationInterface {
  name = 'SearchAtScale1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The title was indexed with weight A and the text with B: the A lexemes are the title's.
    await queryRunner.query(`ALTER TABLE knowledge_search_document ADD COLUMN title_document tsvector GENERATED ALWAYS AS (ts_filter(document, '{a}')) STORED`);
    await queryRunner.query(`CREATE INDEX knowledge_search_document_title_idx ON knowledge_search_document USING gin (title_document)`);
    await queryRunner.query(`CREATE INDEX knowledge_search_document_public_idx ON knowledge_search_document USING gin (document) WHERE visibility = 'PUBLIC'`);
    await queryRunner.query(`CREATE TABLE knowledge_search_lexeme (lexeme text COLLATE "C" PRIMARY KEY, articles int NOT NULL)`);
    await queryRunner.query(`INSERT INTO knowledge_search_lexeme (lexeme, articles) SELECT word, ndoc FROM ts_stat('SELECT document FROM knowledge_search_document')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE knowledge_search_lexeme`);
    await queryRunner.query(`DROP INDEX knowledge_search_document_public_idx`);
    await queryRunner.query(`DROP INDEX knowledge_search_document_title_idx`);
    await queryRunner.query(`ALTER TABLE knowledge_search_document DROP COLUMN title_document`);
  }
}
