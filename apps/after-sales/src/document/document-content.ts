import type { DisruptionCause, TaxCategory, TravelDisruption } from './document.enums';

/**
 * What an issued document says, as stored in `customer_document.content` (JSON): amounts as decimal
 * strings in the document's currency, dates as ISO text. The GraphQL types in document.enums.ts
 * read the same shape.
 */
export interface PartyContent {
  name: string;
  addressLines: string[];
  postcode: string | null;
  city: string;
  countryCode: string;
  vatId: string | null;
  taxRegistrationId: string | null;
  email: string | null;
}

export interface InvoiceLineContent {
  lineId: number;
  description: string;
  quantity: string;
  unitCode: string;
  unitPrice: string;
  netAmount: string;
  taxCategory: TaxCategory;
  taxRate: string | null;
}

export interface InvoiceTaxContent {
  category: TaxCategory;
  rate: string | null;
  basis: string;
  amount: string;
  exemptionReason: string | null;
  exemptionReasonCode: string | null;
}

export interface InvoiceTotalsContent {
  lineTotal: string;
  taxBasisTotal: string;
  taxTotal: string;
  grandTotal: string;
  prepaid: string;
  duePayable: string;
}

export interface InvoiceContentData {
  kind: 'INVOICE';
  /** UNCL1001: 380 commercial invoice, 381 credit note. */
  typeCode: '380' | '381';
  number: string;
  issueDate: string;
  currency: string;
  seller: PartyContent;
  buyer: PartyContent;
  lines: InvoiceLineContent[];
  taxes: InvoiceTaxContent[];
  totals: InvoiceTotalsContent;
  paymentTerms: string | null;
  serviceDate: string | null;
  bookingReference: string | null;
  precedingInvoiceNumber: string | null;
  precedingInvoiceDate: string | null;
  note: string | null;
}

export interface CertificateContentData {
  kind: 'TRAVEL_CERTIFICATE';
  /** The incident whose record it states (certificates issued before statements came from incidents have none). */
  incidentId?: string;
  passengerName: string;
  bookingReference: string | null;
  carrier: string | null;
  flightNumber: string | null;
  tripDescription: string | null;
  origin: string | null;
  destination: string | null;
  disruption: TravelDisruption;
  scheduledDeparture: string;
  actualDeparture: string | null;
  scheduledArrival: string | null;
  actualArrival: string | null;
  /** The actual times are the carrier's estimates. */
  timesEstimated?: boolean;
  diversionAirport: string | null;
  /** Minutes between scheduled and actual (or estimated) departure; absent on certificates issued before it was stated. */
  departureDelayMinutes?: number | null;
  arrivalDelayMinutes: number | null;
  cause: DisruptionCause;
  causeDetail: string | null;
  issuerName: string;
}

export type StoredContent = InvoiceContentData | CertificateContentData;

export function isInvoiceContent(content: StoredContent | null): content is InvoiceContentData {
  return content?.kind === 'INVOICE';
}

export function isCertificateContent(content: StoredContent | null): content is CertificateContentData {
  return content?.kind === 'TRAVEL_CERTIFICATE';
}
