import { BadUserInputError } from '@carebridge/domain';
import { TaxCategory } from './document.enums';
import { calculateInvoice } from './invoice-calculation';
import { divideRounded, formatDecimal, formatMoney, minorDigits, parseDecimal } from './money';

describe('invoice figures, exact to the minor unit', () => {
  it('reads and writes decimals without floating point', () => {
    expect(parseDecimal('12.5', 2)).toBe(1250n);
    expect(parseDecimal('0.10', 2)).toBe(10n);
    expect(parseDecimal('12.345', 2)).toBeNull();
    expect(parseDecimal('1e3', 2)).toBeNull();
    expect(parseDecimal('1,50', 2)).toBeNull();
    expect(parseDecimal('-3', 2)).toBeNull();
    expect(parseDecimal('-3', 2, { signed: true })).toBe(-300n);
    expect(formatDecimal(5n, 2)).toBe('0.05');
    expect(formatDecimal(-1250n, 2)).toBe('-12.50');
    expect(formatDecimal(1900n, 2, { trim: true })).toBe('19');
    expect(formatDecimal(770n, 2, { trim: true })).toBe('7.7');
    expect(formatMoney(123456789n, 'EUR')).toBe('1,234,567.89 EUR');
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
    // Half away from zero, as commercial rounding does.
    expect([divideRounded(5n, 10n), divideRounded(4n, 10n), divideRounded(-5n, 10n), divideRounded(15n, 10n)]).toEqual([1n, 0n, -1n, 2n]);
  });

  it('adds 0.1 + 0.2 as 0.30, and computes VAT per rate on the sum of its lines (EN 16931), not per line', () => {
    const figures = calculateInvoice(
      'EUR',
      [
        { description: 'a', quantity: '1', unitPrice: '0.10', taxCategory: TaxCategory.STANDARD, taxRate: '19' },
        { description: 'b', quantity: '1', unitPrice: '0.20', taxCategory: TaxCategory.STANDARD, taxRate: '19' },
        // Three lines of 0.05 at 7 %: per line 0.0035 → 0.00 each; on the sum 0.15 → 0.0105 → 0.01.
        { description: 'c', quantity: '3', unitPrice: '0.05', taxCategory: TaxCategory.STANDARD, taxRate: '7' },
      ],
      null,
    );
    expect(figures.taxes.map((t) => [t.rate, t.basis, t.amount])).toEqual([
      ['19', '0.30', '0.06'],
      ['7', '0.15', '0.01'],
    ]);
    expect(figures.totals).toEqual({ lineTotal: '0.45', taxBasisTotal: '0.45', taxTotal: '0.07', grandTotal: '0.52', prepaid: '0.00', duePayable: '0.52' });
  });

  it('rounds a line of a fractional quantity to the minor unit', () => {
    const figures = calculateInvoice('EUR', [{ description: 'Parking', quantity: '2.5', unitPrice: '3.99', taxCategory: TaxCategory.STANDARD, taxRate: '19' }], '0');
    // 2.5 × 3.99 = 9.975 → 9.98; 19 % = 1.8962 → 1.90.
    expect(figures.lines[0]).toMatchObject({ quantity: '2.5', netAmount: '9.98', unitCode: 'C62' });
    expect(figures.minor).toEqual({ net: 998n, tax: 190n, gross: 1188n, prepaid: 0n, due: 1188n });
  });

  it('leaves the rate out outside the scope of VAT and asks for the reason', () => {
    const figures = calculateInvoice('USD', [{ description: 'Airport tax (collected for the authority)', quantity: '1', unitPrice: '25.00', taxCategory: TaxCategory.OUTSIDE_SCOPE, exemptionReason: 'Disbursement' }], null);
    expect(figures.taxes).toEqual([{ category: 'OUTSIDE_SCOPE', rate: null, basis: '25.00', amount: '0.00', exemptionReason: 'Disbursement', exemptionReasonCode: null }]);
    expect(() => calculateInvoice('USD', [{ description: 'x', quantity: '1', unitPrice: '1.00', taxCategory: TaxCategory.OUTSIDE_SCOPE, taxRate: '5', exemptionReason: 'y' }], null)).toThrow(
      BadUserInputError,
    );
  });

  it('names every broken rule at once, under the prefix given', () => {
    try {
      calculateInvoice('EUR', [{ description: 'x', quantity: 'two', unitPrice: '9.999', taxCategory: TaxCategory.STANDARD, taxRate: '101' }], 'ten', 'input.credit');
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as BadUserInputError).problems.map((p) => p.field)).toEqual([
        'input.credit.lines.0.quantity',
        'input.credit.lines.0.unitPrice',
        'input.credit.lines.0.taxRate',
        'input.credit.prepaidAmount',
      ]);
    }
    expect(() => calculateInvoice('EUR', [], null)).toThrow('input.lines: must list at least one line');
  });
});
