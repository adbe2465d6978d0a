import { XMLParser } from 'fast-xml-parser';
import { parse as parseIccProfile } from 'icc';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { embeddedFile, issuerStaff, useDocuments, xmpOf } from './document.fixture';
import { DocumentType, TaxCategory } from './document.enums';

/**
 * What can be checked of Factur-X (EN 16931 profile) and PDF/A-3 without a Schematron engine or a
 * PDF/A validator: the PDF's structures that Factur-X and PDF/A-3 ask for, read back from the file,
 * and the EN 16931 business rules on the embedded CII XML that are sums, presence and code checks.
 * Neither the full EN 16931 Schematron nor veraPDF runs here (docs/services/after-sales.md says so).
 */

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreAttributes: false,
  isArray: (name) => ['IncludedSupplyChainTradeLineItem', 'ApplicableTradeTax', 'IncludedNote', 'SpecifiedTaxRegistration'].includes(name),
});

type Node = Record<string, any>;

/** The rule names of each VAT category (UNCL5305 code → the letters of its BR-…-08/09/10 rules). */
const RULE_PREFIX: Record<string, string> = { S: 'S', Z: 'Z', E: 'E', AE: 'AE', K: 'IC', G: 'G', O: 'O' };

/** An amount in hundredths, exactly: EN 16931 amounts have at most two decimals (BR-DEC). */
function hundredths(value: unknown): bigint {
  const text = String(typeof value === 'object' && value !== null ? (value as Node)['#text'] : value);
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`"${text}" is not an amount with at most two decimals (BR-DEC)`);
  return BigInt(`${match[1]}${match[2]}${(match[3] ?? '').padEnd(2, '0')}`);
}

/** VAT of a basis at a percentage, rounded half away from zero to hundredths (BR-CO-17). */
function vatOf(basis: bigint, percent: string): bigint {
  const [whole, fraction = ''] = percent.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const rate = BigInt(`${whole}${fraction}`);
  const exact = basis * rate; // hundredths × percent × scale
  const divisor = 100n * scale;
  const sign = exact < 0n ? -1n : 1n;
  return (sign * ((sign * exact * 2n + divisor) / (2n * divisor)));
}

/**
 * The EN 16931 business rules (EN 16931-1, clause 6.4) that a program can check on the CII syntax
 * without the Schematron: mandatory elements (BR-01 … BR-16, BR-21 … BR-26), the sums and their
 * consistency (BR-CO-10, BR-CO-13 … BR-CO-17, per-category bases BR-S-08 and the like, BR-S-07, BR-CO-04, BR-CO-18) and
 * exemption reasons and zero VAT of the exempt categories (BR-E-09, BR-E-10 and the like). Returns the rules broken, each with what it found.
 */
