import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A company of the group that issues documents: the seller on invoices, the issuer of travel
 * certificates. Each has its own unbroken number series. An issued invoice keeps a copy of the
 * issuer as it was, so changing an issuer never changes what was issued.
 */
@ObjectType('DocumentIssuer')
@Entity('document_issuer')
export class DocumentIssuer {
  @Field({ description: 'Short code, e.g. CB-DE; it names the number series.' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field()
  @Column({ name: 'legal_name', type: 'text' })
  legalName: string;

  @Field(() => [String])
  @Column({ name: 'address_lines', type: 'jsonb' })
  addressLines: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  postcode: string | null;

  @Field()
  @Column({ type: 'text' })
  city: string;

  @Field()
  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'vat_id', type: 'text', nullable: true })
  vatId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'tax_registration_id', type: 'text', nullable: true })
  taxRegistrationId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field({ description: 'Start of its invoice numbers, e.g. CBDE-INV → CBDE-INV-2026-000001.' })
  @Column({ name: 'invoice_prefix', type: 'text' })
  invoicePrefix: string;

  @Field({ description: 'Start of its credit-note numbers (a series of their own).' })
  @Column({ name: 'credit_note_prefix', type: 'text' })
  creditNotePrefix: string;

  @Field({ description: 'Payment terms printed on its invoices when the request gives none.' })
  @Column({ name: 'payment_terms', type: 'text' })
  paymentTerms: string;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Field()
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}
