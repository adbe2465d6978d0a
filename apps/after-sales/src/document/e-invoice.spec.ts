import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BadUserInputError } from '@carebridge/domain';
import { XMLParser } from 'fast-xml-parser';
import { PDFName } from 'pdf-lib';
import { validateXML } from 'xmllint-wasm';
import { people } from '../after-sales.fixture';
import { FileSystemDocumentStorage } from '../document-storage/file-system-document-storage';
import type { DocumentStorage } from '../document-storage/document-storage';
import { documentDesk } from './document-desk';
import { anInvoice, embeddedFile, issuerStaff, pdfText, useDocuments, xmpOf } from './document.fixture';
import { CustomerDocument } from './document.entity';
import { DocumentType, TaxCategory } from './document.enums';
import { documentSettings } from './document.settings';

const SCHEMA_DIRECTORY = join(__dirname, 'factur-x-xsd');

/** The embedded XML checked against the Factur-X 1.07.3 EN 16931 schema (structure and data types). */
async function schemaErrors(xml: string): Promise<string[]> {
  const files = readdirSync(SCHEMA_DIRECTORY).filter((name) => name.endsWith('.xsd'));
  const main = 'Factur-X_1.07.3_EN16931.xsd';
  const result = await validateXML({
    xml: [{ fileName: 'factur-x.xml', contents: xml }],
    schema: [{ fileName: main, contents: readFileSync(join(SCHEMA_DIRECTORY, main), 'utf8') }],
    preload: files.filter((name) => name !== main).map((name) => ({ fileName: name, contents: readFileSync(join(SCHEMA_DIRECTORY, name), 'utf8') })),
  });
  return result.errors.map((error) => error.rawMessage);
}

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: false });

