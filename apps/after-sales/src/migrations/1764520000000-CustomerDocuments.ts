import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer documents (T-4.2): the requests and what was issued for them, the companies that issue
 * them with their number series, and the audit trail. An issued invoice, credit note or e-fapiao
 * record is final: a trigger refuses any change to what it says, except the retention job's deletion
 * of its file and personal data once its retention period ended. trip_id has no foreign key: trips
 * belong to another part of the service, which never deletes them.
 */
export class CustomerDocuments1764520000000 implements MigrationInterface {
  name = 'CustomerDocuments1764520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE document_type AS ENUM ('E_INVOICE', 'CREDIT_NOTE', 'TRAVEL_CERTIFICATE', 'E_FAPIAO', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE document_status AS ENUM ('REQUESTED', 'ISSUED', 'SENT', 'REFUSED')`);
    await queryRunner.query(
      `CREATE TYPE document_audit_action AS ENUM ('REQUESTED', 'ISSUED', 'REFUSED', 'SENT', 'LINK_CREATED', 'DOWNLOADED', 'DOWNLOAD_REFUSED', 'FILE_DELETED')`,
    );
    await queryRunner.query(`
      CREATE TABLE document_issuer (
        id text PRIMARY KEY,
        legal_name text NOT NULL,
        address_lines jsonb NOT NULL,
        postcode text,
        city text NOT NULL,
        country_code char(2) NOT NULL,
        vat_id text,
        tax_registration_id text,
        email text,
        invoice_prefix text NOT NULL,
        credit_note_prefix text NOT NULL,
        payment_terms text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        updated_at timestamp(3) with time zone NOT NULL,
        updated_by text NOT NULL,
        CHECK (invoice_prefix <> credit_note_prefix))`);
    await queryRunner.query(`
      CREATE TABLE document_number_counter (
        issuer_id text NOT NULL REFERENCES document_issuer (id),
        series text NOT NULL CHECK (series IN ('INVOICE', 'CREDIT_NOTE')),
        year integer NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (issuer_id, series, year))`);
    await queryRunner.query(`
      CREATE TABLE customer_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type document_type NOT NULL,
        status document_status NOT NULL DEFAULT 'REQUESTED',
        customer_id uuid NOT NULL,
        trip_id uuid,
        corrects_document_id uuid REFERENCES customer_document (id),
        request_note text,
        requested_by text NOT NULL,
        requested_at timestamp(3) with time zone NOT NULL,
        due_at timestamp(3) with time zone NOT NULL,
        issuer_id text REFERENCES document_issuer (id),
        document_number text,
        title text,
        verification_code text UNIQUE,
        currency char(3),
        net_total_minor bigint,
        tax_total_minor bigint,
        gross_total_minor bigint,
        content jsonb,
        issued_by text,
        issued_at timestamp(3) with time zone,
        external_issue_date date,
        file_key text,
        file_name text,
        content_type text,
        byte_size integer,
        sha256 text,
        retain_until timestamp(3) with time zone,
        file_deleted_at timestamp(3) with time zone,
        refusal_reason text,
        refused_by text,
        refused_at timestamp(3) with time zone,
        sent_channel text,
        sent_to text,
        sent_by text,
        sent_at timestamp(3) with time zone,
        updated_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL,
        anonymised_at timestamp(3) with time zone,
        CHECK ((type = 'CREDIT_NOTE') = (corrects_document_id IS NOT NULL)),
        CHECK (status = 'REQUESTED' OR status = 'REFUSED' OR issued_at IS NOT NULL))`);
    // One number once per issuer; an e-fapiao number once at all.
    await queryRunner.query(`CREATE UNIQUE INDEX customer_document_number ON customer_document (issuer_id, document_number) WHERE issuer_id IS NOT NULL AND document_number IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX customer_document_fapiao_number ON customer_document (document_number) WHERE type = 'E_FAPIAO' AND document_number IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX customer_document_customer ON customer_document (customer_id, requested_at)`);
    await queryRunner.query(`CREATE INDEX customer_document_requested ON customer_document (requested_at, id)`);
    await queryRunner.query(`CREATE INDEX customer_document_waiting ON customer_document (due_at) WHERE status = 'REQUESTED'`);
    await queryRunner.query(`CREATE INDEX customer_document_retention ON customer_document (retain_until) WHERE file_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX customer_document_corrects ON customer_document (corrects_document_id) WHERE corrects_document_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE document_audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Entries of one moment keep the order they were written in.
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        document_id uuid NOT NULL REFERENCES customer_document (id),
        action document_audit_action NOT NULL,
        actor_id text NOT NULL,
        at timestamp(3) with time zone NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        request_id text)`);
    await queryRunner.query(`CREATE INDEX document_audit_entry_document ON document_audit_entry (document_id, at, sequence)`);