function en16931Violations(xml: string): string[] {
  const broken: string[] = [];
  const rule = (id: string, holds: boolean, found: string) => {
    if (!holds) broken.push(`${id}: ${found}`);
  };
  const cii: Node = parser.parse(xml).CrossIndustryInvoice;
  const document: Node = cii.ExchangedDocument ?? {};
  const transaction: Node = cii.SupplyChainTradeTransaction ?? {};
  const agreement: Node = transaction.ApplicableHeaderTradeAgreement ?? {};
  const settlement: Node = transaction.ApplicableHeaderTradeSettlement ?? {};
  const totals: Node = settlement.SpecifiedTradeSettlementHeaderMonetarySummation ?? {};
  const lines: Node[] = transaction.IncludedSupplyChainTradeLineItem ?? [];
  const breakdown: Node[] = settlement.ApplicableTradeTax ?? [];

  rule('BR-01', cii.ExchangedDocumentContext?.GuidelineSpecifiedDocumentContextParameter?.ID === 'urn:cen.eu:en16931:2017', 'specification identifier (BT-24)');
  rule('BR-02', Boolean(document.ID), 'invoice number (BT-1) missing');
  rule('BR-03', /^\d{8}$/.test(document.IssueDateTime?.DateTimeString?.['#text'] ?? ''), 'issue date (BT-2) missing or not format 102');
  rule('BR-04', ['380', '381', '384', '389', '751'].includes(document.TypeCode), `invoice type code (BT-3) "${document.TypeCode}"`);
  rule('BR-05', /^[A-Z]{3}$/.test(settlement.InvoiceCurrencyCode ?? ''), 'invoice currency (BT-5) missing');
  for (const [id, party, label] of [
    ['BR-06', agreement.SellerTradeParty, 'seller'],
    ['BR-07', agreement.BuyerTradeParty, 'buyer'],
  ] as const) {
    rule(id, Boolean(party?.Name), `${label} name missing`);
  }
  rule('BR-08', Boolean(agreement.SellerTradeParty?.PostalTradeAddress), 'seller postal address (BG-5) missing');
  rule('BR-09', /^[A-Z]{2}$/.test(agreement.SellerTradeParty?.PostalTradeAddress?.CountryID ?? ''), 'seller country code (BT-40) missing');
  rule('BR-10', Boolean(agreement.BuyerTradeParty?.PostalTradeAddress), 'buyer postal address (BG-8) missing');
  rule('BR-11', /^[A-Z]{2}$/.test(agreement.BuyerTradeParty?.PostalTradeAddress?.CountryID ?? ''), 'buyer country code (BT-55) missing');
  for (const [id, element] of [
    ['BR-12', 'LineTotalAmount'],
    ['BR-13', 'TaxBasisTotalAmount'],
    ['BR-14', 'GrandTotalAmount'],
    ['BR-15', 'DuePayableAmount'],
  ] as const) {
    rule(id, totals[element] !== undefined, `${element} missing`);
  }
  rule('BR-16', lines.length >= 1, 'no invoice line');
  lines.forEach((line, index) => {
    const at = `line ${index + 1}`;
    rule('BR-21', Boolean(line.AssociatedDocumentLineDocument?.LineID), `${at}: line identifier (BT-126) missing`);
    rule('BR-22', line.SpecifiedLineTradeDelivery?.BilledQuantity?.['#text'] !== undefined, `${at}: quantity (BT-129) missing`);
    rule('BR-23', Boolean(line.SpecifiedLineTradeDelivery?.BilledQuantity?.['@_unitCode']), `${at}: unit of measure (BT-130) missing`);
    rule('BR-24', line.SpecifiedLineTradeSettlement?.SpecifiedTradeSettlementLineMonetarySummation?.LineTotalAmount !== undefined, `${at}: line net amount (BT-131) missing`);
    rule('BR-25', Boolean(line.SpecifiedTradeProduct?.Name), `${at}: item name (BT-153) missing`);
    rule('BR-26', line.SpecifiedLineTradeAgreement?.NetPriceProductTradePrice?.ChargeAmount !== undefined, `${at}: item net price (BT-146) missing`);
    rule('BR-CO-04', Boolean(line.SpecifiedLineTradeSettlement?.ApplicableTradeTax?.[0]?.CategoryCode), `${at}: VAT category (BT-151) missing`);
  });
  if (broken.length) return broken;

  const lineNet = (line: Node) => hundredths(line.SpecifiedLineTradeSettlement.SpecifiedTradeSettlementLineMonetarySummation.LineTotalAmount);
  const sumOfLines = lines.reduce((sum, line) => sum + lineNet(line), 0n);
  const lineTotal = hundredths(totals.LineTotalAmount);
  const allowances = totals.AllowanceTotalAmount === undefined ? 0n : hundredths(totals.AllowanceTotalAmount);
  const charges = totals.ChargeTotalAmount === undefined ? 0n : hundredths(totals.ChargeTotalAmount);
  const taxBasis = hundredths(totals.TaxBasisTotalAmount);
  const taxTotal = totals.TaxTotalAmount === undefined ? 0n : hundredths(totals.TaxTotalAmount);
  const grandTotal = hundredths(totals.GrandTotalAmount);
  const prepaid = totals.TotalPrepaidAmount === undefined ? 0n : hundredths(totals.TotalPrepaidAmount);
  const rounding = totals.RoundingAmount === undefined ? 0n : hundredths(totals.RoundingAmount);
  const due = hundredths(totals.DuePayableAmount);

  rule('BR-CO-10', lineTotal === sumOfLines, `sum of line net amounts (BT-106) ${lineTotal} ≠ Σ line net amounts (BT-131) ${sumOfLines}`);
  rule('BR-CO-13', taxBasis === lineTotal - allowances + charges, `total without VAT (BT-109) ${taxBasis} ≠ BT-106 − BT-107 + BT-108 = ${lineTotal - allowances + charges}`);
  const categoryTax = breakdown.reduce((sum, tax) => sum + hundredths(tax.CalculatedAmount), 0n);
  rule('BR-CO-14', taxTotal === categoryTax, `VAT total (BT-110) ${taxTotal} ≠ Σ VAT category tax amounts (BT-117) ${categoryTax}`);
  rule('BR-CO-15', grandTotal === taxBasis + taxTotal, `total with VAT (BT-112) ${grandTotal} ≠ BT-109 + BT-110 = ${taxBasis + taxTotal}`);
  rule('BR-CO-16', due === grandTotal - prepaid + rounding, `amount due (BT-115) ${due} ≠ BT-112 − BT-113 + BT-114 = ${grandTotal - prepaid + rounding}`);
  rule('BR-CO-18', breakdown.length >= 1, 'no VAT breakdown (BG-23)');

  for (const tax of breakdown) {
    const code: string = tax.CategoryCode;
    const prefix = RULE_PREFIX[code] ?? code;
    const rate: string | undefined = tax.RateApplicablePercent;
    const of = `category ${code}${rate === undefined ? '' : ` ${rate} %`}`;
    const basis = hundredths(tax.BasisAmount);
    const matching = lines.filter((line) => {
      const lineTax = line.SpecifiedLineTradeSettlement.ApplicableTradeTax[0];
      return lineTax.CategoryCode === code && Number(lineTax.RateApplicablePercent ?? 0) === Number(rate ?? 0);
    });
    rule(`BR-${prefix}-08`, basis === matching.reduce((sum, line) => sum + lineNet(line), 0n), `${of}: taxable amount (BT-116) ${basis} ≠ Σ of its lines`);
    if (rate !== undefined) rule('BR-CO-17', hundredths(tax.CalculatedAmount) === vatOf(basis, rate), `${of}: VAT ${tax.CalculatedAmount} ≠ basis × rate`);
    if (['E', 'AE', 'K', 'G', 'O'].includes(code)) {
      rule(`BR-${prefix}-10`, Boolean(tax.ExemptionReason || tax.ExemptionReasonCode), `${of}: exemption reason (BT-120/121) missing`);
      rule(`BR-${prefix}-09`, hundredths(tax.CalculatedAmount) === 0n, `${of}: VAT must be 0`);
    }
    if (code === 'S') rule('BR-S-07', Number(rate) > 0, `${of}: standard rate must be greater than zero`);
  }
  return broken;
}

