import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaint file stays open to additions: internal notes, the flight it concerns, details
 * completed after registration, files uploaded to a complaint or its conversation, duplicates merged,
 * feedback templates, key-account members' agreed response times.
 */
export class ComplaintFileOpenToAdditions1765400000000 implements MigrationInterface {
  name = 'ComplaintFileOpenToAdditions1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const action of ['NOTE_ADDED', 'DETAILS_UPDATED', 'ATTACHMENT_ADDED', 'MERGED_INTO', 'MERGED_FROM']) await q(`ALTER TYPE complaint_action ADD VALUE IF NOT EXISTS '${action}'`);
    await q(`ALTER TABLE complaint ADD COLUMN flight_number text, ADD COLUMN merged_into_id uuid REFERENCES complaint (id)`);
    await q(`CREATE INDEX complaint_merged_into_idx ON complaint (merged_into_id) WHERE merged_into_id IS NOT NULL`);
    await q(`
      CREATE TABLE complaint_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        body text NOT NULL,
        author_id text NOT NULL,
        author_name text,
        written_at timestamp(3) with time zone NOT NULL
      )`);
    await q(`CREATE INDEX complaint_note_complaint_idx ON complaint_note (complaint_id, written_at, id)`);
    // Notes are part of the file: never deleted; an erasure blanks their text in place.
    await q(`CREATE TRIGGER complaint_note_never_deleted BEFORE DELETE OR TRUNCATE ON complaint_note FOR EACH STATEMENT EXECUTE FUNCTION refuse_complaint_record_removal()`);
    // Files: the row when the upload is granted, the bytes (in the file storage) once they passed the checks.
    await q(`
      CREATE TABLE complaint_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        message_id uuid REFERENCES complaint_conversation_message (id),
        name text NOT NULL,
        content_type text,
        size integer CHECK (size >= 0),
        requested_by text NOT NULL,
        upload_expires_at timestamp(3) with time zone NOT NULL,
        uploaded_at timestamp(3) with time zone,
        erased_at timestamp(3) with time zone
      )`);
    await q(`CREATE INDEX complaint_attachment_complaint_idx ON complaint_attachment (complaint_id, uploaded_at, id)`);
    await q(`
      CREATE TABLE complaint_feedback_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        category complaint_category,
        actions_taken text NOT NULL,
        next_steps text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    await q(`CREATE INDEX complaint_attachment_message_idx ON complaint_attachment (message_id) WHERE message_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaint_feedback_template`);
    await queryRunner.query(`DROP TABLE complaint_attachment`);
    await queryRunner.query(`DROP TABLE complaint_note`);
    await queryRunner.query(`ALTER TABLE complaint DROP COLUMN flight_number, DROP COLUMN merged_into_id`);
  }
}
