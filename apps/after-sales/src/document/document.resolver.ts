import { CONTACT_DETAIL_ROLES, hasAnyRole, type Identity, type Role } from '@carebridge/auth';
import type { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import { type Connection, caller, ListArgs, listSize, maskEmail, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { disclose } from '../access-log/disclosure';
import { CustomerReference } from '../references/customer.reference';
import type { CertificateVerification } from './certificate-verification';
import type { CreditNoteIssuing } from './credit-note-issuing';
import { DocumentAuditEntry } from './document-audit.entity';
import { isCertificateContent, isInvoiceContent } from './document-content';
import type { DocumentDispatch } from './document-dispatch';
import type { DocumentDownloads } from './document-downloads';
import { DocumentIssuer } from './document-issuer.entity';
import type { DocumentIssuers } from './document-issuers';
import { NEXT_STATUSES } from './document-lifecycle';
import type { DocumentQueries } from './document-queries';
import type { DocumentRefusal } from './document-refusal';
import type { DocumentRequesting } from './document-requesting';
import { CustomerDocument, CustomerDocumentConnection } from './document.entity';
import {
  DocumentDownloadLink,
  DocumentFile,
  DocumentStatus,
  InvoiceContent,
  TravelCertificateStatement,
  TravelCertificateVerification,
} from './document.enums';
import {
  CreateDocumentLinkInput,
  CustomerDocumentsArgs,
  IssueCreditNoteInput,
  IssueInvoiceInput,
  IssueTravelCertificateInput,
  MarkDocumentSentInput,
  RecordDocumentFileInput,
  RecordEFapiaoInput,
  RefuseDocumentInput,
  RequestDocumentInput,
  SaveDocumentIssuerInput,
} from './document.inputs';
import type { ExternalDocumentRecording } from './external-document-recording';
import type { InvoiceIssuing } from './invoice-issuing';
import { formatDecimal, minorDigits } from './money';
import type { TravelCertificateIssuing } from './travel-certificate-issuing';

/** After-sales issues and sends documents; agents take requests and hand out download links; analysts count (masked). */
const ISSUING_ROLES = ['after_sales'] as const satisfies readonly Role[];
const REQUESTING_ROLES = ['after_sales', 'agent'] as const satisfies readonly Role[];
const DOCUMENT_READERS = ['after_sales', 'agent', 'complaint_specialist', 'supervisor', 'analyst'] as const satisfies readonly Role[];

/** Names, addresses and the customer's words are for the roles whose duties need contact details. */
function seesPersonalData(identity: Identity | undefined): boolean {
  return hasAnyRole(identity, CONTACT_DETAIL_ROLES);
}

function maskName(name: string): string {
  return `${[...name.trim()][0] ?? ''}***`;
}

/** The use cases of documents, as the domain wires them. */
export interface DocumentDesk {
  documentQueries: DocumentQueries;
  documentRequesting: DocumentRequesting;
  documentRefusal: DocumentRefusal;
  documentDispatch: DocumentDispatch;
  invoiceIssuing: InvoiceIssuing;
  creditNoteIssuing: CreditNoteIssuing;
  travelCertificateIssuing: TravelCertificateIssuing;
  externalDocumentRecording: ExternalDocumentRecording;
  documentDownloads: DocumentDownloads;
  certificateVerification: CertificateVerification;
  documentIssuers: DocumentIssuers;
}

@Resolver(() => CustomerDocument)
export class DocumentResolver {
  constructor(
    private readonly desk: DocumentDesk,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  @Authorized(...DOCUMENT_READERS)
  @Query(() => CustomerDocument, { nullable: true })
  customerDocument(@Arg('id', () => ID) id: string): Promise<CustomerDocument | null> {
    return this.desk.documentQueries.findById(id);
  }

  @Authorized(...DOCUMENT_READERS)
  @Query(() => CustomerDocumentConnection, { description: 'Document requests and issued documents, newest request first.' })
  customerDocuments(@Args() args: CustomerDocumentsArgs): Promise<Connection<CustomerDocument>> {
    return this.desk.documentQueries.list(args);
  }

  @Authorized(...REQUESTING_ROLES)
  @Query(() => [DocumentIssuer], { description: 'The companies that issue documents.' })
  documentIssuers(): Promise<DocumentIssuer[]> {
    return this.desk.documentIssuers.list();
  }

  // The signed link is the grant: whoever holds it may fetch the file until it expires, signed in or not.
  @Query(() => DocumentFile, { description: 'An issued document’s file through a signed download link (createDocumentDownloadLink).' })
  async documentFile(@Arg('documentId', () => ID) documentId: string, @Arg('token') token: string, @Ctx() context: RequestContext): Promise<DocumentFile> {
    const { document, bytes } = await this.desk.documentDownloads.download(documentId, token, context.identity, context.requestId);
    context.logger.info({ documentId: document.id, type: document.type, byteSize: bytes.length }, 'document downloaded');
    // Anonymous downloads by link are in the document's audit trail; a signed-in reader is in the access log too.
    await this.accessLog.disclosed(context, document.customerId, 'document.file');
    return {
      documentId: document.id,
      fileName: document.fileName as string,
      contentType: document.contentType as string,
      byteSize: bytes.length,
      sha256: document.sha256 as string,
      contentBase64: bytes.toString('base64'),
    };
  }

  // Safe without a role: the code is 80 random bits, and the answer is what the certificate itself says.
  @Query(() => TravelCertificateVerification, { description: 'Confirms a travel certificate from the code printed on it.' })
  verifyTravelCertificate(@Arg('code') code: string): Promise<TravelCertificateVerification> {
    return this.desk.certificateVerification.verify(code);
  }

  @Authorized(...REQUESTING_ROLES)
  @Mutation(() => CustomerDocument, { description: 'Records a customer’s request for a document; due AFTER_SALES_DOCUMENT_DUE_HOURS later.' })
  requestDocument(@Arg('input') input: RequestDocumentInput, @Ctx() context: RequestContext): Promise<CustomerDocument> {
    return this.desk.documentRequesting.request(input, caller(context), context.requestId);
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CustomerDocument, { description: 'Issues a requested e-invoice (PDF with embedded EN 16931 XML), numbered in the issuer’s series.' })
  async issueInvoice(@Arg('input') input: IssueInvoiceInput, @Ctx() context: RequestContext): Promise<CustomerDocument> {
    return this.logIssue(context, await this.desk.invoiceIssuing.issue(input, caller(context), context.requestId));
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CustomerDocument, { description: 'Issues a requested credit note correcting its invoice (type 381).' })
  async issueCreditNote(@Arg('input') input: IssueCreditNoteInput, @Ctx() context: RequestContext): Promise<CustomerDocument> {
    return this.logIssue(context, await this.desk.creditNoteIssuing.issue(input, caller(context), context.requestId));
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CustomerDocument, { description: 'Issues a requested travel certificate with its verification code.' })
  async issueTravelCertificate(@Arg('input') input: IssueTravelCertificateInput, @Ctx() context: RequestContext): Promise<CustomerDocument> {
    return this.logIssue(context, await this.desk.travelCertificateIssuing.issue(input, caller(context), context.requestId));
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CustomerDocument, { description: 'Records the e-fapiao the Chinese tax platform issued: number, date, amount and file.' })
  async recordEFapiao(@Arg('input') input: RecordEFapiaoInput, @Ctx() context: RequestContext): Promise<CustomerDocument> {
    return this.logIssue(context, await this.desk.externalDocumentRecording.recordEFapiao(input, caller(context), context.requestId));
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CustomerDocument, { description: 'Records other papers issued elsewhere, with their file.' })
  async recordDocumentFile(@Arg('input') input: RecordDocumentFileInput, @Ctx() context: RequestContext): Promise<CustomerDocument> {
    return this.logIssue(context, await this.desk.externalDocumentRecording.recordFile(input, caller(context), context.requestId));
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CustomerDocument, { description: 'Refuses a request with the reason the customer is told.' })
  refuseDocument(@Arg('input') input: RefuseDocumentInput, @Ctx() context: RequestContext): Promise<CustomerDocument> {
    return this.desk.documentRefusal.refuse(input, caller(context), context.requestId);
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CustomerDocument, { description: 'Records that an issued document was sent to the customer (again, if need be).' })
  markDocumentSent(@Arg('input') input: MarkDocumentSentInput, @Ctx() context: RequestContext): Promise<CustomerDocument> {
    return this.desk.documentDispatch.markSent(input, caller(context), context.requestId);
  }

  @Authorized(...REQUESTING_ROLES)
  @Mutation(() => DocumentDownloadLink, { description: 'A signed download link to an issued document, valid AFTER_SALES_DOCUMENT_LINK_TTL_MINUTES.' })
  async createDocumentDownloadLink(@Arg('input') input: CreateDocumentLinkInput, @Ctx() context: RequestContext): Promise<DocumentDownloadLink> {
    const link = await this.desk.documentDownloads.createLink(input.documentId, caller(context), context.requestId);
    context.logger.info({ documentId: link.documentId, expiresAt: link.expiresAt.toISOString() }, 'document download link created');
    return link;
  }

  @Authorized('admin')
  @Mutation(() => DocumentIssuer, { description: 'Creates or changes a company that issues documents.' })
  saveDocumentIssuer(@Arg('input') input: SaveDocumentIssuerInput, @Ctx() context: RequestContext): Promise<DocumentIssuer> {
    return this.desk.documentIssuers.save(input, caller(context));
  }

  // Nullable: when crm cannot be reached the document is still returned; hidden from roles that count, not serve.
  @FieldResolver(() => CustomerReference, { nullable: true, description: 'Whose document it is (resolved by crm).' })
  customer(@Root() document: CustomerDocument, @Ctx() context: RequestContext): CustomerReference | null {
    return seesPersonalData(context.identity) ? { id: document.customerId } : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'What the customer asked for; masked for roles without a need for it.' })
  async requestNote(@Root() document: CustomerDocument, @Ctx() context: RequestContext): Promise<string | null> {
    if (!document.requestNote || seesPersonalData(context.identity)) return disclose(this.accessLog, context, document.customerId, 'document.requestNote', document.requestNote);
    return '***';
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the request was refused, as told to the customer.' })
  async refusalReason(@Root() document: CustomerDocument, @Ctx() context: RequestContext): Promise<string | null> {
    if (!document.refusalReason || seesPersonalData(context.identity)) return disclose(this.accessLog, context, document.customerId, 'document.refusalReason', document.refusalReason);
    return '***';
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where it was sent; masked for roles without a need for contact details.' })
  async sentTo(@Root() document: CustomerDocument, @Ctx() context: RequestContext): Promise<string | null> {
    if (!document.sentTo || seesPersonalData(context.identity)) return disclose(this.accessLog, context, document.customerId, 'document.sentTo', document.sentTo);
    return document.sentTo.includes('@') ? maskEmail(document.sentTo) : '***';
  }

  @FieldResolver(() => Boolean, { description: 'Still requested after its due time.' })
  overdue(@Root() document: CustomerDocument): boolean {
    return this.desk.documentQueries.isOverdue(document);
  }

  @FieldResolver(() => [DocumentStatus], { description: 'The statuses it can move to from here.' })
  allowedNextStatuses(@Root() document: CustomerDocument): readonly DocumentStatus[] {
    return NEXT_STATUSES[document.status];
  }

  @FieldResolver(() => String, { nullable: true, description: 'Total without VAT, decimal in `currency` (invoices, credit notes).' })
  netTotal(@Root() document: CustomerDocument): string | null {
    return amount(document.netTotalMinor, document.currency);
  }

  @FieldResolver(() => String, { nullable: true, description: 'VAT total, decimal in `currency`.' })
  taxTotal(@Root() document: CustomerDocument): string | null {
    return amount(document.taxTotalMinor, document.currency);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Total with VAT (an e-fapiao: its total), decimal in `currency`.' })
  grossTotal(@Root() document: CustomerDocument): string | null {
    return amount(document.grossTotalMinor, document.currency);
  }

  @FieldResolver(() => InvoiceContent, { nullable: true, description: 'Invoices and credit notes: what it says, as issued; the buyer masked for roles without need.' })
  async invoice(@Root() document: CustomerDocument, @Ctx() context: RequestContext): Promise<InvoiceContent | null> {
    if (!isInvoiceContent(document.content)) return null;
    const { kind: _kind, ...invoice } = document.content;
    if (seesPersonalData(context.identity)) return disclose(this.accessLog, context, document.customerId, 'document.invoice.buyer', invoice);
    const buyer = invoice.buyer;
    return { ...invoice, buyer: { ...buyer, name: maskName(buyer.name), addressLines: [], postcode: null, email: maskEmail(buyer.email), vatId: null, taxRegistrationId: null } };
  }

  @FieldResolver(() => TravelCertificateStatement, { nullable: true, description: 'Travel certificates: what it states; the traveller masked for roles without need.' })
  async certificate(@Root() document: CustomerDocument, @Ctx() context: RequestContext): Promise<TravelCertificateStatement | null> {
    if (!isCertificateContent(document.content)) return null;
    const { kind: _kind, ...statement } = document.content;
    if (seesPersonalData(context.identity)) return disclose(this.accessLog, context, document.customerId, 'document.certificate.passenger', statement);
    return { ...statement, passengerName: maskName(statement.passengerName), bookingReference: statement.bookingReference ? '***' : null };
  }

  @FieldResolver(() => String, { nullable: true, description: 'Travel certificates: the code printed on it.' })
  verificationCode(@Root() document: CustomerDocument, @Ctx() context: RequestContext): string | null {
    return seesPersonalData(context.identity) ? document.verificationCode : document.verificationCode && '****-****-****-****';
  }

  @Authorized('after_sales')
  @FieldResolver(() => [DocumentAuditEntry], { description: 'Who requested, issued, sent, linked and downloaded it, oldest first; at most `first` of them (bounded list).' })
  auditTrail(@Root() document: CustomerDocument, @Args() list: ListArgs): Promise<DocumentAuditEntry[]> {
    return this.desk.documentQueries.auditTrailOf(document.id, listSize(list));
  }

  private logIssue(context: RequestContext, document: CustomerDocument): CustomerDocument {
    context.logger.info({ documentId: document.id, type: document.type, documentNumber: document.documentNumber }, 'document issued');
    return document;
  }
}

@Resolver(() => CustomerReference)
export class CustomerDocumentsResolver {
  constructor(private readonly queries: DocumentQueries) {}

  @Authorized(...REQUESTING_ROLES)
  @FieldResolver(() => CustomerDocumentConnection, {
    nullable: true,
    description: 'The papers the customer asked after-sales for (invoices, credit notes, travel certificates, e-fapiao records) and those issued, newest request first. Travel documents such as passports are `documents`.',
  })
  afterSalesDocuments(@Root() customer: CustomerReference, @Args() args: CustomerDocumentsArgs): Promise<Connection<CustomerDocument>> {
    return this.queries.list({ ...args, filter: { ...args.filter, customerId: customer.id } });
  }
}

function amount(minor: number | null, currency: string | null): string | null {
  if (minor === null || !currency) return null;
  return formatDecimal(BigInt(minor), minorDigits(currency));
}
