import { ciiInvoiceXml, FACTUR_X_FILE_NAME } from './cii-invoice';
import type { InvoiceContentData, PartyContent } from './document-content';
import { TAX_CATEGORY_CODES, TaxCategory } from './document.enums';
import { createPdfA, finishPdfA, textsOf } from './pdf-a';
import { PdfLayout } from './pdf-layout';

const CATEGORY_LABELS: Record<TaxCategory, string> = {
  STANDARD: 'VAT',
  ZERO_RATED: 'VAT zero rate',
  EXEMPT: 'Exempt from VAT',
  REVERSE_CHARGE: 'Reverse charge',
  INTRA_COMMUNITY: 'Intra-community supply',
  EXPORT: 'Export outside the EU',
  OUTSIDE_SCOPE: 'Not subject to VAT',
};

/**
 * An invoice or credit note as a PDF people read — issuer, customer, lines, the VAT breakdown and
 * the totals — with the same invoice as EN 16931 CII XML inside it (`factur-x.xml`, relationship
 * Alternative, as Factur-X's EN 16931 profile asks), so that accounting software reads the data and
 * people read the page. Returns the PDF and the XML it embeds.
 */
export async function renderInvoicePdf(invoice: InvoiceContentData, at: Date): Promise<{ pdf: Uint8Array; xml: string }> {
  const creditNote = invoice.typeCode === '381';
  const title = `${creditNote ? 'Credit note' : 'Invoice'} ${invoice.number}`;
  const meta = {
    title,
    author: invoice.seller.name,
    subject: creditNote ? `Credit note ${invoice.number} correcting invoice ${invoice.precedingInvoiceNumber}` : `Invoice ${invoice.number}`,
    keywords: [creditNote ? 'credit note' : 'invoice', 'Factur-X', 'EN 16931'],
    createdAt: at,
    language: 'en',
  };
  const { doc, fonts } = await createPdfA(meta, textsOf(invoice));
  const layout = new PdfLayout(doc, fonts, `${invoice.seller.name} · ${title} · contains its EN 16931 data as ${FACTUR_X_FILE_NAME}`);
  const width = layout.contentWidth;
  const half = width / 2;

  layout.line(creditNote ? 'CREDIT NOTE' : 'INVOICE', { size: 20, bold: true });
  layout.gap(6);
  layout.row(
    [
      { text: partyText('From', invoice.seller), x: 0, width: half - 10 },
      { text: partyText('Billed to', invoice.buyer), x: half, width: half },
    ],
    { size: 9.5 },
  );
  layout.gap(10);
  const facts: [string, string][] = [
    [creditNote ? 'Credit note number' : 'Invoice number', invoice.number],
    ['Issue date', invoice.issueDate],
  ];
  if (creditNote && invoice.precedingInvoiceNumber) facts.push(['Corrects invoice', `${invoice.precedingInvoiceNumber}${invoice.precedingInvoiceDate ? ` of ${invoice.precedingInvoiceDate}` : ''}`]);
  if (invoice.serviceDate) facts.push(['Date of service', invoice.serviceDate]);
  if (invoice.bookingReference) facts.push(['Booking reference', invoice.bookingReference]);
  facts.push(['Currency', invoice.currency]);
  layout.facts(facts, 130);
  layout.gap(12);

  const columns = { number: 0, description: 24, quantity: 270, price: 320, tax: 400, net: 440 };
  const headerRow = (texts: string[], bold: boolean) =>
    layout.row(
      [
        { text: texts[0], x: columns.number, width: 22 },
        { text: texts[1], x: columns.description, width: columns.quantity - columns.description - 8 },
        { text: texts[2], x: columns.quantity, width: 44, align: 'right' },
        { text: texts[3], x: columns.price, width: 72, align: 'right' },
        { text: texts[4], x: columns.tax, width: 36, align: 'right' },
        { text: texts[5], x: columns.net, width: width - columns.net, align: 'right' },
      ],
      { bold, size: 9 },
    );
  headerRow(['#', 'Description', 'Qty', 'Unit price', 'VAT', `Net (${invoice.currency})`], true);
  layout.rule();
  for (const line of invoice.lines) {
    headerRow([String(line.lineId), `${line.description}${line.unitCode === 'C62' ? '' : ` (${line.unitCode})`}`, line.quantity, line.unitPrice, rateText(line.taxCategory, line.taxRate), line.netAmount], false);
  }
  layout.rule();
  layout.gap(4);

  const totalsRow = (label: string, amount: string, bold = false) =>
    layout.row(
      [
        { text: label, x: 250, width: 180 },
        { text: `${amount} ${invoice.currency}`, x: 430, width: width - 430, align: 'right' },
      ],
      { bold, size: 10 },
    );
  totalsRow('Total net', invoice.totals.taxBasisTotal);
  for (const tax of invoice.taxes) {
    totalsRow(`${CATEGORY_LABELS[tax.category]} ${rateText(tax.category, tax.rate)} on ${tax.basis}`, tax.amount);
  }
  totalsRow(creditNote ? 'Total credited' : 'Total', invoice.totals.grandTotal, true);
  if (invoice.totals.prepaid !== zeroLike(invoice.totals.prepaid)) {
    totalsRow('Already paid', invoice.totals.prepaid);
    totalsRow(creditNote ? 'To be refunded' : 'Amount due', invoice.totals.duePayable, true);
  }
  layout.gap(12);

  const exemptions = invoice.taxes.filter((tax) => tax.exemptionReason || tax.exemptionReasonCode);
  for (const tax of exemptions) {
    layout.line(`${CATEGORY_LABELS[tax.category]} (${TAX_CATEGORY_CODES[tax.category]}): ${[tax.exemptionReason, tax.exemptionReasonCode].filter(Boolean).join(' · ')}`, { size: 9 });
  }
  if (invoice.paymentTerms) layout.line(`Payment terms: ${invoice.paymentTerms}`, { size: 9 });
  if (invoice.note) layout.line(invoice.note, { size: 9 });
  layout.gap(6);
  layout.line(
    `This PDF carries the same ${creditNote ? 'credit note' : 'invoice'} as structured data (EN 16931, UN/CEFACT Cross Industry Invoice) in the attached file ${FACTUR_X_FILE_NAME}.`,
    { size: 8, muted: true },
  );
  layout.finish();

  const xml = ciiInvoiceXml(invoice);
  const pdf = await finishPdfA(doc, meta, {
    attachments: [{ fileName: FACTUR_X_FILE_NAME, bytes: new TextEncoder().encode(xml), mimeType: 'text/xml', description: 'Factur-X invoice (EN 16931)', relationship: 'Alternative' }],
    facturX: { documentType: 'INVOICE', fileName: FACTUR_X_FILE_NAME, version: '1.0', conformanceLevel: 'EN 16931' },
  });
  return { pdf, xml };
}

function partyText(heading: string, party: PartyContent): string {
  return [
    heading.toUpperCase(),
    party.name,
    ...party.addressLines,
    [party.postcode, party.city].filter(Boolean).join(' '),
    party.countryCode,
    party.vatId ? `VAT ID ${party.vatId}` : null,
    party.taxRegistrationId ? `Tax no. ${party.taxRegistrationId}` : null,
  ]
    .filter((line): line is string => Boolean(line))
    .join('\n');
}

function rateText(category: TaxCategory, rate: string | null): string {
  if (category === TaxCategory.OUTSIDE_SCOPE || rate === null) return TAX_CATEGORY_CODES[category];
  return `${rate}%`;
}

function zeroLike(amount: string): string {
  return amount.replace(/\d/g, '0');
}
