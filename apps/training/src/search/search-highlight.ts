/**
 * Highlighted titles and snippets, made here rather than with `ts_headline`: its parser cannot
 * find Chinese words inside unsegmented text. Everything is HTML-escaped first and only `<mark>`
 * is added, so a snippet is safe to show as HTML.
 */
const HAN = /\p{Script=Han}/u;
const SNIPPET_LENGTH = 160;

/** The lexemes of a tsquery's text form (`'bag':* | '行李'`). */
export function lexemesOf(tsquery: string): string[] {
  return [...tsquery.matchAll(/'((?:[^']|'')+)'/g)].map(([, lexeme]) => lexeme.replace(/''/g, "'"));
}

/** A pattern matching the lexemes in text: Chinese anywhere, a Latin stem at the start of a word. */
export function matcher(lexemes: readonly string[]): RegExp | null {
  const parts = [...new Set(lexemes)]
    .filter((lexeme) => lexeme.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((lexeme) => (HAN.test(lexeme) ? escape(lexeme) : `(?<![\\p{L}\\p{N}])${escape(lexeme)}[\\p{L}\\p{N}]*`));
  return parts.length ? new RegExp(parts.join('|'), 'giu') : null;
}

/** The whole text, escaped, its matches marked. */
export function highlight(text: string, pattern: RegExp | null): string {
  return mark(text, pattern, 0, text.length);
}

/** About 160 characters of the text around its first match, escaped, matches marked, cut at word edges. */
export function snippet(text: string, pattern: RegExp | null): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = pattern ? flat.search(new RegExp(pattern.source, 'iu')) : -1;
  let start = first <= 40 ? 0 : first - 40;
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    if (space > start - 20) start = space + 1;
  }
  let end = Math.min(flat.length, start + SNIPPET_LENGTH);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > end - 20) end = space;
  }
  return `${start > 0 ? '… ' : ''}${mark(flat, pattern, start, end)}${end < flat.length ? ' …' : ''}`;
}

function mark(text: string, pattern: RegExp | null, start: number, end: number): string {
  const piece = text.slice(start, end);
  if (!pattern) return escapeHtml(piece);
  let out = '';
  let at = 0;
  for (const match of piece.matchAll(new RegExp(pattern.source, 'giu'))) {
    const index = match.index ?? 0;
    out += `${escapeHtml(piece.slice(at, index))}<mark>${escapeHtml(match[0])}</mark>`;
    at = index + match[0].length;
  }
  return out + escapeHtml(piece.slice(at));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
