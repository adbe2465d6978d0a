import type { InvoiceContentData, PartyContent } from './document-content';
import { TAX_CATEGORY_CODES, TaxCategory } from './document.enums';

/** The Factur-X / ZUGFeRD profile this XML follows: EN 16931 itself ("COMFORT"). */
export const EN16931_GUIDELINE = 'urn:cen.eu:en16931:2017';

/** The name Factur-X gives the XML inside the PDF. */
export const FACTUR_X_FILE_NAME = 'factur-x.xml';

const NAMESPACES = [
  'xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"',
  'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"',
  'xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"',
  'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"',
].join(' ');

/**
 * The invoice or credit note as a UN/CEFACT Cross Industry Invoice (D16B, the syntax EN 16931-3-3
 * binds the European norm to), in the element order of the CII schema, as Factur-X embeds it.
 * Credit notes are type 381 with positive amounts and name the invoice they correct (BG-3).
 */
export function ciiInvoiceXml(invoice: InvoiceContentData): string {
  const currency = invoice.currency;
  const lines = invoice.lines.map(
    (line) => `
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>${line.lineId}</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:Name>${text(line.description)}</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>${line.unitPrice}</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="${attribute(line.unitCode)}">${line.quantity}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>${TAX_CATEGORY_CODES[line.taxCategory]}</ram:CategoryCode>${line.taxRate === null ? '' : `
          <ram:RateApplicablePercent>${line.taxRate}</ram:RateApplicablePercent>`}
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>${line.netAmount}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>`,
  );
  const taxes = invoice.taxes.map(
    (tax) => `
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>${tax.amount}</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>${tax.exemptionReason ? `
        <ram:ExemptionReason>${text(tax.exemptionReason)}</ram:ExemptionReason>` : ''}
        <ram:BasisAmount>${tax.basis}</ram:BasisAmount>
        <ram:CategoryCode>${TAX_CATEGORY_CODES[tax.category]}</ram:CategoryCode>${tax.exemptionReasonCode ? `
        <ram:ExemptionReasonCode>${text(tax.exemptionReasonCode)}</ram:ExemptionReasonCode>` : ''}${tax.category === TaxCategory.OUTSIDE_SCOPE || tax.rate === null ? '' : `
        <ram:RateApplicablePercent>${tax.rate}</ram:RateApplicablePercent>`}
      </ram:ApplicableTradeTax>`,
  );
  const notes = [invoice.note].filter((note): note is string => Boolean(note));
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice ${NAMESPACES}>
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>${EN16931_GUIDELINE}</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>${text(invoice.number)}</ram:ID>
    <ram:TypeCode>${invoice.typeCode}</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">${compactDate(invoice.issueDate)}</udt:DateTimeString></ram:IssueDateTime>${notes
      .map((note) => `
    <ram:IncludedNote><ram:Content>${text(note)}</ram:Content></ram:IncludedNote>`)
      .join('')}
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>${lines.join('')}
    <ram:ApplicableHeaderTradeAgreement>${invoice.bookingReference ? `
      <ram:BuyerReference>${text(invoice.bookingReference)}</ram:BuyerReference>` : ''}
      ${party('SellerTradeParty', invoice.seller)}
      ${party('BuyerTradeParty', invoice.buyer)}
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>${invoice.serviceDate ? `
      <ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">${compactDate(invoice.serviceDate)}</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>` : ''}
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>${currency}</ram:InvoiceCurrencyCode>${taxes.join('')}${invoice.paymentTerms ? `
      <ram:SpecifiedTradePaymentTerms><ram:Description>${text(invoice.paymentTerms)}</ram:Description></ram:SpecifiedTradePaymentTerms>` : ''}
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>${invoice.totals.lineTotal}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>${invoice.totals.taxBasisTotal}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="${currency}">${invoice.totals.taxTotal}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>${invoice.totals.grandTotal}</ram:GrandTotalAmount>
        <ram:TotalPrepaidAmount>${invoice.totals.prepaid}</ram:TotalPrepaidAmount>
        <ram:DuePayableAmount>${invoice.totals.duePayable}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>${invoice.precedingInvoiceNumber ? `
      <ram:InvoiceReferencedDocument>
        <ram:IssuerAssignedID>${text(invoice.precedingInvoiceNumber)}</ram:IssuerAssignedID>${invoice.precedingInvoiceDate ? `
        <ram:FormattedIssueDateTime><qdt:DateTimeString format="102">${compactDate(invoice.precedingInvoiceDate)}</qdt:DateTimeString></ram:FormattedIssueDateTime>` : ''}
      </ram:InvoiceReferencedDocument>` : ''}
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`;
}

/** A trade party in schema order: name, postal address, e-mail, tax registrations (VAT id as scheme VA, others as FC). */
function party(element: string, p: PartyContent): string {
  const [lineOne, lineTwo, lineThree] = p.addressLines;
  const address = [
    p.postcode ? `<ram:PostcodeCode>${text(p.postcode)}</ram:PostcodeCode>` : '',
    lineOne ? `<ram:LineOne>${text(lineOne)}</ram:LineOne>` : '',
    lineTwo ? `<ram:LineTwo>${text(lineTwo)}</ram:LineTwo>` : '',
    lineThree ? `<ram:LineThree>${text(lineThree)}</ram:LineThree>` : '',
    `<ram:CityName>${text(p.city)}</ram:CityName>`,
    `<ram:CountryID>${text(p.countryCode)}</ram:CountryID>`,
  ].join('');
  const registrations = [
    p.vatId ? `<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">${text(p.vatId)}</ram:ID></ram:SpecifiedTaxRegistration>` : '',
    p.taxRegistrationId ? `<ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">${text(p.taxRegistrationId)}</ram:ID></ram:SpecifiedTaxRegistration>` : '',
  ].join('');
  const email = p.email ? `<ram:URIUniversalCommunication><ram:URIID schemeID="EM">${text(p.email)}</ram:URIID></ram:URIUniversalCommunication>` : '';
  return `<ram:${element}><ram:Name>${text(p.name)}</ram:Name><ram:PostalTradeAddress>${address}</ram:PostalTradeAddress>${email}${registrations}</ram:${element}>`;
}

/** `2026-11-02` → `20261102` (format 102). */
function compactDate(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}

/** Text content: the XML specials escaped, characters XML 1.0 cannot hold dropped. */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
