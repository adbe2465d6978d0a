import { XMLParser } from 'fast-xml-parser';
import { anInvoice, embeddedFile, issuerStaff, pdfText, useDocuments } from './document.fixture';
import { DocumentType, TaxCategory } from './document.enums';

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: false });

describe('credit notes correct issued invoices; e-fapiao records (real Postgres)', () => {
  const world = useDocuments();
  let customerId: string;

  beforeAll(async () => {
    customerId = await world.learnCustomer();
  });

  it('credits a whole invoice with a type 381 credit note in its own series, naming the invoice; the invoice stays as issued', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    const request = await world.requestFor(customerId, DocumentType.CREDIT_NOTE, { correctsDocumentId: invoice.id });
    expect(request).toMatchObject({ status: 'REQUESTED', correctsDocumentId: invoice.id });
    const creditNote = await world.creditNoteIssuing.issue({ documentId: request.id, reason: 'Flight cancelled: booking refunded.' }, issuerStaff);
    expect(creditNote).toMatchObject({ type: 'CREDIT_NOTE', status: 'ISSUED', issuerId: 'CB-DE', currency: 'EUR', netTotalMinor: 19990, taxTotalMinor: 1330, grossTotalMinor: 21320 });
    expect(creditNote.documentNumber).toMatch(/^CBDE-CRN-2026-\d{6}$/);

    const pdf = await world.fileOf(creditNote);
    const text = await pdfText(pdf);
    for (const expected of ['CREDIT NOTE', creditNote.documentNumber as string, `Corrects invoice ${invoice.documentNumber} of 2026-11-02`, 'Zoë Müller', 'Total credited 213.20 EUR', 'Flight cancelled: booking refunded.']) {
      expect(text).toContain(expected);
    }
    const xml = (await embeddedFile(pdf, 'factur-x.xml'))?.content as string;
    const cii = parser.parse(xml).CrossIndustryInvoice;
    expect(cii.ExchangedDocument).toMatchObject({ ID: creditNote.documentNumber, TypeCode: '381' });
    const settlement = cii.SupplyChainTradeTransaction.ApplicableHeaderTradeSettlement;
    expect(settlement.InvoiceReferencedDocument).toMatchObject({ IssuerAssignedID: invoice.documentNumber, FormattedIssueDateTime: { DateTimeString: { '#text': '20261102' } } });
    expect(settlement.SpecifiedTradeSettlementHeaderMonetarySummation).toMatchObject({ GrandTotalAmount: '213.20', DuePayableAmount: '213.20' });

    const unchanged = await world.documentQueries.findById(invoice.id);
    expect(unchanged).toMatchObject({ status: 'ISSUED', documentNumber: invoice.documentNumber, grossTotalMinor: 21320, sha256: invoice.sha256 });
    const issued = (await world.db.outboxEvents()).find((event) => event.type === 'document.issued' && event.key === creditNote.id);
    expect(issued?.data).toMatchObject({ type: 'CREDIT_NOTE', correctsDocumentId: invoice.id, documentNumber: creditNote.documentNumber });
  });

  it('credits part of an invoice, then refuses to credit more than is left, a rate the invoice never charged, or the whole again', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    const fee = (quantity: string, overrides: Partial<ReturnType<typeof anInvoice>['lines'][number]> = {}) => ({
      description: 'Rebooking fee refunded',
      quantity,
      unitPrice: '35.00',
      taxCategory: TaxCategory.STANDARD,
      taxRate: '19',
      ...overrides,
    });
    const first = await world.requestFor(customerId, DocumentType.CREDIT_NOTE, { correctsDocumentId: invoice.id });
    const partial = await world.creditNoteIssuing.issue({ documentId: first.id, reason: 'One rebooking fee waived.', lines: [fee('1')] }, issuerStaff);
    expect(partial).toMatchObject({ netTotalMinor: 3500, taxTotalMinor: 665, grossTotalMinor: 4165 });

    const second = await world.requestFor(customerId, DocumentType.CREDIT_NOTE, { correctsDocumentId: invoice.id });
    await expect(world.creditNoteIssuing.issue({ documentId: second.id, reason: 'Both fees.', lines: [fee('2')] }, issuerStaff)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.lines', problems: [expect.objectContaining({ rule: 'at-most-invoiced', message: expect.stringContaining('35.00 EUR') })] },
    });
    await expect(world.creditNoteIssuing.issue({ documentId: second.id, reason: 'Wrong rate.', lines: [fee('1', { taxRate: '7' })] }, issuerStaff)).rejects.toMatchObject({
      extensions: { field: 'input.lines.0.taxRate', problems: [expect.objectContaining({ rule: 'invoiced-tax' })] },
    });
    await expect(world.creditNoteIssuing.issue({ documentId: second.id, reason: 'Everything.' }, issuerStaff)).rejects.toMatchObject({
      extensions: { field: 'input.lines', problems: [expect.objectContaining({ rule: 'required' })] },
    });
    const rest = await world.creditNoteIssuing.issue({ documentId: second.id, reason: 'Second fee waived.', lines: [fee('1')] }, issuerStaff);
    expect(rest.grossTotalMinor).toBe(4165);
    // Credit-note numbers run on without gaps, in their own series.
    expect(Number((rest.documentNumber as string).slice(-6)) - Number((partial.documentNumber as string).slice(-6))).toBe(1);
  });

  it('asks for an issued invoice of the same customer when a credit note is requested', async () => {
    const requestedInvoice = await world.requestFor(customerId, DocumentType.E_INVOICE);
    await expect(world.requestFor(customerId, DocumentType.CREDIT_NOTE, { correctsDocumentId: requestedInvoice.id })).rejects.toMatchObject({
      extensions: { field: 'input.correctsDocumentId', problems: [expect.objectContaining({ rule: 'issued-invoice' })] },
    });
    await expect(world.requestFor(customerId, DocumentType.CREDIT_NOTE)).rejects.toMatchObject({ extensions: { field: 'input.correctsDocumentId' } });
    const otherCustomer = await world.learnCustomer();
    const theirs = await world.issueInvoiceFor(otherCustomer);
    await expect(world.requestFor(customerId, DocumentType.CREDIT_NOTE, { correctsDocumentId: theirs.id })).rejects.toMatchObject({
      extensions: { field: 'input.correctsDocumentId', problems: [expect.objectContaining({ rule: 'customer-invoice' })] },
    });
    const certificate = await world.requestFor(customerId, DocumentType.TRAVEL_CERTIFICATE);
    await expect(world.requestFor(customerId, DocumentType.E_INVOICE, { correctsDocumentId: certificate.id })).rejects.toMatchObject({
      extensions: { field: 'input.correctsDocumentId', problems: [expect.objectContaining({ rule: 'credit-notes-only' })] },
    });
  });

  it('records the official e-fapiao issued by the tax platform: its number, date, amount and file; a number once only', async () => {
    const request = await world.requestFor(customerId, DocumentType.E_FAPIAO, { note: 'Company title: 上海某某有限公司' });
    const pdf = Buffer.from('%PDF-1.7\n% e-fapiao as downloaded from the tax platform\n');
    const recorded = await world.externalDocumentRecording.recordEFapiao(
      {
        documentId: request.id,
        fapiaoNumber: '26312000000012345678',
        issuedOn: '2026-11-01',
        totalAmount: '1280.00',
        file: { fileName: 'fapiao.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
      },
      issuerStaff,
    );
    expect(recorded).toMatchObject({
      type: 'E_FAPIAO',
      status: 'ISSUED',
      documentNumber: '26312000000012345678',
      externalIssueDate: '2026-11-01',
      currency: 'CNY',
      grossTotalMinor: 128000,
      fileName: 'e-fapiao-26312000000012345678.pdf',
      byteSize: pdf.length,
    });
    expect((await world.fileOf(recorded)).equals(pdf)).toBe(true);

    const again = await world.requestFor(customerId, DocumentType.E_FAPIAO);
    const file = { fileName: 'fapiao.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') };
    await expect(
      world.externalDocumentRecording.recordEFapiao({ documentId: again.id, fapiaoNumber: '26312000000012345678', issuedOn: '2026-11-01', totalAmount: '1280.00', file }, issuerStaff),
    ).rejects.toMatchObject({ extensions: { field: 'input.fapiaoNumber', problems: [expect.objectContaining({ rule: 'unique' })] } });
    await expect(
      world.externalDocumentRecording.recordEFapiao(
        { documentId: again.id, fapiaoNumber: '26312000000099999999', issuedOn: '2026-11-01', totalAmount: '1280.00', file: { ...file, contentType: 'application/ofd' } },
        issuerStaff,
      ),
    ).rejects.toMatchObject({ extensions: { field: 'input.file.contentType', problems: [expect.objectContaining({ rule: 'content' })] } });
    await expect(
      world.externalDocumentRecording.recordEFapiao({ documentId: again.id, fapiaoNumber: '26312000000099999999', issuedOn: '2026-12-24', totalAmount: '1280.00', file }, issuerStaff),
    ).rejects.toMatchObject({ extensions: { field: 'input.issuedOn' } });
    // The e-fapiao is a tax record: final once recorded, like an invoice.
    await expect(world.db.dataSource.query(`UPDATE customer_document SET document_number = '1' WHERE id = $1`, [recorded.id])).rejects.toThrow('is never edited');
  });
});
