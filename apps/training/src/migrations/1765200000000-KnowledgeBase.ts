import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The knowledge base (T-5.2): categories, articles, their immutable versions, feedback, and the search index. */
export class KnowledgeBase1765200000000 implements MigrationInterface {
  name = 'KnowledgeBase1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram similarity corrects typed words against the words the articles use.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TYPE knowledge_article_kind AS ENUM ('POLICY', 'FAQ', 'EMERGENCY_PROCEDURE', 'VISA_GUIDE', 'INSURANCE_INFORMATION', 'TRAVEL_NOTES', 'PROCEDURE')`);
    await queryRunner.query(`CREATE TYPE knowledge_article_status AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED')`);
    await queryRunner.query(`CREATE TYPE knowledge_article_locale AS ENUM ('ZH_CN', 'EN')`);
    await queryRunner.query(`CREATE TYPE knowledge_article_visibility AS ENUM ('INTERNAL', 'PUBLIC')`);
    await queryRunner.query(`
      CREATE TABLE knowledge_category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        sections text[] NOT NULL DEFAULT '{}',
        inquiry_categories text[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`
      CREATE TABLE knowledge_article (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind knowledge_article_kind NOT NULL,
        status knowledge_article_status NOT NULL,
        locale knowledge_article_locale NOT NULL,
        visibility knowledge_article_visibility NOT NULL,
        category_id uuid NOT NULL REFERENCES knowledge_category (id),
        section text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        owner_id text,
        translation_group_id uuid NOT NULL,
        live_version_id uuid,
        live_version int NOT NULL DEFAULT 0,
        version_count int NOT NULL DEFAULT 0,
        submitted_by text,
        approved_by text,
        review_comment text,
        publish_at timestamp(3) with time zone,
        drafted_from_case text,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL,
        archived_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE INDEX knowledge_article_scheduled_idx ON knowledge_article (publish_at) WHERE status = 'APPROVED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX knowledge_article_translation_key ON knowledge_article (translation_group_id, locale)`);
    await queryRunner.query(`CREATE INDEX knowledge_article_updated_idx ON knowledge_article (updated_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE knowledge_article_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES knowledge_article (id),
        number int NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL,
        category_id uuid NOT NULL REFERENCES knowledge_category (id),
        section text NOT NULL,
        visibility knowledge_article_visibility NOT NULL,
        owner_id text,
        restored_from int,
        written_by text NOT NULL,
        approved_by text NOT NULL,
        published_at timestamp(3) with time zone NOT NULL,
        CONSTRAINT knowledge_article_version_number_key UNIQUE (article_id, number)
      )`);
    await queryRunner.query(`
      CREATE TABLE knowledge_article_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES knowledge_article (id),
        version int NOT NULL,
        helpful boolean NOT NULL,
        reason text,
        given_by text NOT NULL,
        given_at timestamp(3) with time zone NOT NULL,
        CONSTRAINT knowledge_article_feedback_reader_key UNIQUE (article_id, version, given_by)
      )`);
    // One row per live article, written in the publication's transaction; archived articles have none.
    await queryRunner.query(`
      CREATE TABLE knowledge_search_document (
        article_id uuid PRIMARY KEY REFERENCES knowledge_article (id),
        version_id uuid NOT NULL,
        version int NOT NULL,
        kind knowledge_article_kind NOT NULL,
        locale knowledge_article_locale NOT NULL,
        visibility knowledge_article_visibility NOT NULL,
        category_id uuid NOT NULL,
        inquiry_categories text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        title text NOT NULL,
        body text NOT NULL,
        document tsvector NOT NULL,
        published_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX knowledge_search_document_idx ON knowledge_search_document USING gin (document)`);
    await queryRunner.query(`CREATE INDEX knowledge_search_document_tags_idx ON knowledge_search_document USING gin (tags)`);
    // The Latin-script words of published articles, for spelling correction by trigram similarity.
    await queryRunner.query(`CREATE TABLE knowledge_search_word (word text COLLATE "C" PRIMARY KEY)`);
    await queryRunner.query(`CREATE INDEX knowledge_search_word_trgm_idx ON knowledge_search_word USING gin (word gin_trgm_ops)`);
    await queryRunner.query(`
      CREATE TABLE knowledge_search_miss (
        query text NOT NULL,
        locale knowledge_article_locale,
        searches int NOT NULL,
        first_searched_at timestamp(3) with time zone NOT NULL,
        last_searched_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (query)
      )`);
    // What training keeps of an inquiry to suggest articles: its category and the customer's words, personal data removed.
    await queryRunner.query(`
      CREATE TABLE knowledge_inquiry_context (
        inquiry_id uuid PRIMARY KEY,
        category text NOT NULL,
        text text NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    // A solved case's text, personal data removed, that an article may be drafted from.
    await queryRunner.query(`
      CREATE TABLE knowledge_solved_case (
        source text NOT NULL,
        case_id uuid NOT NULL,
        category text NOT NULL,
        subject text NOT NULL,
        question text NOT NULL,
        answer text NOT NULL,
        solved_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (source, case_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'knowledge_solved_case',
      'knowledge_inquiry_context',
      'knowledge_search_miss',
      'knowledge_search_word',
      'knowledge_search_document',
      'knowledge_article_feedback',
      'knowledge_article_version',
      'knowledge_article',
      'knowledge_category',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    for (const type of ['knowledge_article_visibility', 'knowledge_article_locale', 'knowledge_article_status', 'knowledge_article_kind']) await queryRunner.query(`DROP TYPE ${type}`);
  }
}
