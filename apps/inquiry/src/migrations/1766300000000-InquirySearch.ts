import { SEARCH_FUNCTIONS_SQL } from '@carebridge/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inquiries' search index (`inquiry_search`): identifiers and the contact's name for trigram
 * matching, the contact's e-mail and phone apart (searched only for roles that may see them), words
 * for full-text search. Triggers write an inquiry's entry in the transaction that writes the
 * inquiry, its messages or its order changes, whatever the write path (intake, conversation,
 * merging, escalation, anonymisation), so that the index never lags and erased data is no longer found.
 */
export class InquirySearch1766300000000 implements MigrationInterface {
  name = 'InquirySearch1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const sql of SEARCH_FUNCTIONS_SQL) await q(sql);
    await q(`
      CREATE TABLE inquiry_search (
        inquiry_id uuid PRIMARY KEY REFERENCES inquiry (id),
        keys text NOT NULL,
        contacts text NOT NULL,
        words tsvector NOT NULL,
        received_at timestamp(3) with time zone NOT NULL
      )`);
    // Keys: ' <id> <complaint registration number> <booking references> <contact name> ' as compared;
    // contacts: ' <e-mail> <phone digits> '; words: subject and name A, the conversation B.
    await q(`
      CREATE VIEW inquiry_search_source AS
      SELECT i.id AS inquiry_id,
             ' ' || concat_ws(' ', search_key(i.id::text), nullif(search_key(i.complaint_registration_number), ''),
                              (SELECT string_agg(DISTINCT search_key(o.booking_reference), ' ') FROM order_change o WHERE o.inquiry_id = i.id),
                              nullif(search_key(i.contact_name), '')) || ' ' AS keys,
             ' ' || concat_ws(' ', lower(i.contact_email), nullif(regexp_replace(coalesce(i.contact_phone, ''), '\\D', '', 'g'), '')) || ' ' AS contacts,
             setweight(search_words(concat_ws(' ', i.subject, i.contact_name, i.complaint_registration_number)), 'A')
               || setweight(search_words((SELECT string_agg(m.body, ' ' ORDER BY m.sequence) FROM inquiry_message m WHERE m.inquiry_id = i.id)), 'B') AS words,
             i.received_at
        FROM inquiry i`);
    await q(`
      CREATE FUNCTION inquiry_search_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO inquiry_search (inquiry_id, keys, contacts, words, received_at)
        SELECT inquiry_id, keys, contacts, words, received_at FROM inquiry_search_source WHERE inquiry_id = ANY(ids)
        ON CONFLICT (inquiry_id) DO UPDATE SET keys = EXCLUDED.keys, contacts = EXCLUDED.contacts, words = EXCLUDED.words
      $$`);
    await q(`
      CREATE FUNCTION inquiry_search_on_inquiry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM inquiry_search_refresh(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER inquiry_search_index AFTER INSERT OR UPDATE OF subject, contact_name, contact_email, contact_phone, complaint_registration_number
        ON inquiry FOR EACH ROW EXECUTE FUNCTION inquiry_search_on_inquiry()`);
    // Messages and order changes per statement: a merge moves many messages in one update.
    await q(`
      CREATE FUNCTION inquiry_search_on_added_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM inquiry_search_refresh(ARRAY(SELECT DISTINCT inquiry_id FROM changed_rows));
        RETURN NULL;
      END $$`);
    await q(`
      CREATE FUNCTION inquiry_search_on_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM inquiry_search_refresh(ARRAY(SELECT inquiry_id FROM changed_rows UNION SELECT inquiry_id FROM previous_rows));
        RETURN NULL;
      END $$`);
    for (const table of ['inquiry_message', 'order_change']) {
      await q(`
        CREATE TRIGGER inquiry_search_${table}_added AFTER INSERT ON ${table}
          REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION inquiry_search_on_added_rows()`);
      await q(`
        CREATE TRIGGER inquiry_search_${table}_changed AFTER UPDATE ON ${table}
          REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION inquiry_search_on_changed_rows()`);
    }
    await q(`INSERT INTO inquiry_search (inquiry_id, keys, contacts, words, received_at) SELECT inquiry_id, keys, contacts, words, received_at FROM inquiry_search_source`);
    await q(`CREATE INDEX inquiry_search_keys_idx ON inquiry_search USING gin (keys gin_trgm_ops)`);
    await q(`CREATE INDEX inquiry_search_contacts_idx ON inquiry_search USING gin (contacts gin_trgm_ops)`);
    await q(`CREATE INDEX inquiry_search_words_idx ON inquiry_search USING gin (words)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const table of ['inquiry_message', 'order_change']) {
      await q(`DROP TRIGGER inquiry_search_${table}_changed ON ${table}`);
      await q(`DROP TRIGGER inquiry_search_${table}_added ON ${table}`);
    }
    await q(`DROP TRIGGER inquiry_search_index ON inquiry`);
    await q(`DROP FUNCTION inquiry_search_on_changed_rows(), inquiry_search_on_added_rows(), inquiry_search_on_inquiry(), inquiry_search_refresh(uuid[])`);
    await q(`DROP VIEW inquiry_search_source`);
    await q(`DROP TABLE inquiry_search`);
  }
}
