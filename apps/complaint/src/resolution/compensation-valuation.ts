import type { CompensationKindValue } from '@carebridge/event-contracts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 code known to the runtime's ICU data (upper case, e.g. EUR). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

/** "USD=0.92,GBP=1.17" → { USD: 0.92, GBP: 1.17 }; null when malformed. */
export function parseExchangeRates(text: string): Record<string, number> | null {
  const rates: Record<string, number> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([A-Z]{3})=(\d+(?:\.\d+)?)$/.exec(pair);
    if (!match || !isCurrency(match[1]) || Number(match[2]) <= 0) return null;
    rates[match[1]] = Number(match[2]);
  }
  return rates;
}

export interface ValuedItem {
  kind: CompensationKindValue;
  amount: string | null;
  currency: string | null;
  quantity: number | null;
}

export interface ValuationOptions {
  /** Items worth more than this need a supervisor's approval. */
  threshold: string;
  /** The currency of the threshold. */
  currency: string;
  /** Value of one unit of another currency in the approval currency. */
  exchangeRates: Record<string, number>;
  /** Value of one loyalty point and one mile in the approval currency. */
  pointValue: number;
  mileValue: number;
}

/**
 * What compensation is worth in the approval currency, to decide whether it needs approval
 * (T-1.5). Money is valued at its exchange rate; points and miles at a fixed value each; a service
 * gesture at the amount it was estimated at (nothing when it has none). Money in a currency without
 * a configured rate cannot be valued, and so always needs approval.
 */
export class CompensationValuation {
  readonly thresholdCents: number;

  constructor(readonly options: ValuationOptions) {
    this.thresholdCents = toCents(options.threshold);
  }

  get currency(): string {
    return this.options.currency;
  }

  /** Value in cents of the approval currency, or null when it cannot be valued. */
  valueInCents(item: ValuedItem): number | null {
    switch (item.kind) {
      case 'LOYALTY_POINTS':
        return Math.round((item.quantity ?? 0) * this.options.pointValue * 100);
      case 'MILES':
        return Math.round((item.quantity ?? 0) * this.options.mileValue * 100);
      default: {
        if (item.amount === null || item.currency === null) return 0;
        const rate = item.currency === this.options.currency ? 1 : this.options.exchangeRates[item.currency];
        return rate === undefined ? null : Math.round(toCents(item.amount) * rate);
      }
    }
  }
}

/** "120.5" → 12050. Amounts are validated to at most two decimals before they get here. */
export function toCents(amount: string): number {
  const [whole, fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

export function fromCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
