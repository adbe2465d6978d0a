import { DOCUMENT_DELIVERY_CHANNELS, DOCUMENT_TYPES, enumOf, type EnumValue } from '@carebridge/event-contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DisruptionCause } from '../incident/incident.enums';

export { DisruptionCause };

/** What a customer asked for (T-4.2); the list is shared with the event contracts. */
export const DocumentType = enumOf(DOCUMENT_TYPES);
export type DocumentType = EnumValue<typeof DocumentType>;

export enum DocumentStatus {
  REQUESTED = 'REQUESTED',
  ISSUED = 'ISSUED',
  SENT = 'SENT',
  REFUSED = 'REFUSED',
}

export const DeliveryChannel = enumOf(DOCUMENT_DELIVERY_CHANNELS);
export type DeliveryChannel = EnumValue<typeof DeliveryChannel>;

/** Tax records: kept for the invoice retention period, and never changed once issued. */
export const TAX_DOCUMENT_TYPES: readonly DocumentType[] = [DocumentType.E_INVOICE, DocumentType.CREDIT_NOTE, DocumentType.E_FAPIAO];

/**
 * VAT categories of an invoice line, with their UNCL5305 codes (EN 16931 BT-151): the standard
 * rate, zero rate, exempt (also the travel agents' margin scheme, VATEX-EU-D), reverse charge,
 * intra-community supply, export outside the EU, and services outside the scope of VAT.
 */
export enum TaxCategory {
  STANDARD = 'STANDARD',
  ZERO_RATED = 'ZERO_RATED',
  EXEMPT = 'EXEMPT',
  REVERSE_CHARGE = 'REVERSE_CHARGE',
  INTRA_COMMUNITY = 'INTRA_COMMUNITY',
  EXPORT = 'EXPORT',
  OUTSIDE_SCOPE = 'OUTSIDE_SCOPE',
}

export const TAX_CATEGORY_CODES: Record<TaxCategory, string> = {
  STANDARD: 'S',
  ZERO_RATED: 'Z',
  EXEMPT: 'E',
  REVERSE_CHARGE: 'AE',
  INTRA_COMMUNITY: 'K',
  EXPORT: 'G',
  OUTSIDE_SCOPE: 'O',
};

/** What happened to the flight or trip a travel certificate states. */
export enum TravelDisruption {
  DELAY = 'DELAY',
  CANCELLATION = 'CANCELLATION',
  DIVERSION = 'DIVERSION',
}

/** What was done to or with a document, for its audit trail. */
export enum DocumentAuditAction {
  REQUESTED = 'REQUESTED',
  ISSUED = 'ISSUED',
  REFUSED = 'REFUSED',
  SENT = 'SENT',
  LINK_CREATED = 'LINK_CREATED',
  DOWNLOADED = 'DOWNLOADED',
  DOWNLOAD_REFUSED = 'DOWNLOAD_REFUSED',
  FILE_DELETED = 'FILE_DELETED',
}

registerEnumType(DocumentType, { name: 'DocumentType', description: 'E-invoice, credit note, travel certificate, e-fapiao record or other papers.' });
registerEnumType(DocumentStatus, { name: 'DocumentStatus', description: 'REQUESTED → ISSUED → SENT, or REFUSED with a reason.' });
registerEnumType(DeliveryChannel, { name: 'DocumentDeliveryChannel' });
registerEnumType(TaxCategory, { name: 'TaxCategory', description: 'VAT category of an invoice line (EN 16931 BT-151, UNCL5305 codes S, Z, E, AE, K, G, O).' });
registerEnumType(TravelDisruption, { name: 'TravelDisruption' });
registerEnumType(DocumentAuditAction, { name: 'DocumentAuditAction' });

/** A party of an invoice: the issuer (seller) or the customer billed (buyer). */
@ObjectType('InvoiceParty')
export class InvoiceParty {
  @Field()
  name: string;

  @Field(() => [String])
  addressLines: string[];

  @Field(() => String, { nullable: true })
  postcode: string | null;

  @Field()
  city: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'VAT identifier, e.g. DE123456789.' })
  vatId: string | null;

  @Field(() => String, { nullable: true, description: 'Tax or company registration number where there is no VAT identifier.' })
  taxRegistrationId: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}

@ObjectType('InvoiceLine')
export class InvoiceLine {
  @Field(() => Int)
  lineId: number;

  @Field()
  description: string;

  @Field({ description: 'Decimal, e.g. "2" or "1.5".' })
  quantity: string;

  @Field({ description: 'UN/ECE Recommendation 20 unit, e.g. C62 (one), DAY, NAR (number of articles).' })
  unitCode: string;

  @Field({ description: 'Net price of one unit, decimal in the invoice currency.' })
  unitPrice: string;

  @Field({ description: 'quantity × unit price, rounded to the currency’s minor unit.' })
  netAmount: string;

  @Field(() => TaxCategory)
  taxCategory: TaxCategory;

  @Field(() => String, { nullable: true, description: 'Percent, e.g. "19"; null outside the scope of VAT.' })
  taxRate: string | null;
}

@ObjectType('InvoiceTax', { description: 'One line of the VAT breakdown (EN 16931 BG-23).' })
export class InvoiceTax {
  @Field(() => TaxCategory)
  category: TaxCategory;

  @Field(() => String, { nullable: true })
  rate: string | null;

