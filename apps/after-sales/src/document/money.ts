/**
 * Amounts on documents are exact: decimal strings at the edges ("119.00"), integers of the
 * currency's minor unit inside (11900 cents), never floating point. Quantities and tax rates are
 * decimals with a fixed number of places, scaled to integers the same way.
 */

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

/** Places of the currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD (ISO 4217, as ICU knows it). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * `"12.5"` with 2 places → 1250n; null when the text is not a plain decimal with at most `places`
 * places (no exponent, no thousands separator). A leading minus only when `signed`.
 */
export function parseDecimal(text: string, places: number, { signed = false } = {}): bigint | null {
  const match = /^(-)?(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!match || (match[1] && !signed)) return null;
  const fraction = match[3] ?? '';
  if (fraction.length > places) return null;
  const value = BigInt(match[2] + fraction.padEnd(places, '0'));
  return match[1] ? -value : value;
}

/** 1250n with 2 places → "12.50"; with `trim`, trailing zeros of the fraction go ("19.00" → "19"). */
export function formatDecimal(value: bigint, places: number, { trim = false } = {}): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  let whole = digits.slice(0, digits.length - places);
  let fraction = places ? digits.slice(-places) : '';
  if (trim) fraction = fraction.replace(/0+$/, '');
  whole = (negative ? '-' : '') + whole;
  return fraction ? `${whole}.${fraction}` : whole;
}

/** `numerator / denominator`, rounded half away from zero (commercial rounding), in integers. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error('divideRounded needs a positive denominator');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
}

/** An amount in minor units as people read it on a document: "1,234.50 EUR". */
export function formatMoney(minor: bigint, currency: string): string {
  const places = minorDigits(currency);
  const [whole, fraction] = formatDecimal(minor, places).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fraction === undefined ? grouped : `${grouped}.${fraction}`} ${currency}`;
}
