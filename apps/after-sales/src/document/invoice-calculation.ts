import { BadUserInputError, type FieldProblem } from '@carebridge/domain';
import type { InvoiceLineContent, InvoiceTaxContent, InvoiceTotalsContent } from './document-content';
import { TaxCategory } from './document.enums';
import { divideRounded, formatDecimal, minorDigits, parseDecimal } from './money';

/** Places of quantities (EN 16931 allows more; three cover nights, people and kilograms). */
const QUANTITY_PLACES = 3;
/** Places of tax rates in percent ("7.7"). */
const RATE_PLACES = 2;

/** One line as asked for: decimal strings, validated here against the currency. */
export interface InvoiceLineDraft {
  description: string;
  quantity: string;
  unitCode?: string | null;
  unitPrice: string;
  taxCategory: TaxCategory;
  taxRate?: string | null;
  exemptionReason?: string | null;
  exemptionReasonCode?: string | null;
}

/** An invoice's figures, exact: every amount in minor units, and as the decimal text the documents print. */
export interface InvoiceFigures {
  currency: string;
  lines: InvoiceLineContent[];
  taxes: InvoiceTaxContent[];
  totals: InvoiceTotalsContent;
  minor: { net: bigint; tax: bigint; gross: bigint; prepaid: bigint; due: bigint };
  /** Per VAT category and rate (`S:19`), the taxable amount in minor units: what a credit note may credit. */
  basisByTax: Map<string, bigint>;
}

/** Categories without VAT need the reason on the invoice (EN 16931 BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
const NEEDS_EXEMPTION_REASON = new Set([TaxCategory.EXEMPT, TaxCategory.REVERSE_CHARGE, TaxCategory.INTRA_COMMUNITY, TaxCategory.EXPORT, TaxCategory.OUTSIDE_SCOPE]);

export function taxKey(category: TaxCategory, rate: string | null): string {
  return `${category}:${rate ?? '-'}`;
}

/**
 * Line amounts, the VAT breakdown and the totals of an invoice or credit note, as EN 16931 computes
 * them: each line's net amount is quantity × price rounded to the minor unit (BT-131); VAT is
 * computed per category and rate on the sum of its lines (BT-116 × BT-119, BT-117); the totals add
 * up (BT-106, BT-109, BT-110, BT-112, BT-115). Every broken rule is reported at once, naming
 * `<field>.lines.<n>.<property>`.
 */