  @Field({ description: 'Taxable amount of the category and rate.' })
  basis: string;

  @Field()
  amount: string;

  @Field(() => String, { nullable: true })
  exemptionReason: string | null;

  @Field(() => String, { nullable: true, description: 'VATEX code, e.g. VATEX-EU-D for the travel agents’ margin scheme.' })
  exemptionReasonCode: string | null;
}

@ObjectType('InvoiceTotals', { description: 'Document totals (EN 16931 BG-22), decimals in the invoice currency.' })
export class InvoiceTotals {
  @Field({ description: 'Sum of the line net amounts.' })
  lineTotal: string;

  @Field()
  taxBasisTotal: string;

  @Field()
  taxTotal: string;

  @Field({ description: 'Total with VAT.' })
  grandTotal: string;

  @Field()
  prepaid: string;

  @Field({ description: 'Amount due for payment.' })
  duePayable: string;
}

/** The invoice or credit note an issued tax document carries, as issued. */
@ObjectType('InvoiceContent')
export class InvoiceContent {
  @Field({ description: 'UNCL1001: 380 commercial invoice, 381 credit note.' })
  typeCode: string;

  @Field()
  number: string;

  @Field({ description: 'YYYY-MM-DD.' })
  issueDate: string;

  @Field()
  currency: string;

  @Field(() => InvoiceParty)
  seller: InvoiceParty;

  @Field(() => InvoiceParty)
  buyer: InvoiceParty;

  @Field(() => [InvoiceLine])
  lines: InvoiceLine[];

  @Field(() => [InvoiceTax])
  taxes: InvoiceTax[];

  @Field(() => InvoiceTotals)
  totals: InvoiceTotals;

  @Field(() => String, { nullable: true })
  paymentTerms: string | null;

  @Field(() => String, { nullable: true, description: 'When the service was supplied (YYYY-MM-DD).' })
  serviceDate: string | null;

  @Field(() => String, { nullable: true })
  bookingReference: string | null;

  @Field(() => String, { nullable: true, description: 'Credit notes: the number of the invoice corrected.' })
  precedingInvoiceNumber: string | null;

  @Field(() => String, { nullable: true })
  precedingInvoiceDate: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

/** What a travel certificate states; also what verification confirms. */
@ObjectType('TravelCertificateStatement')
export class TravelCertificateStatement {
  @Field({ description: 'The traveller it is issued for; "[erased]" after erasure or when its retention ended.' })
  passengerName: string;

  @Field(() => String, { nullable: true })
  bookingReference: string | null;

  @Field(() => String, { nullable: true, description: 'Airline designator of a flight, e.g. LH.' })
  carrier: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. LH 721.' })
  flightNumber: string | null;

  @Field(() => String, { nullable: true, description: 'A trip or segment other than a flight, e.g. the tour or the hotel.' })
  tripDescription: string | null;

  @Field(() => String, { nullable: true, description: 'IATA airport or place of departure.' })
  origin: string | null;

  @Field(() => String, { nullable: true })
  destination: string | null;

  @Field(() => TravelDisruption)
  disruption: TravelDisruption;

  @Field({ description: 'ISO-8601 in the local time of the airport, with its UTC offset.' })
  scheduledDeparture: string;

  @Field(() => String, { nullable: true })
  actualDeparture: string | null;

  @Field(() => String, { nullable: true })
  scheduledArrival: string | null;

  @Field(() => String, { nullable: true })
  actualArrival: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the actual times are the carrier’s estimates.' })
  timesEstimated?: boolean;

  @Field(() => String, { nullable: true, description: 'Where a diverted flight landed.' })
  diversionAirport: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between scheduled and actual (or estimated) departure.' })
  departureDelayMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between scheduled and actual arrival (delay, diversion).' })
  arrivalDelayMinutes: number | null;

  @Field(() => DisruptionCause)
  cause: DisruptionCause;

  @Field(() => String, { nullable: true })
  causeDetail: string | null;

  @Field({ description: 'Who issued it.' })
  issuerName: string;
}

@ObjectType('DocumentDownloadLink', { description: 'A short-lived signed link to an issued document’s file.' })
export class DocumentDownloadLink {
  @Field(() => ID)
  documentId: string;

  @Field({ description: 'The signed grant; give it to documentFile with the document id. Whoever holds it may download until it expires.' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => String, { nullable: true, description: 'A URL for browsers, when AFTER_SALES_DOCUMENT_LINK_BASE_URL is set.' })
  url: string | null;
}

@ObjectType('DocumentFile', { description: 'An issued document’s file, fetched with a signed link.' })
export class DocumentFile {
  @Field(() => ID)
  documentId: string;

  @Field()
  fileName: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  byteSize: number;

  @Field({ description: 'SHA-256 of the file (hex), as recorded at issue.' })
  sha256: string;

  @Field()
  contentBase64: string;
}

@ObjectType('TravelCertificateVerification', { description: 'Whether a travel certificate is genuine, and what it states.' })
export class TravelCertificateVerification {
  @Field({ description: 'true: after-sales issued a certificate with this code.' })
  genuine: boolean;

  @Field({ description: 'The code as printed (normalised).' })
  verificationCode: string;

  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Field(() => TravelCertificateStatement, { nullable: true })
  statement: TravelCertificateStatement | null;
}
