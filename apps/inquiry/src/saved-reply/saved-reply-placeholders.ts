import { BadUserInputError } from '@carebridge/domain';
import { SAVED_REPLY_PLACEHOLDERS, type SavedReplyPlaceholder } from './saved-reply.enums';

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Refuses a saved reply's text that uses a placeholder nobody fills in. */
export function checkPlaceholders(body: string, field: string): void {
  for (const [, name] of body.matchAll(PLACEHOLDER)) {
    if (!(SAVED_REPLY_PLACEHOLDERS as readonly string[]).includes(name)) {
      throw BadUserInputError.field(field, 'placeholder', `must only use the placeholders ${SAVED_REPLY_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')} ({{${name}}} is unknown)`);
    }
  }
}

/** Fills a saved reply's placeholders; a placeholder without a value is the caller's input error. */
export function fillPlaceholders(body: string, values: Partial<Record<SavedReplyPlaceholder, string | null>>): string {
  return body.replace(PLACEHOLDER, (_match, name: SavedReplyPlaceholder) => {
    const value = values[name];
    if (!value) throw BadUserInputError.field(`input.placeholders.${name}`, 'placeholder', `must be given: the saved reply uses {{${name}}} and the inquiry does not know it`);
    return value;
  });
}
