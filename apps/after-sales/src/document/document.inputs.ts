import { PageArgs } from '@carebridge/service-kit';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DeliveryChannel, DocumentStatus, DocumentType, TaxCategory } from './document.enums';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const COUNTRY = /^[A-Z]{2}$/;

@InputType({ description: 'A customer asks for a document.' })
export class RequestDocumentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => DocumentType)
  @IsIn(Object.values(DocumentType))
  type: DocumentType;

  @Field(() => ID, { nullable: true, description: 'The trip it concerns.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a trip id (UUID)' })
  tripId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Credit notes: the issued invoice to correct.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a document id (UUID)' })
  correctsDocumentId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the customer asked for, in their words.' })
  @IsOptional()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  note?: string | null;
}

/** Every step on one document names it, and may name the version the caller saw. */
@InputType('DocumentActionInput')
export class DocumentActionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a document id (UUID)' })
  documentId: string;

  @Field(() => Int, { nullable: true, description: 'The version the caller saw; the step is refused with CONFLICT if the document changed since.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  expectedVersion?: number | null;
}

/** Where a party of a document is and how it is taxed: the billed customer's and the issuer's fields alike. */
@InputType('DocumentPartyAddressInput', { description: 'The address and tax identifiers of a party to a document.' })
export class DocumentPartyAddressInput {
  @Field(() => [String], { description: 'Street and house, up to three lines.' })
  @ArrayMinSize(1, { message: 'must have at least one address line' })
  @ArrayMaxSize(3, { message: 'must have at most three address lines' })
  @Length(1, 200, { each: true, message: 'must be 1 to 200 characters each' })
  addressLines: string[];

  @Field(() => String, { nullable: true, description: 'Postcode, where the country has them.' })
  @IsOptional()
  @Length(1, 20, { message: 'must be 1 to 20 characters' })
  postcode?: string | null;

  @Field({ description: 'City or town.' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  city: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. DE.' })
  @Matches(COUNTRY, { message: 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. DE' })
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'A business: its VAT identifier.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}[A-Za-z0-9+*.]{2,13}$/, { message: 'must be a VAT identifier with its country prefix, e.g. FR40303265045' })
  vatId?: string | null;

  @Field(() => String, { nullable: true, description: 'A tax registration other than the VAT identifier.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  taxRegistrationId?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address for invoicing.' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string | null;
}

@InputType({ description: 'The customer billed, as the invoice names them.' })
export class InvoicePartyInput extends DocumentPartyAddressInput {
  @Field({ description: 'The name the invoice is addressed to.' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name: string;
}

@InputType()
export class InvoiceLineInput {
  @Field()
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  description: string;

  @Field({ description: 'Decimal, e.g. "2" or "1.5".' })
  @Length(1, 20, { message: 'must be a decimal such as "2" or "1.5"' })
  quantity: string;

  @Field(() => String, { nullable: true, description: 'UN/ECE Recommendation 20 unit code; C62 (one) by default, DAY, NAR …' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,3}$/, { message: 'must be a UN/ECE Recommendation 20 unit code such as C62 or DAY' })
  unitCode?: string | null;

  @Field({ description: 'Net price of one unit, decimal in the invoice currency, e.g. "129.90".' })
  @Length(1, 20, { message: 'must be an amount such as "129.90"' })
  unitPrice: string;

  @Field(() => TaxCategory)
  @IsIn(Object.values(TaxCategory))
  taxCategory: TaxCategory;

  @Field(() => String, { nullable: true, description: 'Percent, e.g. "19"; 0 for the categories without VAT; left out outside the scope of VAT.' })
  @IsOptional()
  @Length(1, 8, { message: 'must be a percentage such as "19"' })
  taxRate?: string | null;

  @Field(() => String, { nullable: true, description: 'Why no VAT is charged (categories other than STANDARD and ZERO_RATED).' })
  @IsOptional()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  exemptionReason?: string | null;

  @Field(() => String, { nullable: true, description: 'VATEX code, e.g. VATEX-EU-D (travel agents’ margin scheme).' })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  exemptionReasonCode?: string | null;
}

@InputType({ description: 'Issues a requested e-invoice: numbered in the issuer’s series, rendered as PDF with its EN 16931 XML, stored.' })
export class IssueInvoiceInput extends DocumentActionInput {
  @Field(() => String, { nullable: true, description: 'The issuing company; may be left out when only one is active.' })
  @IsOptional()
  @Length(1, 20, { message: 'must be an issuer id' })
  issuerId?: string | null;

  @Field({ description: 'ISO 4217, e.g. EUR.' })
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code such as EUR' })
  currency: string;

  @Field(() => InvoicePartyInput)
  @ValidateNested()
  buyer: InvoicePartyInput;

  @Field(() => [InvoiceLineInput])
  @ArrayMinSize(1, { message: 'must list at least one line' })
  @ArrayMaxSize(100, { message: 'must list at most 100 lines' })
  @ValidateNested({ each: true })
  lines: InvoiceLineInput[];

  @Field(() => String, { nullable: true, description: 'What the customer already paid, e.g. with the booking; the rest is due.' })
  @IsOptional()
  @Length(1, 20, { message: 'must be an amount such as "120.00"' })
  prepaidAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the issuer’s payment terms.' })
  @IsOptional()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  paymentTerms?: string | null;

  @Field(() => String, { nullable: true, description: 'When the service was supplied, YYYY-MM-DD.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  serviceDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Printed as the buyer’s reference; defaults to the trip’s booking reference.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/, { message: 'must be a booking reference of 2 to 40 letters, digits or dashes' })
  bookingReference?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  note?: string | null;
}

@InputType({ description: 'Issues a requested credit note correcting its invoice: all of it, or the lines given.' })
export class IssueCreditNoteInput extends DocumentActionInput {
  @Field(() => [InvoiceLineInput], { nullable: true, description: 'What is credited; left out: the whole invoice (when nothing of it was credited yet).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must list at least one line, or be left out to credit the whole invoice' })
  @ArrayMaxSize(100, { message: 'must list at most 100 lines' })
  @ValidateNested({ each: true })
  lines?: InvoiceLineInput[] | null;

  @Field({ description: 'Why the invoice is corrected; printed on the credit note.' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason: string;
}

@InputType({ description: 'Issues a requested travel certificate: what happened to a flight or trip, for insurers and employers.' })
export class IssueTravelCertificateInput extends DocumentActionInput {
  @Field(() => String, { nullable: true, description: 'The issuing company; may be left out when only one is active.' })
  @IsOptional()
  @Length(1, 20, { message: 'must be an issuer id' })
  issuerId?: string | null;

  @Field(() => ID, { description: 'The flight delay, cancellation or diversion it states: its segment and the times and cause recorded on it (computeIncidentEntitlements).' })
  @IsUUID('all', { message: 'must be an incident id (UUID)' })
  incidentId: string;

  @Field({ description: 'The traveller, as in the passport.' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  passengerName: string;
}

@InputType({ description: 'A file from another issuer, base64-encoded (the gateway’s MAX_BODY_BYTES limits its size).' })
export class DocumentFileInput {
  @Field()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  fileName: string;

  @Field({ description: 'application/pdf, application/xml, text/xml or application/ofd (Chinese OFD).' })
  @IsIn(['application/pdf', 'application/xml', 'text/xml', 'application/ofd'], { message: 'must be application/pdf, application/xml, text/xml or application/ofd' })
  contentType: string;

  @Field()
  @Matches(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'must be the file’s bytes in base64' })
  contentBase64: string;
}

@InputType({ description: 'Records the official e-fapiao that the Chinese tax platform issued for the customer.' })
export class RecordEFapiaoInput extends DocumentActionInput {
  @Field({ description: 'The fapiao number: 20 digits for a fully digitalised e-fapiao, 8 for older ones.' })
  @Matches(/^(\d{8}|\d{20})$/, { message: 'must be the fapiao number: 20 digits (fully digitalised e-fapiao) or 8 digits' })
  fapiaoNumber: string;

  @Field({ description: 'The date the tax platform issued it, YYYY-MM-DD.' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  issuedOn: string;

  @Field({ description: 'Its total with tax, decimal in CNY, e.g. "1280.00".' })
  @Length(1, 20, { message: 'must be an amount such as "1280.00"' })
  totalAmount: string;

  @Field(() => DocumentFileInput)
  @ValidateNested()
  file: DocumentFileInput;
}

@InputType({ description: 'Records other papers issued elsewhere (a property irregularity report, a receipt).' })
export class RecordDocumentFileInput extends DocumentActionInput {
  @Field()
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title: string;

  @Field(() => DocumentFileInput)
  @ValidateNested()
  file: DocumentFileInput;
}

@InputType()
export class RefuseDocumentInput extends DocumentActionInput {
  @Field({ description: 'Told to the customer.' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 1000, { message: 'must be 1 to 1000 characters' })
  reason: string;
}

@InputType()
export class MarkDocumentSentInput extends DocumentActionInput {
  @Field(() => DeliveryChannel)
  @IsIn(Object.values(DeliveryChannel))
  channel: DeliveryChannel;

  @Field(() => String, { nullable: true, description: 'The e-mail or postal address it went to.' })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  sentTo?: string | null;
}

@InputType()
export class CreateDocumentLinkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a document id (UUID)' })
  documentId: string;
}

@InputType({ description: 'A company that issues documents (admin).' })
export class SaveDocumentIssuerInput extends DocumentPartyAddressInput {
  @Field({ description: 'Short code, e.g. CB-DE.' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,19}$/, { message: 'must be 2 to 20 capital letters, digits or dashes, e.g. CB-DE' })
  id: string;

  @Field()
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  legalName: string;

  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,19}$/, { message: 'must be 1 to 20 capital letters, digits or dashes, e.g. CBDE-INV' })
  invoicePrefix: string;

  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,19}$/, { message: 'must be 1 to 20 capital letters, digits or dashes, e.g. CBDE-CRN' })
  creditNotePrefix: string;

  @Field({ defaultValue: 'Payable within 14 days of the invoice date.' })
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  paymentTerms: string;

  @Field({ defaultValue: true })
  @IsBoolean({ message: 'must be true or false' })
  active: boolean;
}

@InputType()
export class DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a trip id (UUID)' })
  tripId?: string | null;

  @Field(() => [DocumentType], { nullable: true })
  @IsOptional()
  @IsIn(Object.values(DocumentType), { each: true })
  type?: DocumentType[] | null;

  @Field(() => [DocumentStatus], { nullable: true })
  @IsOptional()
  @IsIn(Object.values(DocumentStatus), { each: true })
  status?: DocumentStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: requests past their due time and not issued; false: the others.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
}

@ArgsType()
export class CustomerDocumentsArgs extends PageArgs {
  @Field(() => DocumentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: DocumentFilter | null;
}
