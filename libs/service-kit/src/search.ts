import { STAFF_ROLES } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { Arg, Authorized, Directive, Field, ID, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { entityReference } from './schema';

/**
 * The one search across services (`search(text)`): every service that takes part contributes its
 * own section to the `SearchResults` entity, keyed by the normalised search text, and searches its
 * own index. What is shared is here so that the services agree: the key, how a text becomes terms,
 * the SQL that builds an index entry inside the writing transaction, scores and highlights.
 */

export const SEARCH_TEXT_MAX_LENGTH = 200;
/** How many hits a section may show at most. */
export const SEARCH_SECTION_MAX = 50;
/**
 * How many word matches a section ranks. A word found in more entries than this is ranked among
 * the first ones found only: ranking all of a common word's matches would cost their count, not
 * the page's, and the page is what the agent reads (docs/performance.md).
 */
export const SEARCH_WORD_CANDIDATES = 1000;

/** The words' tsquery in SQL from its Latin ($2) and Chinese ($3) parts (`searchTermsOf`), either of which may be missing. */
export const SEARCH_WORDS_TSQUERY = `coalesce(to_tsquery('english', $2) && $3::tsquery, to_tsquery('english', $2), $3::tsquery)`;

/** How strongly a hit matches, highest first; a hit's score is in [0, 1]. */
export const SEARCH_SCORE = {
  /** The whole text is an identifier of the entry (registration number, PNR, flight, e-mail, phone). */
  exactKey: 1,
  /** The name of the entry, as a whole. */
  exactName: 0.9,
  /** Part of an identifier or name. */
  partialKey: 0.7,
  /** Words of a text: this times the text rank, itself below 1. */
  words: 0.5,
} as const;

@Directive('@shareable')
@ObjectType({ description: 'Where a hit matched, as HTML-escaped text with the matching parts in <mark>.' })
export class SearchHighlight {
  @Field({ description: 'The field that matched, e.g. "registrationNumber", "description", "message", "fullName".' })
  field: string;

  @Field({ description: 'The text around the match (about 160 characters), HTML-escaped, matches marked with <mark>.' })
  text: string;
}

/** The id of a search's results: the same in every service for the same text. */
export function searchIdOf(text: string): string {
  const id = text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!id) throw BadUserInputError.field('text', 'required', 'must contain something to search for');
  if (id.length > SEARCH_TEXT_MAX_LENGTH) throw BadUserInputError.field('text', 'maxLength', `must be at most ${SEARCH_TEXT_MAX_LENGTH} characters`);
  return id;
}

