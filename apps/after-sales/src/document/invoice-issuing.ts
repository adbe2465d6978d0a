import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { ensurePrintable, isCalendarDate } from './document-checks';
import type { InvoiceContentData, PartyContent } from './document-content';
import { type DocumentIssuers, sellerOf } from './document-issuers';
import { nextDocumentNumber } from './document-numbering';
import type { TripDirectory } from './document-requesting';
import type { DocumentSteps } from './document-steps';
import type { CustomerDocument } from './document.entity';
import { DocumentStatus, DocumentType } from './document.enums';
import type { InvoicePartyInput, IssueInvoiceInput } from './document.inputs';
import { calculateInvoice } from './invoice-calculation';
import { renderInvoicePdf } from './invoice-pdf';
import { isCurrency } from './money';

/**
 * Issuing a requested e-invoice: its figures computed exactly, numbered in the issuer's unbroken
 * series (the counter row locked until the transaction ends), rendered as a PDF with its EN 16931
 * CII XML embedded, stored and completed in one transaction. Once issued it never changes: the
 * database refuses it, and a correction is a credit note (`CreditNoteIssuing`).
 */
export class InvoiceIssuing {
  constructor(
    private readonly steps: DocumentSteps,
    private readonly issuers: DocumentIssuers,
    private readonly trips: TripDirectory,
  ) {}

  async issue(input: IssueInvoiceInput, by: Identity, requestId?: string): Promise<CustomerDocument> {
    if (!isCurrency(input.currency)) throw BadUserInputError.field('input.currency', 'currency', 'must be an ISO 4217 currency code such as EUR');
    if (input.serviceDate && !isCalendarDate(input.serviceDate)) throw BadUserInputError.field('input.serviceDate', 'date', 'must be a date YYYY-MM-DD');
    ensurePrintable([
      ['input.buyer.name', input.buyer.name],
      ...input.buyer.addressLines.map((line, index): [string, string] => [`input.buyer.addressLines.${index}`, line]),
      ['input.buyer.city', input.buyer.city],
      ...input.lines.map((line, index): [string, string] => [`input.lines.${index}.description`, line.description]),
      ['input.paymentTerms', input.paymentTerms],
      ['input.note', input.note],
    ]);
    const figures = calculateInvoice(input.currency, input.lines, input.prepaidAmount);
    return this.steps.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockFor(manager, input, DocumentStatus.ISSUED, DocumentType.E_INVOICE);
      const issuer = await this.issuers.choose(manager, input.issuerId);
      const trip = document.tripId ? await this.trips.findById(document.tripId) : null;
      const now = this.steps.clock.now();
      const number = await nextDocumentNumber(manager, issuer, 'INVOICE', now);
      const invoice: InvoiceContentData = {
        kind: 'INVOICE',
        typeCode: '380',
        number,
        issueDate: now.toISOString().slice(0, 10),
        currency: input.currency,
        seller: sellerOf(issuer),
        buyer: buyerOf(input.buyer),
        lines: figures.lines,
        taxes: figures.taxes,
        totals: figures.totals,
        paymentTerms: figures.minor.due > 0n ? input.paymentTerms?.trim() || issuer.paymentTerms : (input.paymentTerms?.trim() ?? 'Paid in full.'),
        serviceDate: input.serviceDate ?? null,
        bookingReference: input.bookingReference?.trim().toUpperCase() || trip?.bookingReference || null,
        precedingInvoiceNumber: null,
        precedingInvoiceDate: null,
        note: input.note?.trim() || null,
      };
      const { pdf } = await renderInvoicePdf(invoice, now);
      return this.steps.issue(
        manager,
        document,
        {
          issuerId: issuer.id,
          documentNumber: number,
          currency: input.currency,
          netTotalMinor: Number(figures.minor.net),
          taxTotalMinor: Number(figures.minor.tax),
          grossTotalMinor: Number(figures.minor.gross),
          content: invoice,
        },
        { fileName: `invoice-${number}.pdf`, contentType: 'application/pdf', bytes: pdf },
        { userId: by.userId, requestId },
        now,
      );
    });
  }
}

export function buyerOf(buyer: InvoicePartyInput): PartyContent {
  return {
    name: buyer.name.trim(),
    addressLines: buyer.addressLines.map((line) => line.trim()).filter(Boolean),
    postcode: buyer.postcode?.trim() || null,
    city: buyer.city.trim(),
    countryCode: buyer.countryCode,
    vatId: buyer.vatId?.trim() || null,
    taxRegistrationId: buyer.taxRegistrationId?.trim() || null,
    email: buyer.email?.trim() || null,
  };
}
