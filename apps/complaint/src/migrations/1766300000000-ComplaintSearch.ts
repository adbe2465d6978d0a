import { SEARCH_FUNCTIONS_SQL } from '@carebridge/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaints' search index (`complaint_search`): identifiers for trigram matching, words for
 * full-text search. Triggers write a complaint's entry in the transaction that writes the complaint
 * or its conversation, whatever the write path (registration, completion, escalation, merge,
 * anonymisation), so that the index never lags and an anonymised text is no longer found.
 */
export class ComplaintSearch1766300000000 implements MigrationInterface {
  name = 'ComplaintSearch1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const sql of SEARCH_FUNCTIONS_SQL) await q(sql);
    await q(`
      CREATE TABLE complaint_search (
        complaint_id uuid PRIMARY KEY REFERENCES complaint (id),
        keys text NOT NULL,
        words tsvector NOT NULL,
        registered_at timestamp(3) with time zone NOT NULL
      )`);
    // What a complaint is found by: ' <registration number> <booking reference> <flight> ' as compared, and its words
    // (identifiers and place weighted A, the customer's description B, the conversation C).
    await q(`
      CREATE VIEW complaint_search_source AS
      SELECT c.id AS complaint_id,
             ' ' || concat_ws(' ', search_key(c.registration_number), nullif(search_key(c.booking_reference), ''), nullif(search_key(c.flight_number), '')) || ' ' AS keys,
             setweight(search_words(concat_ws(' ', c.registration_number, c.booking_reference, c.flight_number, c.location)), 'A')
               || setweight(search_words(c.description), 'B')
               || setweight(search_words((SELECT string_agg(m.body, ' ' ORDER BY m.position) FROM complaint_conversation_message m WHERE m.complaint_id = c.id)), 'C') AS words,
             c.created_at AS registered_at
        FROM complaint c`);
    await q(`
      CREATE FUNCTION complaint_search_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO complaint_search (complaint_id, keys, words, registered_at)
        SELECT complaint_id, keys, words, registered_at FROM complaint_search_source WHERE complaint_id = ANY(ids)
        ON CONFLICT (complaint_id) DO UPDATE SET keys = EXCLUDED.keys, words = EXCLUDED.words
      $$`);
    await q(`
      CREATE FUNCTION complaint_search_on_complaint() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM complaint_search_refresh(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER complaint_search_index AFTER INSERT OR UPDATE OF registration_number, booking_reference, flight_number, location, description
        ON complaint FOR EACH ROW EXECUTE FUNCTION complaint_search_on_complaint()`);
    // The conversation per statement: an escalation carries many messages in one insert.
    await q(`
      CREATE FUNCTION complaint_search_on_added_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM complaint_search_refresh(ARRAY(SELECT DISTINCT complaint_id FROM changed_messages));
        RETURN NULL;
      END $$`);
    await q(`
      CREATE FUNCTION complaint_search_on_changed_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM complaint_search_refresh(ARRAY(SELECT complaint_id FROM changed_messages UNION SELECT complaint_id FROM previous_messages));
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER complaint_search_messages_added AFTER INSERT ON complaint_conversation_message
        REFERENCING NEW TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION complaint_search_on_added_messages()`);
    await q(`
      CREATE TRIGGER complaint_search_messages_changed AFTER UPDATE ON complaint_conversation_message
        REFERENCING OLD TABLE AS previous_messages NEW TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION complaint_search_on_changed_messages()`);
    await q(`INSERT INTO complaint_search (complaint_id, keys, words, registered_at) SELECT complaint_id, keys, words, registered_at FROM complaint_search_source`);
    await q(`CREATE INDEX complaint_search_keys_idx ON complaint_search USING gin (keys gin_trgm_ops)`);
    await q(`CREATE INDEX complaint_search_words_idx ON complaint_search USING gin (words)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER complaint_search_messages_changed ON complaint_conversation_message`);
    await q(`DROP TRIGGER complaint_search_messages_added ON complaint_conversation_message`);
    await q(`DROP TRIGGER complaint_search_index ON complaint`);
    await q(`DROP FUNCTION complaint_search_on_changed_messages(), complaint_search_on_added_messages(), complaint_search_on_complaint(), complaint_search_refresh(uuid[])`);
    await q(`DROP VIEW complaint_search_source`);
    await q(`DROP TABLE complaint_search`);
  }
}