const HAN_RUN = /[\p{Script=Han}]+/gu;
/** What an identifier is compared without: anything but digits, Latin letters and Chinese (the same class as `search_key`, whatever the database's locale). */
const NOT_KEY_CHARACTER = /[^0-9a-z\u00c0-\u024f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;
/** Chinese is written without spaces: a search is split into words with ICU's dictionary segmentation (built into Node), as the knowledge search does. */
const HAN_SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_STOP_CHARACTERS = new Set(['的', '了', '是', '吗', '呢', '吧', '啊', '我', '你', '您', '他', '她', '在', '和', '与', '或', '也', '都', '就']);
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/;

/** What one search text asks for, in the forms each index compares. */
export interface SearchTerms {
  /** The normalised text (`searchIdOf`). */
  id: string;
  /** The whole text as an identifier: lower case, digits, letters and Chinese only (`search_key` in SQL); null when too short. */
  key: string | null;
  /** Latin-script words and numbers, lower case, at most 8. */
  words: string[];
  /** The Chinese character bigrams of each word (a lone character as itself), at most 16. */
  han: string[];
  /** The Chinese words of the text as segmented, for highlighting whole words. */
  hanWords: string[];
  /** The text as an e-mail address, lower case. */
  email: string | null;
  /** The text as a phone number: its digits without leading zeros (a suffix of the stored E.164 number). */
  phoneDigits: string | null;
  /** The tsquery of the words (all of them, the last as a prefix) for the `english` configuration, or null. */
  latinQuery: string | null;
  /** The tsquery of the Chinese bigrams (all of them), or null. */
  hanQuery: string | null;
}

export function searchTermsOf(id: string): SearchTerms {
  const compact = id.replace(NOT_KEY_CHARACTER, '');
  const key = compact.length >= 3 && compact.length <= 64 ? compact : null;
  const han: string[] = [];
  const hanWords: string[] = [];
  for (const [run] of id.matchAll(HAN_RUN)) {
    // The bigrams of each word, not of the whole run: "行李丢失" asks for 行李 and 丢失, not for 李丢, which the text need
    // not hold. A one-character word joins the word before it (婴儿 + 车: 婴儿车), or after it at the start; particles
    // and pronouns (的, 了, 我) are left out.
    const words: string[] = [];
    let pending = '';
    for (const { segment, isWordLike } of HAN_SEGMENTER.segment(run)) {
      if (!isWordLike || HAN_STOP_CHARACTERS.has(segment)) continue;
      if (segment.length > 1) {
        words.push(pending + segment);
        pending = '';
      } else if (words.length) words[words.length - 1] += segment;
      else pending += segment;
    }
    if (pending) words.push(pending);
    hanWords.push(...words);
    for (const word of words) {
      if (word.length === 1) han.push(word);
      for (let i = 0; i + 1 < word.length; i++) han.push(word.slice(i, i + 2));
    }
  }
  const words = unique([...id.replace(HAN_RUN, ' ').matchAll(LATIN_WORD)].map(([word]) => word)).slice(0, 8);
  const hanTerms = unique(han).slice(0, 16);
  const digits = PHONE_LIKE.test(id) ? id.replace(/\D/g, '').replace(/^0+/, '') : '';
  return {
    id,
    key,
    words,
    han: hanTerms,
    hanWords: unique(hanWords),
    email: EMAIL.test(id) ? id : null,
    phoneDigits: digits.length >= 6 ? digits : null,
    // Every word must match; the last may be typed only in part. Words hold letters and digits only, so quoting is enough.
    latinQuery: words.length ? words.map((word, i) => `'${word}'${i === words.length - 1 ? ':*' : ''}`).join(' & ') : null,
    hanQuery: hanTerms.length ? hanTerms.map((term) => `'${term}'`).join(' & ') : null,
  };
}

/**
 * The SQL functions a service's search index is built with, created by its migration, so that the
 * index entry is written by a trigger in the same transaction as every write of the entry, whatever
 * the write path. `search_key` is an identifier as compared (lower case letters and digits);
 * `search_words` the words of a text: Latin script through PostgreSQL's `english` configuration
 * (stemmed, stop words dropped), and Chinese — which PostgreSQL's parser cannot split — as character
 * bigrams (a lone character as itself), so that a Chinese word matches wherever it is written.
 */
export const SEARCH_FUNCTIONS_SQL = [
  `CREATE OR REPLACE FUNCTION search_key(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT regexp_replace(lower(coalesce(value, '')), '[^0-9a-z\u00c0-\u024f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+', '', 'g') $$`,
  `CREATE OR REPLACE FUNCTION search_words(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
     SELECT to_tsvector('english', regexp_replace(coalesce(body, ''), '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]+', ' ', 'g'))
         || CASE WHEN body !~ '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]' THEN ''::tsvector ELSE
            coalesce((SELECT array_to_tsvector(array_agg(DISTINCT substr(m.run[1], i, 2)))
                        FROM regexp_matches(coalesce(body, ''), '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]+', 'g') AS m (run),
                             generate_series(1, greatest(length(m.run[1]) - 1, 1)) AS i), ''::tsvector) END
   $$`,
];

/** A pattern marking what the terms match in a text: words at the start of a word, Chinese anywhere, the identifier ignoring separators. */
export function searchPattern(terms: SearchTerms): RegExp | null {
  const parts = [...terms.words.map((word) => `(?<![\\p{L}\\p{N}])${escape(stemOf(word))}[\\p{L}\\p{N}]*`), ...terms.hanWords.map(escape), ...terms.han.map(escape)];
  // The identifier or name as written, whatever separates its characters ("CMP 2026-000123", "王 小明").
  if (terms.key) parts.push([...terms.key].map(escape).join('[^\\p{L}\\p{N}]*'));
  if (terms.email) parts.push(escape(terms.email));
  const sorted = [...new Set(parts)].sort((a, b) => b.length - a.length);
  return sorted.length ? new RegExp(sorted.join('|'), 'giu') : null;
}

/**
 * A word's stem as far as highlighting needs it: the index stems with PostgreSQL's English
 * stemmer, so "strollers" finds "stroller"; marking what starts with the word less its common
 * endings marks the same words without asking the database.
 */
function stemOf(word: string): string {
  if (word.length <= 4 || !/^[a-z]+$/.test(word)) return word;
  return word.replace(/(?:ies|es|s|ed|ing|ly)$/, '') || word;
}

const SNIPPET_LENGTH = 160;

/**
 * About 160 characters of the text around its first match, HTML-escaped, matches marked with
 * <mark>; null when nothing matches. Made here rather than with `ts_headline`, which cannot find
 * Chinese inside unsegmented text.
 */
export function searchHighlight(text: string | null | undefined, pattern: RegExp | null): string | null {
  if (!text || !pattern) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = flat.search(new RegExp(pattern.source, 'iu'));
  if (first < 0) return null;
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
  const piece = flat.slice(start, end);
  let out = '';
  let at = 0;
  for (const match of piece.matchAll(new RegExp(pattern.source, 'giu'))) {
    const index = match.index ?? 0;
    out += `${escapeHtml(piece.slice(at, index))}<mark>${escapeHtml(match[0])}</mark>`;
    at = index + match[0].length;
  }
  return `${start > 0 ? '… ' : ''}${out}${escapeHtml(piece.slice(at))}${end < flat.length ? ' …' : ''}`;
}

/** The highlights of a hit: each field whose text matches, in the order given. */
export function searchHighlights(fields: readonly [field: string, text: string | null | undefined][], pattern: RegExp | null): SearchHighlight[] {
  const highlights: SearchHighlight[] = [];
  for (const [field, text] of fields) {
    const marked = searchHighlight(text, pattern);
    if (marked) highlights.push({ field, text: marked });
  }
  return highlights;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** How a hit matched, strongest first. */
export enum SearchMatch {
  IDENTIFIER = 'IDENTIFIER',
  NAME = 'NAME',
  CONTACT = 'CONTACT',
  PARTIAL_IDENTIFIER = 'PARTIAL_IDENTIFIER',
  WORDS = 'WORDS',
}
registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'How a search hit matched.',
  valuesConfig: {
    IDENTIFIER: { description: 'The text is one of its identifiers: registration number, inquiry id, booking reference (PNR), flight number.' },
    NAME: { description: 'The text is the name, ignoring case, spacing and (for crm) script and word order.' },
    CONTACT: { description: 'The text is one of its e-mail addresses or phone numbers (only for roles that may see contact details).' },
    PARTIAL_IDENTIFIER: { description: 'The text is part of an identifier or name.' },
    WORDS: { description: 'Every word of the text is in its description, subject or messages.' },
  },
});

