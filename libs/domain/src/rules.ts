import { BadUserInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of a UUID: an id that is not one cannot name a row (and would make Postgres fail). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An international phone number as people write it: `+`, the country code, then digits, spaces, `( ) . -`. */
export const PHONE_PATTERN = /^\+[1-9][0-9 ().-]{6,22}$/;
export const PHONE_RULE = 'must be an international phone number starting with + and the country code, e.g. +44 20 7946 0958';

/** A phone number as it is stored and compared: `+` and digits only; blank or missing is no number. */
export function normalizePhone(phone: string | null | undefined): string | null {
  const trimmed = phone?.trim();
  return trimmed ? `+${trimmed.replace(/\D/g, '')}` : null;
}

/**
 * How far a reported time may lie ahead of our clock: times come from telephony, mail servers and
 * people's devices, whose clocks run a little ahead of ours.
 */
export const REPORTED_TIME_TOLERANCE_MS = 5 * 60_000;

/** Refuses a reported time (when something happened) that lies in the future, beyond the tolerance. */
export function ensureNotInFuture(time: Date, now: Date, field: string): void {
  if (time.getTime() > now.getTime() + REPORTED_TIME_TOLERANCE_MS) throw BadUserInputError.field(field, 'past', 'must not be in the future');
}

/**
 * The limits every input of every service is held to (the service kit applies them to each
 * argument before a resolver runs). Values outside them are mistakes or probes, never business.
 */
export const PLAUSIBLE_INPUT = {
  /** Dates (DateTime values, and text that is an ISO date) lie in these years: no year 0001 or 9999. */
  earliestYear: 1900,
  latestYear: 2200,
  /** Money: a refund, a fare, a fee, in the currency's major unit. */
  maxAmount: 1_000_000,
  /** Counts of things: travellers, seats, items. */
  maxQuantity: 10_000,
  /** Loyalty points and miles. */
  maxPoints: 100_000_000,
} as const;

/** Characters that reorder text as it is shown (Trojan-source spoofing): embeddings, overrides and isolates. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Input fields that are names of people or things, where reordering characters are refused. */
export const NAME_FIELD = /name$/i;
/** Input fields that are amounts of money (numbers or decimal text, `"250.00"`). */
export const AMOUNT_FIELD = /(amount|price|fee|fare)$/i;
/** Input fields that count things. */
export const QUANTITY_FIELD = /(quantity|travellers|capacity|seats)$/i;
/** Input fields that count points or miles. */
export const POINTS_FIELD = /(points|miles)$/i;
