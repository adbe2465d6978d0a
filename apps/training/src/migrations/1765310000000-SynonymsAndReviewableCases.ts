import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trainers' synonym list for knowledge search (each change on record), and the inquiries and
 * complaints training has heard of with the staff who handled them, so that a QA review scores a
 * real case of the agent it names.
 */
export class SynonymsAndReviewableCases1765310000000 implements MigrationInterface {
  name = 'SynonymsAndReviewableCases1765310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE knowledge_synonym_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        locale knowledge_article_locale NOT NULL,
        terms text[] NOT NULL,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    // A term as a search matches it (Latin words joined by one space, Chinese as written): in one group per language at most.
    await queryRunner.query(`
      CREATE TABLE knowledge_synonym_term (
        locale knowledge_article_locale NOT NULL,
        term text COLLATE "C" NOT NULL,
        group_id uuid NOT NULL REFERENCES knowledge_synonym_group (id) ON DELETE CASCADE,
        PRIMARY KEY (term, locale)
      )`);
    await queryRunner.query(`CREATE INDEX knowledge_synonym_term_group_idx ON knowledge_synonym_term (group_id)`);
    await queryRunner.query(`
      CREATE TABLE knowledge_synonym_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL,
        locale knowledge_article_locale NOT NULL,
        change text NOT NULL CHECK (change IN ('CREATED', 'CHANGED', 'REMOVED')),
        terms_before text[],
        terms_after text[],
        changed_by text NOT NULL,
        changed_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX knowledge_synonym_change_group_idx ON knowledge_synonym_change (group_id, changed_at)`);
    await queryRunner.query(`CREATE INDEX knowledge_synonym_change_time_idx ON knowledge_synonym_change (changed_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE qa_case (
        case_kind text NOT NULL CHECK (case_kind IN ('INQUIRY', 'COMPLAINT')),
        case_id uuid NOT NULL,
        first_heard_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (case_kind, case_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE qa_case_handler (
        case_kind text NOT NULL,
        case_id uuid NOT NULL,
        user_id text NOT NULL,
        first_handled_at timestamp(3) with time zone NOT NULL,
        PRIMARY KEY (case_kind, case_id, user_id),
        FOREIGN KEY (case_kind, case_id) REFERENCES qa_case (case_kind, case_id)
      )`);
    await queryRunner.query(`CREATE INDEX qa_case_handler_user_idx ON qa_case_handler (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['qa_case_handler', 'qa_case', 'knowledge_synonym_change', 'knowledge_synonym_term', 'knowledge_synonym_group']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
