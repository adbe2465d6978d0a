import { BadUserInputError } from '@carebridge/domain';

/**
 * The industry's baggage file reference: the 3-letter station that opened the file, the 2-character
 * airline designator and a 5-digit serial, e.g. `PVGMU12345` (Shanghai Pudong, China Eastern).
 */
export const BAGGAGE_FILE_REFERENCE = /^[A-Z]{3}[A-Z0-9]{2}[0-9]{5}$/;

/** The reference upper-cased, or BAD_USER_INPUT naming the field. */
export function baggageFileReference(text: string, field = 'input.reference'): string {
  const reference = text.trim().toUpperCase();
  if (!BAGGAGE_FILE_REFERENCE.test(reference) || /^[0-9]{2}$/.test(reference.slice(3, 5))) {
    throw BadUserInputError.field(field, 'baggage-file-reference', 'must be a baggage file reference: station + airline + 5 digits, e.g. PVGMU12345');
  }
  return reference;
}
