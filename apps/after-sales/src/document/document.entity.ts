import { ConnectionType } from '@carebridge/service-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { DeliveryChannel, DocumentStatus, DocumentType } from './document.enums';
import type { StoredContent } from './document-content';

/** Integer minor units (cents) as Postgres bigint; refused when not a safe integer, so no amount is ever rounded. */
const minorUnits = {
  to: (value: number | null | undefined) => {
    if (value === null || value === undefined) return null;
    if (!Number.isSafeInteger(value)) throw new Error(`${value} is not a whole amount of minor units`);
    return value;
  },
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A paper a customer asked for after a trip (T-4.2), from the request to the file sent: requested
 * (due by `dueAt`), issued — rendered and stored, or recorded from its issuer — and sent, or refused
 * with a reason. What an issued invoice or credit note says is final: the database refuses to change
 * it (trigger `customer_document_issued_is_final`), and a correction is a credit note.
 */
@Directive('@key(fields: "id")')
@ObjectType('CustomerDocument', { description: 'A document requested by or issued to a customer: invoice, credit note, travel certificate, e-fapiao, other papers.' })
@Entity('customer_document')
export class CustomerDocument {
  @Field(() => ID, { description: 'The document.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => DocumentType, { description: 'Which kind of document: an e-invoice, a credit note, a travel certificate, an e-fapiao or another paper.' })
  @Column({ type: 'enum', enum: DocumentType, enumName: 'document_type' })
  type: DocumentType;

  @Field(() => DocumentStatus, { description: 'Where the document stands, from requested to issued and sent (or refused).' })
  @Column({ type: 'enum', enum: DocumentStatus, enumName: 'document_status', default: DocumentStatus.REQUESTED })
  status: DocumentStatus;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The trip it concerns.' })
  @Column({ name: 'trip_id', type: 'uuid', nullable: true })
  tripId: string | null;

  @Field(() => ID, { nullable: true, description: 'Credit notes: the invoice it corrects.' })
  @Column({ name: 'corrects_document_id', type: 'uuid', nullable: true })
  correctsDocumentId: string | null;

  /** What the customer asked for in their words; masked for roles without need (field resolver). */
  @Column({ name: 'request_note', type: 'text', nullable: true })
  requestNote: string | null;

  @Field({ description: 'User id of who recorded the request.' })
  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Field({ description: 'When it was requested.' })
  @Column({ name: 'requested_at', type: 'timestamptz', precision: 3 })
  requestedAt: Date;

  @Field({ description: 'When it should be issued (AFTER_SALES_DOCUMENT_DUE_HOURS after the request).' })
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Field(() => String, { nullable: true, description: 'The issuing company (invoices, credit notes, certificates).' })
  @Column({ name: 'issuer_id', type: 'text', nullable: true })
  issuerId: string | null;

  @Field(() => String, { nullable: true, description: 'Invoice or credit-note number in its issuer’s unbroken series; the e-fapiao number.' })
  @Column({ name: 'document_number', type: 'text', nullable: true })
  documentNumber: string | null;

  @Field(() => String, { nullable: true, description: 'What other papers are, e.g. "Property irregularity report".' })
  @Column({ type: 'text', nullable: true })
  title: string | null;

  /** Travel certificates: the code printed on it, which `verifyTravelCertificate` confirms. */
  @Column({ name: 'verification_code', type: 'text', nullable: true })
  verificationCode: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of its amounts (invoices and credit notes).' })
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'net_total_minor', type: 'bigint', nullable: true, transformer: minorUnits })
  netTotalMinor: number | null;

  @Column({ name: 'tax_total_minor', type: 'bigint', nullable: true, transformer: minorUnits })
  taxTotalMinor: number | null;

  @Column({ name: 'gross_total_minor', type: 'bigint', nullable: true, transformer: minorUnits })
  grossTotalMinor: number | null;

  /** What the issued document says (invoice, certificate statement), as issued; see document-content.ts. */
  @Column({ type: 'jsonb', nullable: true })
  content: StoredContent | null;

  @Field(() => String, { nullable: true, description: 'User id of who issued it.' })
  @Column({ name: 'issued_by', type: 'text', nullable: true })
  issuedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was issued.' })
  @Column({ name: 'issued_at', type: 'timestamptz', precision: 3, nullable: true })
  issuedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'E-fapiao: the date the tax platform issued it (YYYY-MM-DD).' })
  @Column({ name: 'external_issue_date', type: 'date', nullable: true })
  externalIssueDate: string | null;

  /** Where the file is in the document storage; null before issue and after its deletion. */
  @Column({ name: 'file_key', type: 'text', nullable: true })
  fileKey: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the issued file, as the customer downloads it.' })
  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName: string | null;

  @Field(() => String, { nullable: true, description: 'Media type of the issued file, e.g. application/pdf.' })
  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType: string | null;

  @Field(() => Int, { nullable: true, description: 'Size of the issued file in bytes.' })
  @Column({ name: 'byte_size', type: 'integer', nullable: true })
  byteSize: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the file as issued (hex).' })
  @Column({ type: 'text', nullable: true })
  sha256: string | null;

  @Field(() => Date, { nullable: true, description: 'The file and the personal data in it are deleted after this (retention period).' })
  @Column({ name: 'retain_until', type: 'timestamptz', precision: 3, nullable: true })
  retainUntil: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the file was deleted at the end of its retention.' })
  @Column({ name: 'file_deleted_at', type: 'timestamptz', precision: 3, nullable: true })
  fileDeletedAt: Date | null;

  /** Told to the customer; may hold personal data (masked by the field resolver). */
  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason: string | null;

  @Field(() => String, { nullable: true, description: 'User id of who refused the request.' })
  @Column({ name: 'refused_by', type: 'text', nullable: true })
  refusedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the request was refused.' })
  @Column({ name: 'refused_at', type: 'timestamptz', precision: 3, nullable: true })
  refusedAt: Date | null;

  @Field(() => DeliveryChannel, { nullable: true, description: 'How it was sent to the customer.' })
  @Column({ name: 'sent_channel', type: 'text', nullable: true })
  sentChannel: DeliveryChannel | null;

  /** The e-mail or postal address it went to (masked by the field resolver). */
  @Column({ name: 'sent_to', type: 'text', nullable: true })
  sentTo: string | null;

  @Field(() => String, { nullable: true, description: 'User id of who sent it.' })
  @Column({ name: 'sent_by', type: 'text', nullable: true })
  sentBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was sent.' })
  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Field({ description: 'When the document last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back as expectedVersion to refuse acting on a stale view.' })
  @VersionColumn()
  version: number;

  @Field(() => Date, { nullable: true, description: 'When the customer’s personal data in it was anonymised (erasure).' })
  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}

export const CustomerDocumentConnection = ConnectionType(CustomerDocument);

/** Numbers run per issuer, series and year without gaps: the row is locked by the issuing transaction. */
@Entity('document_number_counter')
export class DocumentNumberCounter {
  @Column({ name: 'issuer_id', primary: true, type: 'text' })
  issuerId: string;

  @Column({ primary: true, type: 'text' })
  series: string;

  @Column({ primary: true, type: 'integer' })
  year: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
