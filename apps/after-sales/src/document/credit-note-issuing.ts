import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError } from '@carebridge/domain';
import { In, type EntityManager } from 'typeorm';
import { ensurePrintable } from './document-checks';
import { type InvoiceContentData, isInvoiceContent } from './document-content';
import { DocumentIssuer } from './document-issuer.entity';
import { sellerOf } from './document-issuers';
import { nextDocumentNumber } from './document-numbering';
import type { DocumentSteps } from './document-steps';
import { CustomerDocument } from './document.entity';
import { DocumentStatus, DocumentType } from './document.enums';
import type { IssueCreditNoteInput } from './document.inputs';
import { calculateInvoice, type InvoiceLineDraft, taxKey } from './invoice-calculation';
import { renderInvoicePdf } from './invoice-pdf';
import { formatDecimal, minorDigits, parseDecimal } from './money';

const ISSUED = [DocumentStatus.ISSUED, DocumentStatus.SENT];

/**
 * Issuing a requested credit note (UNCL1001 type 381): it corrects one issued invoice, naming it
 * (EN 16931 BG-3), in the same currency, by the same issuer, in that issuer's own credit-note series.
 * It credits the whole invoice, or the lines given; never a VAT category or rate the invoice did
 * not charge, and never more, with the credit notes before it, than the invoice's amount in each.
 * The invoice itself stays as it was issued.
 */
export class CreditNoteIssuing {
  constructor(private readonly steps: DocumentSteps) {}

  async issue(input: IssueCreditNoteInput, by: Identity, requestId?: string): Promise<CustomerDocument> {
    ensurePrintable([['input.reason', input.reason], ...(input.lines ?? []).map((line, index): [string, string] => [`input.lines.${index}.description`, line.description])]);
    return this.steps.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockFor(manager, input, DocumentStatus.ISSUED, DocumentType.CREDIT_NOTE);
      // Locked too: two credit notes for one invoice are issued one after the other, each seeing the other's amounts.
      const invoiceDocument = document.correctsDocumentId
        ? await manager.getRepository(CustomerDocument).findOne({ where: { id: document.correctsDocumentId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!invoiceDocument || !ISSUED.includes(invoiceDocument.status) || !isInvoiceContent(invoiceDocument.content) || !invoiceDocument.issuerId) {
        throw new ConflictError(`Credit note request "${document.id}" corrects no issued invoice`, { correctsDocumentId: document.correctsDocumentId });
      }
      const invoice = invoiceDocument.content;
      const earlier = await creditedSoFar(manager, invoiceDocument.id);
      if (!input.lines?.length && earlier.count > 0) {
        throw BadUserInputError.field('input.lines', 'required', `must list what to credit: part of invoice ${invoice.number} was credited already`);
      }
      const drafts: InvoiceLineDraft[] = input.lines?.length ? input.lines : invoice.lines.map((line) => draftOf(line, invoice));
      const figures = calculateInvoice(invoice.currency, drafts, null);
      checkWithinInvoice(invoice, figures.basisByTax, earlier.basisByTax, input.lines?.length ? drafts : null);

      const issuer = await manager.findOneByOrFail(DocumentIssuer, { id: invoiceDocument.issuerId });
      const now = this.steps.clock.now();
      const number = await nextDocumentNumber(manager, issuer, 'CREDIT_NOTE', now);
      const creditNote: InvoiceContentData = {
        kind: 'INVOICE',
        typeCode: '381',
        number,
        issueDate: now.toISOString().slice(0, 10),
        currency: invoice.currency,
        seller: sellerOf(issuer),
        buyer: invoice.buyer,
        lines: figures.lines,
        taxes: figures.taxes,
        totals: figures.totals,
        paymentTerms: 'The credited amount is refunded to the original means of payment.',
        serviceDate: invoice.serviceDate,
        bookingReference: invoice.bookingReference,
        precedingInvoiceNumber: invoice.number,
        precedingInvoiceDate: invoice.issueDate,
        note: input.reason.trim(),
      };
      const { pdf } = await renderInvoicePdf(creditNote, now);
      return this.steps.issue(
        manager,
        document,
        {
          issuerId: issuer.id,
          documentNumber: number,
          currency: invoice.currency,
          netTotalMinor: Number(figures.minor.net),
          taxTotalMinor: Number(figures.minor.tax),
          grossTotalMinor: Number(figures.minor.gross),
          content: creditNote,
        },
        { fileName: `credit-note-${number}.pdf`, contentType: 'application/pdf', bytes: pdf },
        { userId: by.userId, requestId },
        now,
      );
    });
  }
}

/** What the issued credit notes of an invoice credited, per VAT category and rate. */
async function creditedSoFar(manager: EntityManager, invoiceId: string): Promise<{ count: number; basisByTax: Map<string, bigint> }> {
  const notes = await manager.findBy(CustomerDocument, { correctsDocumentId: invoiceId, type: DocumentType.CREDIT_NOTE, status: In(ISSUED) });
  const basisByTax = new Map<string, bigint>();
  for (const note of notes) {
    if (!isInvoiceContent(note.content)) continue;
    const places = minorDigits(note.content.currency);
    for (const tax of note.content.taxes) {
      const key = taxKey(tax.category, tax.rate);
      basisByTax.set(key, (basisByTax.get(key) ?? 0n) + (parseDecimal(tax.basis, places) ?? 0n));
    }
  }
  return { count: notes.length, basisByTax };
}

function checkWithinInvoice(invoice: InvoiceContentData, credited: Map<string, bigint>, earlier: Map<string, bigint>, lines: InvoiceLineDraft[] | null): void {
  const places = minorDigits(invoice.currency);
  const invoiced = new Map(invoice.taxes.map((tax) => [taxKey(tax.category, tax.rate), parseDecimal(tax.basis, places) ?? 0n]));
  lines?.forEach((line, index) => {
    const rate = line.taxRate?.trim() ? (parseDecimal(line.taxRate.trim(), 2) ?? 0n) : null;
    const key = taxKey(line.taxCategory, rate === null ? null : formatDecimal(rate, 2, { trim: true }));
    if (!invoiced.has(key)) {
      throw BadUserInputError.field(`input.lines.${index}.taxRate`, 'invoiced-tax', `must be a VAT category and rate of invoice ${invoice.number} (${[...invoiced.keys()].join(', ')})`);
    }
  });
  for (const [key, amount] of credited) {
    const limit = (invoiced.get(key) ?? 0n) - (earlier.get(key) ?? 0n);
    if (amount > limit) {
      throw BadUserInputError.field(
        'input.lines',
        'at-most-invoiced',
        `must not credit more than invoice ${invoice.number} still holds at ${key.replace(':', ' ')}%: ${formatDecimal(limit < 0n ? 0n : limit, places)} ${invoice.currency} net`,
      );
    }
  }
}

function draftOf(line: InvoiceContentData['lines'][number], invoice: InvoiceContentData): InvoiceLineDraft {
  const tax = invoice.taxes.find((t) => t.category === line.taxCategory && t.rate === line.taxRate);
  return {
    description: line.description,
    quantity: line.quantity,
    unitCode: line.unitCode,
    unitPrice: line.unitPrice,
    taxCategory: line.taxCategory,
    taxRate: line.taxRate,
    exemptionReason: tax?.exemptionReason ?? null,
    exemptionReasonCode: tax?.exemptionReasonCode ?? null,
  };
}