/** What a search found, as each service's section resolvers receive it. */
export interface SearchResultsKey {
  /** The normalised search text. */
  id: string;
}

/**
 * The `SearchResults` entity and the one root field of the search (shareable, so that any service
 * taking part can start it), made once per service: a type's fields are registered on its class,
 * and each service adds its own section to its own class.
 */
export function searchGraph() {
  @Directive('@key(fields: "id")')
  @ObjectType('SearchResults', { description: 'What one search found, in one typed, ranked section per kind of entry; each service answers its own section.' })
  class SearchResults implements SearchResultsKey {
    @Field(() => ID, { description: 'The search text, normalised (NFKC, trimmed, single spaces, lower case).' })
    id: string;
  }

  @Resolver(() => SearchResults)
  class SearchQueryResolver {
    @Authorized(...STAFF_ROLES)
    @Directive('@shareable')
    @Query(() => SearchResults, {
      description:
        'Finds customers, complaints and inquiries by identifier (registration number, inquiry id, PNR, flight), name, e-mail or phone, or words of their texts; each section is typed, ranked and highlighted, and honours the caller’s masking.',
    })
    search(@Arg('text', { description: 'What to look for; at most 200 characters.' }) text: string): SearchResults {
      return { id: searchIdOf(text) };
    }
  }

  return { SearchResults, SearchQueryResolver };
}

/** How the gateway reaches a search's results in each service: they are their key. */
export const searchResultsReference = entityReference<SearchResultsKey>(async (references) => references.map(({ id }) => ({ id })));

/** The `first` of a section: how many hits, 1 to 50. */
export function searchSectionSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_SECTION_MAX) throw BadUserInputError.field('first', 'range', `must be between 1 and ${SEARCH_SECTION_MAX}`);
  return first;
}