/** The PDF's objects Factur-X and PDF/A-3 ask for, read back from the file. */
async function pdfStructures(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = doc;
  const af = catalog.lookup(PDFName.of('AF'), PDFArray);
  const afSpecs = af.asArray().map((entry) => context.lookup(entry as PDFRef, PDFDict));
  const intents = catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents.lookup(0, PDFDict);
  const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream) as PDFRawStream;
  const id = context.trailerInfo.ID as PDFArray | undefined;
  const fonts = context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
  return { doc, afSpecs, intent, profile: Buffer.from(decodePDFRawStream(profile).decode()), profileDict: profile.dict, id, encrypted: context.trailerInfo.Encrypt !== undefined, fonts };
}

describe('Factur-X (EN 16931) and PDF/A-3: what is checked without Schematron or veraPDF (real Postgres)', () => {
  const world = useDocuments();
  let customerId: string;

  beforeAll(async () => {
    customerId = await world.learnCustomer();
  });

  it('carries the Factur-X structures: the XML as associated file (Alternative) in /AF, XMP with the Factur-X extension schema, an sRGB output intent, a document ID, embedded fonts, no encryption', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    const pdf = await world.fileOf(invoice);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const { doc, afSpecs, intent, profile, profileDict, id, encrypted, fonts } = await pdfStructures(pdf);

    // The XML: an embedded file in the name tree, and the same file specification in the catalog's /AF.
    const attachment = await embeddedFile(pdf, 'factur-x.xml');
    expect(attachment).not.toBeNull();
    expect(afSpecs).toHaveLength(1);
    const [spec] = afSpecs;
    expect(spec.get(PDFName.of('Type'))).toBe(PDFName.of('Filespec'));
    expect(spec.get(PDFName.of('F'))?.toString()).toBe('(factur-x.xml)');
    expect(spec.get(PDFName.of('UF'))).toBeDefined();
    expect(spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'));
    const file = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream);
    expect(file.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('text/xml'));
    expect(file.dict.lookup(PDFName.of('Params'), PDFDict).get(PDFName.of('ModDate'))).toBeInstanceOf(PDFString);

    // XMP: PDF/A-3B identification, the Factur-X extension schema and its four properties, matching the document information.
    const xmp = await xmpOf(pdf);
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain('<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>');
    expect(xmp).toContain('<pdfaSchema:prefix>fx</pdfaSchema:prefix>');
    expect([...xmp.matchAll(/<pdfaProperty:name>(\w+)<\/pdfaProperty:name>/g)].map((m) => m[1]).sort()).toEqual(['ConformanceLevel', 'DocumentFileName', 'DocumentType', 'Version']);
    for (const property of ['<fx:DocumentType>INVOICE</fx:DocumentType>', '<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>', '<fx:Version>1.0</fx:Version>', '<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>']) {
      expect(xmp).toContain(property);
    }
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${doc.getTitle()}</rdf:li>`);
    expect(xmp).toContain(`<pdf:Producer>${doc.getProducer()}</pdf:Producer>`);

    // Output intent: PDF/A's, with an ICC profile a colour-management module reads as an RGB display profile.
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    expect(profileDict.get(PDFName.of('N'))?.toString()).toBe('3');
    expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(parseIccProfile(profile)).toMatchObject({ deviceClass: 'Monitor', colorSpace: 'RGB', connectionSpace: 'XYZ', description: expect.stringContaining('sRGB') });

    // Trailer: a document ID of two equal 16-byte strings; no encryption. Every font is embedded.
    expect(id?.size()).toBe(2);
    const [first, second] = [id?.get(0), id?.get(1)] as PDFHexString[];
    expect(first.asString()).toMatch(/^[0-9a-f]{32}$/);
    expect(second.asString()).toBe(first.asString());
    expect(encrypted).toBe(false);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.get(PDFName.of('FontFile2')) ?? font.get(PDFName.of('FontFile3'))).toBeDefined();
  });

  it('embeds CII XML that keeps the EN 16931 business rules a program can check: mandatory elements, BR-16, the sums BR-CO-10 to BR-CO-16, VAT per category', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    const xml = (await embeddedFile(await world.fileOf(invoice), 'factur-x.xml'))?.content ?? '';
    expect(en16931Violations(xml)).toEqual([]);

    // Several rates, a zero-rated line and an amount with rounding in its VAT.
    const mixed = await world.issueInvoiceFor(customerId, {
      lines: [
        { description: 'Seat reservation', quantity: '3', unitPrice: '12.99', taxCategory: TaxCategory.STANDARD, taxRate: '19' },
        { description: 'Transfer', quantity: '1', unitPrice: '45.50', taxCategory: TaxCategory.STANDARD, taxRate: '7' },
        { description: 'International flight', quantity: '1', unitPrice: '310.00', taxCategory: TaxCategory.ZERO_RATED, taxRate: '0' },
        { description: 'Travel insurance', quantity: '1', unitPrice: '19.90', taxCategory: TaxCategory.EXEMPT, taxRate: '0', exemptionReason: 'Insurance transactions', exemptionReasonCode: 'VATEX-EU-135' },
      ],
      prepaidAmount: '100.00',
    });
    expect(en16931Violations((await embeddedFile(await world.fileOf(mixed), 'factur-x.xml'))?.content ?? '')).toEqual([]);

    // A credit note (type 381) for the first invoice keeps them too.
    const request = await world.requestFor(customerId, DocumentType.CREDIT_NOTE, { correctsDocumentId: invoice.id });
    const creditNote = await world.creditNoteIssuing.issue({ documentId: request.id, reason: 'Flight cancelled: booking refunded.' }, issuerStaff);
    expect(en16931Violations((await embeddedFile(await world.fileOf(creditNote), 'factur-x.xml'))?.content ?? '')).toEqual([]);
  });

  it('the checks catch what they are for: a broken sum, a missing line, a missing exemption reason', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    const xml = (await embeddedFile(await world.fileOf(invoice), 'factur-x.xml'))?.content ?? '';
    const withLineTotal = xml.replace(/(<ram:SpecifiedTradeSettlementHeaderMonetarySummation>\s*<ram:LineTotalAmount>)[^<]+/, (_match, head: string) => `${head}299.90`);
    expect(en16931Violations(withLineTotal)).toEqual(expect.arrayContaining([expect.stringMatching(/^BR-CO-10: /), expect.stringMatching(/^BR-CO-13: /)]));
    const withGrandTotal = xml.replace(/<ram:GrandTotalAmount>[^<]+/, '<ram:GrandTotalAmount>1.00');
    expect(en16931Violations(withGrandTotal)).toEqual(expect.arrayContaining([expect.stringMatching(/^BR-CO-15: /), expect.stringMatching(/^BR-CO-16: /)]));
    const withoutLines = xml.replace(/<ram:IncludedSupplyChainTradeLineItem>[\s\S]*?<\/ram:IncludedSupplyChainTradeLineItem>/g, '');
    expect(en16931Violations(withoutLines)).toEqual(['BR-16: no invoice line']);
    const withoutReason = xml.replace(/<ram:ExemptionReason>[^<]*<\/ram:ExemptionReason>/, '').replace(/<ram:ExemptionReasonCode>[^<]*<\/ram:ExemptionReasonCode>/, '');
    expect(en16931Violations(withoutReason)).toEqual([expect.stringMatching(/^BR-E-10: /)]);
    const withoutBuyer = xml.replace(/(<ram:BuyerTradeParty>)<ram:Name>[^<]*<\/ram:Name>/, '$1');
    expect(en16931Violations(withoutBuyer)).toEqual(['BR-07: buyer name missing']);
  });
});