    // An issued tax document is never edited: what it says, its number, amounts and file stay as
    // issued. Its file and the personal data in it go only together, when the retention job sets
    // file_deleted_at; status may still move on to SENT, and erasure may touch what it does not say.
    await queryRunner.query(`
      CREATE FUNCTION refuse_issued_tax_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.type NOT IN ('E_INVOICE', 'CREDIT_NOTE', 'E_FAPIAO') OR OLD.status NOT IN ('ISSUED', 'SENT') THEN
          RETURN NEW;
        END IF;
        IF (NEW.type, NEW.customer_id IS NULL, NEW.corrects_document_id, NEW.issuer_id, NEW.document_number, NEW.currency,
            NEW.net_total_minor, NEW.tax_total_minor, NEW.gross_total_minor, NEW.issued_at, NEW.issued_by, NEW.external_issue_date, NEW.sha256,
            NEW.byte_size, NEW.retain_until)
           IS DISTINCT FROM
           (OLD.type, OLD.customer_id IS NULL, OLD.corrects_document_id, OLD.issuer_id, OLD.document_number, OLD.currency,
            OLD.net_total_minor, OLD.tax_total_minor, OLD.gross_total_minor, OLD.issued_at, OLD.issued_by, OLD.external_issue_date, OLD.sha256,
            OLD.byte_size, OLD.retain_until)
           OR NEW.status NOT IN ('ISSUED', 'SENT')
           OR ((NEW.content, NEW.file_key, NEW.file_name) IS DISTINCT FROM (OLD.content, OLD.file_key, OLD.file_name)
               AND NOT (OLD.file_deleted_at IS NULL AND NEW.file_deleted_at IS NOT NULL AND NEW.file_key IS NULL))
        THEN
          RAISE EXCEPTION 'customer document % is an issued % and is never edited: correct it with a credit note', OLD.id, OLD.type
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER customer_document_issued_is_final BEFORE UPDATE ON customer_document FOR EACH ROW EXECUTE FUNCTION refuse_issued_tax_document_change()`,
    );
    await queryRunner.query(`
      CREATE FUNCTION refuse_issued_tax_document_removal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.type IN ('E_INVOICE', 'CREDIT_NOTE', 'E_FAPIAO') AND OLD.status IN ('ISSUED', 'SENT') THEN
          RAISE EXCEPTION 'customer document % is an issued % and is never deleted', OLD.id, OLD.type USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER customer_document_issued_is_kept BEFORE DELETE ON customer_document FOR EACH ROW EXECUTE FUNCTION refuse_issued_tax_document_removal()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE document_audit_entry`);
    await queryRunner.query(`DROP TABLE customer_document`);
    await queryRunner.query(`DROP FUNCTION refuse_issued_tax_document_change`);
    await queryRunner.query(`DROP FUNCTION refuse_issued_tax_document_removal`);
    await queryRunner.query(`DROP TABLE document_number_counter`);
    await queryRunner.query(`DROP TABLE document_issuer`);
    await queryRunner.query(`DROP TYPE document_audit_action`);
    await queryRunner.query(`DROP TYPE document_status`);
    await queryRunner.query(`DROP TYPE document_type`);
  }
}