describe('e-invoices: a real PDF with its EN 16931 data inside (real Postgres)', () => {
  const world = useDocuments();
  let customerId: string;

  beforeAll(async () => {
    customerId = await world.learnCustomer();
  });

  it('renders the invoice — issuer, customer, lines, VAT and totals — numbered in the issuer’s series, stored, audited and announced by ids', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    expect(invoice).toMatchObject({
      type: 'E_INVOICE',
      status: 'ISSUED',
      issuerId: 'CB-DE',
      currency: 'EUR',
      netTotalMinor: 19990,
      taxTotalMinor: 1330,
      grossTotalMinor: 21320,
      contentType: 'application/pdf',
      issuedBy: issuerStaff.userId,
    });
    expect(invoice.documentNumber).toMatch(/^CBDE-INV-2026-\d{6}$/);
    expect(invoice.fileName).toBe(`invoice-${invoice.documentNumber}.pdf`);

    const pdf = await world.fileOf(invoice);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const text = await pdfText(pdf);
    for (const expected of [
      'INVOICE',
      'Carebridge Travel GmbH',
      'VAT ID DE123456789',
      'Zoë Müller',
      'Rua Augusta 10',
      '1100-053 Lisboa',
      invoice.documentNumber as string,
      '2026-11-02',
      'XK7Q9P',
      'Rebooking fee LH 721 FRA–LIS',
      'Hotel night Lisbon',
      '35.00',
      '129.90',
      'Total net 199.90 EUR',
      'VAT 19% on 70.00 13.30 EUR',
      'Exempt from VAT 0% on 129.90 0.00 EUR',
      'Total 213.20 EUR',
      'Already paid 50.00 EUR',
      'Amount due 163.20 EUR',
      'Margin scheme - travel agents · VATEX-EU-D',
      'Payable within 14 days of the invoice date.',
    ]) {
      expect(text).toContain(expected);
    }

    const events = (await world.db.outboxEvents()).filter((event) => event.key === invoice.id);
    expect(events.map((event) => event.type)).toEqual(['document.requested', 'document.issued']);
    expect(events[1].data).toEqual({
      documentId: invoice.id,
      customerId,
      tripId: null,
      type: 'E_INVOICE',
      documentNumber: invoice.documentNumber,
      issuerId: 'CB-DE',
      correctsDocumentId: null,
      issuedBy: issuerStaff.userId,
      issuedAt: '2026-11-02T09:00:00.000Z',
      withinDueTime: true,
    });
    expect(JSON.stringify(events)).not.toMatch(/Müller|Augusta|213\.20/);
    const trail = await world.documentQueries.auditTrailOf(invoice.id);
    expect(trail.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['REQUESTED', people.agent.userId],
      ['ISSUED', issuerStaff.userId],
    ]);
    expect(JSON.stringify(trail.map((entry) => entry.detail))).not.toMatch(/Müller|Augusta/);
  });

  it('embeds the same invoice as Factur-X CII XML (EN 16931), valid against the schema and holding the totals, with Factur-X and PDF/A-3 metadata', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    const pdf = await world.fileOf(invoice);
    const attachment = await embeddedFile(pdf, 'factur-x.xml');
    expect(attachment).not.toBeNull();
    const { content: xml, spec, catalog } = attachment as NonNullable<typeof attachment>;
    expect(spec.get(PDFName.of('AFRelationship'))).toEqual(PDFName.of('Alternative'));
    expect(catalog.get(PDFName.of('AF'))).toBeDefined();
    expect(catalog.get(PDFName.of('OutputIntents'))).toBeDefined();

    expect(await schemaErrors(xml)).toEqual([]);
    const cii = parser.parse(xml).CrossIndustryInvoice;
    expect(cii.ExchangedDocumentContext.GuidelineSpecifiedDocumentContextParameter.ID).toBe('urn:cen.eu:en16931:2017');
    expect(cii.ExchangedDocument).toMatchObject({ ID: invoice.documentNumber, TypeCode: '380', IssueDateTime: { DateTimeString: { '#text': '20261102', '@_format': '102' } } });
    const transaction = cii.SupplyChainTradeTransaction;
    expect(transaction.IncludedSupplyChainTradeLineItem).toHaveLength(2);
    expect(transaction.ApplicableHeaderTradeAgreement.SellerTradeParty.SpecifiedTaxRegistration.ID['#text']).toBe('DE123456789');
    expect(transaction.ApplicableHeaderTradeAgreement.BuyerTradeParty.Name).toBe('Zoë Müller');
    const settlement = transaction.ApplicableHeaderTradeSettlement;
    expect(settlement.InvoiceCurrencyCode).toBe('EUR');
    expect(settlement.ApplicableTradeTax).toEqual([
      expect.objectContaining({ CalculatedAmount: '13.30', BasisAmount: '70.00', CategoryCode: 'S', RateApplicablePercent: '19' }),
      expect.objectContaining({ CalculatedAmount: '0.00', BasisAmount: '129.90', CategoryCode: 'E', ExemptionReasonCode: 'VATEX-EU-D' }),
    ]);
    expect(settlement.SpecifiedTradeSettlementHeaderMonetarySummation).toEqual({
      LineTotalAmount: '199.90',
      TaxBasisTotalAmount: '199.90',
      TaxTotalAmount: { '#text': '13.30', '@_currencyID': 'EUR' },
      GrandTotalAmount: '213.20',
      TotalPrepaidAmount: '50.00',
      DuePayableAmount: '163.20',
    });

    const xmp = await xmpOf(pdf);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
  });

  it('numbers invoices in an unbroken series when many are issued at the same moment', async () => {
    const requests = await Promise.all(Array.from({ length: 10 }, () => world.requestFor(customerId, DocumentType.E_INVOICE)));
    const issued = await Promise.all(requests.map((request) => world.invoiceIssuing.issue(anInvoice(request.id), issuerStaff)));
    const numbers = issued.map((invoice) => Number((invoice.documentNumber as string).slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(10);
    expect(numbers[9] - numbers[0]).toBe(9);
    const all = await world.db.dataSource.getRepository(CustomerDocument).findBy({ issuerId: 'CB-DE', type: DocumentType.E_INVOICE });
    const series = all.map((invoice) => Number((invoice.documentNumber as string).slice(-6))).sort((a, b) => a - b);
    expect(series).toEqual(series.map((_, index) => index + 1));
  });

  it('gives the number of an issue that failed to the next one: the series has no gap', async () => {
    const failing: DocumentStorage = {
      put: () => Promise.reject(new Error('storage unavailable')),
      get: () => Promise.resolve(null),
      delete: () => Promise.resolve(),
    };
    const settings = documentSettings({ AFTER_SALES_DOCUMENT_STORAGE_DIR: world.storageDirectory });
    const broken = documentDesk(world.db, world.customers, world.tripQueries, world.incidents.recordedDisruptions, settings, failing);
    const [before] = await world.db.dataSource.query(`SELECT last_number FROM document_number_counter WHERE issuer_id = 'CB-DE' AND series = 'INVOICE'`);
    const request = await world.requestFor(customerId, DocumentType.E_INVOICE);
    await expect(broken.invoiceIssuing.issue(anInvoice(request.id), issuerStaff)).rejects.toThrow('storage unavailable');
    expect(await world.documentQueries.findById(request.id)).toMatchObject({ status: 'REQUESTED', documentNumber: null });
    const working = documentDesk(world.db, world.customers, world.tripQueries, world.incidents.recordedDisruptions, settings, new FileSystemDocumentStorage(world.storageDirectory));
    const issued = await working.invoiceIssuing.issue(anInvoice(request.id), issuerStaff);
    expect(Number((issued.documentNumber as string).slice(-6))).toBe(before.last_number + 1);
  });

  it('never edits an issued invoice: issuing again is a conflict, and the database refuses changes to what it says', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    await expect(world.invoiceIssuing.issue(anInvoice(invoice.id), issuerStaff)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', currentStatus: 'ISSUED', allowedNext: ['SENT'] },
      message: expect.stringContaining('correct an invoice with a credit note'),
    });
    const sql = world.db.dataSource;
    await expect(sql.query(`UPDATE customer_document SET gross_total_minor = 1 WHERE id = $1`, [invoice.id])).rejects.toThrow('is never edited');
    await expect(sql.query(`UPDATE customer_document SET content = jsonb_set(content, '{buyer,name}', '"Someone Else"') WHERE id = $1`, [invoice.id])).rejects.toThrow(
      'is never edited',
    );
    await expect(sql.query(`UPDATE customer_document SET document_number = 'CBDE-INV-2026-999999' WHERE id = $1`, [invoice.id])).rejects.toThrow('is never edited');
    await expect(sql.query(`UPDATE customer_document SET status = 'REQUESTED' WHERE id = $1`, [invoice.id])).rejects.toThrow('is never edited');
    await expect(sql.query(`DELETE FROM customer_document WHERE id = $1`, [invoice.id])).rejects.toThrow('is never deleted');
    // Sending it is no edit.
    const sent = await world.documentDispatch.markSent({ documentId: invoice.id, channel: 'EMAIL', sentTo: 'zoe@example.com' }, issuerStaff);
    expect(sent).toMatchObject({ status: 'SENT', documentNumber: invoice.documentNumber, grossTotalMinor: 21320 });
  });

  it('prints a Chinese buyer’s name and address in Chinese characters, with the Chinese font embedded as a subset', async () => {
    const invoice = await world.issueInvoiceFor(customerId, {
      currency: 'CNY',
      buyer: { name: '张伟', addressLines: ['北京市朝阳区建国路88号'], postcode: '100022', city: '北京', countryCode: 'CN', email: null },
      lines: [{ description: 'Rebooking fee 改签费 MU 5101 PVG–PEK', quantity: '1', unitPrice: '200.00', taxCategory: TaxCategory.STANDARD, taxRate: '6' }],
      prepaidAmount: null,
      bookingReference: null,
    });
    const pdf = await world.fileOf(invoice);
    const text = await pdfText(pdf);
    for (const expected of ['张伟', '北京市朝阳区建国路88号', '改签费', 'Total 212.00 CNY']) expect(text).toContain(expected);
    const fonts = pdf.toString('latin1').match(/\/BaseFont \/[A-Za-z0-9+-]+/g) ?? [];
    expect(fonts.some((font) => font.includes('NotoSansHans-Regular'))).toBe(true);
    // Subset: the 8 MB font comes down to the glyphs printed.
    expect(pdf.length).toBeLessThan(400_000);
    const xml = (await embeddedFile(pdf, 'factur-x.xml'))?.content ?? '';
    expect(xml).toContain('<ram:Name>张伟</ram:Name>');
  });

  it('computes exactly in the currency’s minor unit: yen without decimals, dinar with three', async () => {
    const yen = await world.issueInvoiceFor(customerId, {
      currency: 'JPY',
      lines: [{ description: 'Seat upgrade', quantity: '3', unitPrice: '3333', taxCategory: TaxCategory.STANDARD, taxRate: '10' }],
      prepaidAmount: null,
    });
    expect(yen).toMatchObject({ netTotalMinor: 9999, taxTotalMinor: 1000, grossTotalMinor: 10999 });
    const dinar = await world.issueInvoiceFor(customerId, {
      currency: 'KWD',
      lines: [{ description: 'Excess baggage', quantity: '1.5', unitPrice: '12.345', taxCategory: TaxCategory.STANDARD, taxRate: '5' }],
      prepaidAmount: null,
    });
    // 1.5 × 12.345 = 18.5175 → 18.518; 5 % of it = 0.9259 → 0.926.
    expect(dinar).toMatchObject({ netTotalMinor: 18518, taxTotalMinor: 926, grossTotalMinor: 19444 });
    expect(await pdfText(await world.fileOf(dinar))).toContain('Total 19.444 KWD');
  });

  it('refuses bad input with typed errors naming each field, and issues nothing', async () => {
    const request = await world.requestFor(customerId, DocumentType.E_INVOICE);
    const base = anInvoice(request.id);
    const refused = (overrides: Partial<typeof base>) => world.invoiceIssuing.issue({ ...base, ...overrides }, issuerStaff);

    const amounts = await refused({
      lines: [
        { description: 'Fee', quantity: '0', unitPrice: '12,50', taxCategory: TaxCategory.STANDARD, taxRate: '19' },
        { description: 'Fee', quantity: '1', unitPrice: '10.00', taxCategory: TaxCategory.STANDARD, taxRate: '0' },
        { description: 'Hotel', quantity: '1', unitPrice: '10.00', taxCategory: TaxCategory.EXEMPT, taxRate: '0' },
        { description: 'Fee', quantity: '1', unitPrice: '10.001', taxCategory: TaxCategory.ZERO_RATED, taxRate: '7' },
      ],
    }).catch((error) => error);
    expect(amounts).toBeInstanceOf(BadUserInputError);
    expect((amounts as BadUserInputError).problems.map((p) => [p.field, p.rule])).toEqual([
      ['input.lines.0.quantity', 'quantity'],
      ['input.lines.0.unitPrice', 'amount'],
      ['input.lines.1.taxRate', 'standard-rate'],
      ['input.lines.2.exemptionReason', 'exemption-reason'],
      ['input.lines.3.unitPrice', 'amount'],
      ['input.lines.3.taxRate', 'zero-rate'],
    ]);
    await expect(refused({ currency: 'EUX' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.currency' } });
    await expect(refused({ prepaidAmount: '500.00' })).rejects.toMatchObject({ extensions: { field: 'input.prepaidAmount' } });
    await expect(refused({ buyer: { ...base.buyer, name: 'สมชาย ใจดี' } })).rejects.toMatchObject({
      extensions: { field: 'input.buyer.name', problems: [expect.objectContaining({ rule: 'printable', message: expect.stringContaining('ส') })] },
    });
    await expect(refused({ issuerId: 'NOPE' })).rejects.toMatchObject({ extensions: { field: 'input.issuerId' } });
    const certificateRequest = await world.requestFor(customerId, DocumentType.TRAVEL_CERTIFICATE);
    await expect(world.invoiceIssuing.issue(anInvoice(certificateRequest.id), issuerStaff)).rejects.toMatchObject({
      extensions: { field: 'input.documentId', problems: [expect.objectContaining({ rule: 'document-type', message: expect.stringContaining('issueTravelCertificate') })] },
    });
    expect(await world.documentQueries.findById(request.id)).toMatchObject({ status: 'REQUESTED', documentNumber: null });

    // Through the schema, class-validator names nested fields the same way.
    const result = await world.run(
      issuerStaff,
      `mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }`,
      { input: { ...base, buyer: { ...base.buyer, countryCode: 'Portugal' }, lines: [{ ...base.lines[0], unitCode: 'pieces' }] } },
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.buyer.countryCode' });
    expect((result.errors?.[0].extensions?.problems as { field: string }[]).map((p) => p.field)).toEqual(['input.buyer.countryCode', 'input.lines.0.unitCode']);
  });

  it('lets only after-sales issue, and masks the buyer for roles without a need for it', async () => {
    const request = await world.requestFor(customerId, DocumentType.E_INVOICE);
    const mutation = `mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }`;
    const byAgent = await world.run(people.agent, mutation, { input: anInvoice(request.id) });
    expect(byAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const issued = await world.run(issuerStaff, mutation, { input: anInvoice(request.id) });
    expect(issued.errors).toBeUndefined();

    const query = `query($id: ID!) { customerDocument(id: $id) { status documentNumber grossTotal currency customer { id } invoice { buyer { name addressLines email } totals { grandTotal duePayable } } } }`;
    const forAgent = await world.run(people.agent, query, { id: request.id });
    expect(forAgent.data?.customerDocument).toMatchObject({
      status: 'ISSUED',
      grossTotal: '213.20',
      customer: { id: customerId },
      invoice: { buyer: { name: 'Zoë Müller', addressLines: ['Rua Augusta 10'], email: 'zoe@example.com' }, totals: { grandTotal: '213.20', duePayable: '163.20' } },
    });
    const forAnalyst = await world.run(people.analyst, query, { id: request.id });
    expect(forAnalyst.data?.customerDocument).toMatchObject({
      grossTotal: '213.20',
      customer: null,
      invoice: { buyer: { name: 'Z***', addressLines: [], email: 'z***@example.com' }, totals: { grandTotal: '213.20' } },
    });
    const forTrainer = await world.run(people.trainer, query, { id: request.id });
    expect(forTrainer.data?.customerDocument ?? null).toBeNull();
  });
});