export function calculateInvoice(currency: string, drafts: InvoiceLineDraft[], prepaidAmount: string | null | undefined, field = 'input'): InvoiceFigures {
  const places = minorDigits(currency);
  const problems: FieldProblem[] = [];
  const problem = (path: string, rule: string, message: string) => problems.push({ field: `${field}.${path}`, rule, message });
  if (drafts.length === 0) problem('lines', 'not-empty', 'must list at least one line');

  const lines: InvoiceLineContent[] = [];
  const groups = new Map<string, { category: TaxCategory; rate: string | null; rateHundredths: bigint; basis: bigint; reason: string | null; reasonCode: string | null }>();
  drafts.forEach((draft, index) => {
    const at = `lines.${index}`;
    const quantity = parseDecimal(draft.quantity, QUANTITY_PLACES);
    if (quantity === null || quantity <= 0n) problem(`${at}.quantity`, 'quantity', `must be a number greater than 0 with at most ${QUANTITY_PLACES} decimals, e.g. "2" or "1.5"`);
    const price = parseDecimal(draft.unitPrice, places);
    if (price === null) problem(`${at}.unitPrice`, 'amount', `must be an amount of ${currency} with at most ${places} decimals and no sign, e.g. "${formatDecimal(12950n, places)}"`);
    const { rate, rateHundredths } = lineRate(draft, (rule, message) => problem(`${at}.taxRate`, rule, message));
    const reason = draft.exemptionReason?.trim() || null;
    const reasonCode = draft.exemptionReasonCode?.trim().toUpperCase() || null;
    if (NEEDS_EXEMPTION_REASON.has(draft.taxCategory) && !reason && !reasonCode) {
      problem(`${at}.exemptionReason`, 'exemption-reason', `must say why no VAT is charged (${draft.taxCategory}), e.g. "Margin scheme - travel agents" with code VATEX-EU-D`);
    }
    if (reasonCode && !/^VATEX-[A-Z0-9-]{1,30}$/.test(reasonCode)) problem(`${at}.exemptionReasonCode`, 'vatex', 'must be a VATEX code such as VATEX-EU-D');
    if (quantity === null || quantity <= 0n || price === null || rateHundredths === null) return;
    const net = divideRounded(quantity * price, 10n ** BigInt(QUANTITY_PLACES));
    lines.push({
      lineId: index + 1,
      description: draft.description.trim(),
      quantity: formatDecimal(quantity, QUANTITY_PLACES, { trim: true }),
      unitCode: draft.unitCode?.trim().toUpperCase() || 'C62',
      unitPrice: formatDecimal(price, places),
      netAmount: formatDecimal(net, places),
      taxCategory: draft.taxCategory,
      taxRate: rate,
    });
    const key = taxKey(draft.taxCategory, rate);
    const group = groups.get(key) ?? { category: draft.taxCategory, rate, rateHundredths, basis: 0n, reason, reasonCode };
    group.basis += net;
    group.reason ??= reason;
    group.reasonCode ??= reasonCode;
    groups.set(key, group);
  });

  let prepaid = 0n;
  if (prepaidAmount !== null && prepaidAmount !== undefined && prepaidAmount !== '') {
    const parsed = parseDecimal(prepaidAmount, places);
    if (parsed === null) problem('prepaidAmount', 'amount', `must be an amount of ${currency} with at most ${places} decimals and no sign`);
    else prepaid = parsed;
  }
  if (problems.length) throw new BadUserInputError(problems);

  const taxes: InvoiceTaxContent[] = [];
  const basisByTax = new Map<string, bigint>();
  let net = 0n;
  let tax = 0n;
  for (const [key, group] of groups) {
    const amount = divideRounded(group.basis * group.rateHundredths, 100n * 10n ** BigInt(RATE_PLACES));
    net += group.basis;
    tax += amount;
    basisByTax.set(key, group.basis);
    taxes.push({
      category: group.category,
      rate: group.rate,
      basis: formatDecimal(group.basis, places),
      amount: formatDecimal(amount, places),
      exemptionReason: group.reason,
      exemptionReasonCode: group.reasonCode,
    });
  }
  const gross = net + tax;
  if (prepaid > gross) throw BadUserInputError.field(`${field}.prepaidAmount`, 'at-most-total', `must not exceed the total with VAT (${formatDecimal(gross, places)} ${currency})`);
  const due = gross - prepaid;
  return {
    currency,
    lines,
    taxes,
    totals: {
      lineTotal: formatDecimal(net, places),
      taxBasisTotal: formatDecimal(net, places),
      taxTotal: formatDecimal(tax, places),
      grandTotal: formatDecimal(gross, places),
      prepaid: formatDecimal(prepaid, places),
      duePayable: formatDecimal(due, places),
    },
    minor: { net, tax, gross, prepaid, due },
    basisByTax,
  };
}

/** The line's rate: above 0 for the standard rate, 0 for the categories without VAT, none outside the scope of VAT. */
function lineRate(draft: InvoiceLineDraft, problem: (rule: string, message: string) => void): { rate: string | null; rateHundredths: bigint | null } {
  const text = draft.taxRate?.trim() ?? '';
  if (draft.taxCategory === TaxCategory.OUTSIDE_SCOPE) {
    if (text && parseDecimal(text, RATE_PLACES) !== 0n) {
      problem('no-rate', 'must be left out (or 0) for services outside the scope of VAT');
      return { rate: null, rateHundredths: null };
    }
    return { rate: null, rateHundredths: 0n };
  }
  const value = text ? parseDecimal(text, RATE_PLACES) : null;
  if (value === null || value > 100n * 10n ** BigInt(RATE_PLACES)) {
    problem('rate', 'must be a percentage from 0 to 100 with at most 2 decimals, e.g. "19" or "7.7"');
    return { rate: null, rateHundredths: null };
  }
  if (draft.taxCategory === TaxCategory.STANDARD && value === 0n) {
    problem('standard-rate', 'must be greater than 0 for the standard rate (use ZERO_RATED or EXEMPT for 0%)');
    return { rate: null, rateHundredths: null };
  }
  if (draft.taxCategory !== TaxCategory.STANDARD && value !== 0n) {
    problem('zero-rate', `must be 0 for ${draft.taxCategory}`);
    return { rate: null, rateHundredths: null };
  }
  return { rate: formatDecimal(value, RATE_PLACES, { trim: true }), rateHundredths: value };
}
