import { BadUserInputError } from '@carebridge/domain';
import type { MoneyFacts } from './disruption-facts';
import type { Money } from './passenger-rights.enums';

const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Money is counted in cents (hundredths): no floating-point sums of fares. */
export function toCents(amount: string): number {
  const [whole, fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function money(cents: number, currency: string): Money {
  return { amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, currency };
}

/** A share of an amount, rounded half up to the cent. */
export function percentOf(cents: number, percent: number): number {
  return Math.round((cents * percent) / 100);
}

/** The caller's amount, checked: a decimal with at most two places and an ISO 4217 code. */
export function readMoney(value: MoneyFacts, field: string): { cents: number; currency: string } {
  if (!AMOUNT.test(value.amount)) throw BadUserInputError.field(`${field}.amount`, 'amount', 'must be an amount with at most two decimals, e.g. 199.90');
  if (!CURRENCY.test(value.currency)) throw BadUserInputError.field(`${field}.currency`, 'currency', 'must be an ISO 4217 currency code such as EUR');
  return { cents: toCents(value.amount), currency: value.currency };
}
