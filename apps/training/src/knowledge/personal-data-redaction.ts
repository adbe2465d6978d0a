/**
 * Removes personal data from a case's text before training keeps it: e-mail addresses, phone
 * numbers (and other long digit runs such as ID or card numbers), booking references, and names —
 * the names the case names (the customer's) and names introduced by a salutation or "my name is".
 * It errs on the side of removing: a drafted article is reviewed before anyone reads it.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LONG_NUMBER = /\+?\d[\d\s().-]{5,}\d/g;
// Airline record locators (six letters and digits, at least one digit) and the company's BK-/CB- style references.
const BOOKING_REFERENCE = /(?<![A-Za-z0-9])(?:(?=[A-Z0-9]{6}(?![A-Za-z0-9]))(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6}|[A-Z]{2,3}-?\d{5,12})(?![A-Za-z0-9])/g;
const SALUTATION = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Dear|Hi|Hello)\.?\s+((?:[A-Z][\p{L}'-]+)(?:\s+[A-Z][\p{L}'-]+)?)/gu;
const NAME_IS = /\b(?:my name is|this is|I am|I'm)\s+((?:[A-Z][\p{L}'-]+)(?:\s+[A-Z][\p{L}'-]+)?)/gu;
const CHINESE_NAME = /(?:我叫|我是|本人|姓名[:：]?\s*)(\p{Script=Han}{2,3})|(\p{Script=Han}{1,2})(?=先生|女士|小姐)/gu;
const NOT_A_NAME = new Set(['The', 'Team', 'Customer', 'Service', 'Sir', 'Madam', 'There', 'All']);

export function redactPersonalData(text: string, knownNames: readonly (string | null | undefined)[] = []): string {
  let redacted = text.replace(EMAIL, '[e-mail]');
  redacted = redacted.replace(BOOKING_REFERENCE, '[booking reference]');
  redacted = redacted.replace(LONG_NUMBER, (match) => {
    const digits = match.replace(/\D/g, '');
    return digits.length >= 7 && !ISO_DATE.test(match.trim()) ? '[phone]' : match;
  });
  const names = new Set<string>();
  for (const known of knownNames) {
    const name = known?.trim();
    if (!name) continue;
    names.add(name);
    for (const part of name.split(/\s+/)) if (part.length >= 2) names.add(part);
  }
  for (const [, name] of redacted.matchAll(SALUTATION)) if (!NOT_A_NAME.has(name.split(/\s+/)[0])) names.add(name);
  for (const [, name] of redacted.matchAll(NAME_IS)) if (!NOT_A_NAME.has(name.split(/\s+/)[0])) names.add(name);
  for (const [, after, before] of redacted.matchAll(CHINESE_NAME)) names.add(after ?? before);
  // Longest first, so that "Li Wei" goes before "Li".
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    // Chinese has no spaces between words, so a Chinese name is replaced wherever it stands.
    const pattern = /\p{Script=Han}/u.test(name) ? escapeRegExp(name) : `(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`;
    redacted = redacted.replace(new RegExp(pattern, 'gu'), '[name]');
  }
  return redacted;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
