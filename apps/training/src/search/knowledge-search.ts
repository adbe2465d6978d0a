import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { ArticleKind, ArticleLocale, ArticleVisibility } from '../knowledge/knowledge.enums';
import { redactPersonalData } from '../knowledge/personal-data-redaction';
import { highlight, lexemesOf, matcher, snippet } from './search-highlight';
import { type AnalysisOptions, DEFAULT_ANALYSIS, type SearchTerms, searchTerms } from './search-text';
import type { KnowledgeSearchHit, KnowledgeSearchResult, SpellingCorrection } from './search.types';

/**
 * How alike a typed word and a word of the articles must be (trigram similarity) to search for the
 * latter instead: "bagage" and "baggage" are 0.67 alike, "insurence" and "insurance" 0.54, while
 * "rules" and "roles" (0.33, pg_trgm's own threshold) are different words.
 */
const CORRECTION_SIMILARITY = 0.45;

export interface SearchRequest {
  text: string;
  kind?: ArticleKind | null;
  categoryId?: string | null;
  locale?: ArticleLocale | null;
  tag?: string | null;
  visibility?: ArticleVisibility | null;
  first: number;
  offset: number;
  /** Counts a search with no result as a content gap. */
  complete: boolean;
  /** Ranks articles answering this inquiry category higher (suggestions). */
  inquiryCategory?: string | null;
}

/** What the search needs of the synonym list: the other terms of each term's group, by match key. */
export interface SynonymSource {
  alternativesOf(keys: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
}

const NO_SYNONYMS: SynonymSource = { alternativesOf: async () => new Map() };

/** How many matches a search ranks (docs/services/training.md, "Only a bounded set of candidates is ranked"). */
export interface CandidateBounds {
  /** Title matches taken as candidates, before any text match: a title match is the likeliest answer. */
  titles: number;
  /** Text matches taken as candidates (or as many as the page asked for reaches). */
  texts: number;
  /**
   * A search for any of several words looks for the rarer ones while together they are in at most
   * this many articles: a word in most articles ("flight", 航班) would bring arbitrary ones.
   */
  retrievalBudget: number;
}

export const CANDIDATE_BOUNDS: CandidateBounds = { titles: 100, texts: 200, retrievalBudget: 2000 };

/** Matches are counted up to this many; beyond it the result says `totalCapped`. */
const COUNTED_MATCHES = 1000;

/**
 * Full-text search of the live articles (T-5.2) in PostgreSQL: a GIN-indexed tsvector per live
 * version, ranked with the title (A) above the text (B), the last word matched as a prefix
 * (results as you type), misspelt Latin-script words corrected by trigram similarity against the
 * words the articles use, and each term widened by the trainers' synonyms. Only a bounded set of
 * candidates is ranked — the title matches, then text matches of the search's rarer words — so a
 * search costs about the same over 50,000 articles as over 500.
 */
export class KnowledgeSearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly analysis: AnalysisOptions = DEFAULT_ANALYSIS,
    private readonly synonyms: SynonymSource = NO_SYNONYMS,
    private readonly bounds: CandidateBounds = CANDIDATE_BOUNDS,
  ) {}

  async search(request: SearchRequest): Promise<KnowledgeSearchResult> {
    const terms = searchTerms(request.text, this.analysis);
    const trailingSpace = /\s$/.test(request.text);
    const latinPrefix = !terms.lastHanWord && !trailingSpace;
    const corrections = await this.corrections(terms, latinPrefix);
    const units = await this.expanded(terms, corrections, latinPrefix);
    const latin = await this.stemmed(units.latin);
    const han = units.han;
    const bigrams = terms.han.filter((term) => !terms.hanWords.includes(term)).map((bigram) => `'${bigram}'`);
    const rarity = await this.articlesWith([...latin, ...han, ...bigrams]);
    let found: Omit<KnowledgeSearchResult, 'corrections'> = { total: 0, totalCapped: false, hits: [] };
    // The narrowest search that finds anything: every word, else at least two of them, else any.
    for (const stage of matchStages([...latin, ...han], [...latin, ...han, ...bigrams])) {
      found = await this.find(stage.query, stage.any ? retrievalQuery(stage.terms, rarity, this.bounds.retrievalBudget) : stage.query, request);
      if (found.total > 0) break;
    }
    if (found.total === 0 && request.complete) await this.recordMiss(request);
    return { ...found, corrections };
  }

  /** The search's words, a trainer's synonym widening each term it matches (the longest first). */
  private async expanded(terms: SearchTerms, corrections: readonly SpellingCorrection[], lastIsPrefix: boolean) {
    const corrected = new Map(corrections.map((c) => [c.searched, c.correctedTo]));
    const latinWords = terms.latin.map((word) => corrected.get(word) ?? word);
    const keys = [...phrases(latinWords, ' '), ...phrases(terms.hanWords, '')];
    const alternatives = keys.length ? await this.synonyms.alternativesOf(keys) : new Map<string, readonly string[]>();
    return {
      latin: latinUnits(terms, corrections, lastIsPrefix, alternatives),
      han: hanUnits(terms, alternatives, this.analysis),
    };
  }

  /** Each Latin term as PostgreSQL's `english` configuration stems it; stop words drop out. */
  private async stemmed(expressions: string[]): Promise<string[]> {
    if (!expressions.length) return [];
    const rows: { query: string }[] = await this.dataSource.query(
      `SELECT to_tsquery('english', e)::text AS query FROM unnest($1::text[]) WITH ORDINALITY AS x(e, n) ORDER BY n`,
      [expressions],
    );
    return rows.map((row) => row.query).filter((query) => query.length > 0).map((query) => `(${query})`);
  }

  /** How many live articles have each lexeme of these terms (a prefix: the words it begins, summed over at most 100). */
  private async articlesWith(terms: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const lexemes = [...new Set(terms.flatMap((term) => lexemesOf(term)))];
    const prefixes = [...new Set(terms.flatMap((term) => [...term.matchAll(/'((?:[^']|'')+)':\*/g)].map(([, lexeme]) => lexeme.replace(/''/g, "'"))))];
    if (!lexemes.length) return new Map();
    const rows: { lexeme: string; articles: number }[] = await this.dataSource.query(
      `SELECT l.lexeme, greatest(l.articles, 0) AS articles FROM knowledge_search_lexeme l WHERE l.lexeme = ANY($1::text[])
       UNION ALL
       SELECT p.prefix || ':*', (SELECT coalesce(sum(greatest(w.articles, 0)), 0)::int FROM (
                SELECT articles FROM knowledge_search_lexeme WHERE lexeme >= p.prefix AND lexeme < p.prefix || chr(1114111) LIMIT 100) w)
         FROM unnest($2::text[]) AS p(prefix)`,
      [lexemes, prefixes],
    );
    return new Map(rows.map((row) => [row.lexeme, Number(row.articles)]));
  }

  /** The misspelt Latin words: not used by any article (nor, for the last word, begun), and the most similar word that is. */
  private async corrections(terms: SearchTerms, lastIsPrefix: boolean): Promise<SpellingCorrection[]> {
    const candidates = terms.latin.filter((word) => word.length >= 4 && !/\d/.test(word));
    if (!candidates.length) return [];
    const last = lastIsPrefix ? terms.latin[terms.latin.length - 1] : null;
    const rows: { searched: string; correctedTo: string | null }[] = await this.dataSource.query(
      `SELECT t.term AS searched,
              (SELECT w.word FROM knowledge_search_word w
                WHERE w.word % t.term AND similarity(w.word, t.term) >= ${CORRECTION_SIMILARITY}
                ORDER BY similarity(w.word, t.term) DESC, w.word LIMIT 1) AS "correctedTo"
         FROM unnest($1::text[]) AS t(term)
        WHERE NOT EXISTS (
                SELECT 1 FROM knowledge_search_word w
                 WHERE w.word = t.term COLLATE "C"
                    OR (t.term = $2 AND w.word >= t.term COLLATE "C" AND w.word < (t.term || chr(1114111)) COLLATE "C"))`,
      [candidates, last],
    );
    return rows.filter((row): row is SpellingCorrection => !!row.correctedTo);
  }

  /**
   * One stage: the matches of `query` counted (up to 1,000), the candidates — title matches of
   * `query`, text matches of `retrieval` — ranked, the page cut from them.
   */
  private async find(query: string, retrieval: string, request: SearchRequest): Promise<Omit<KnowledgeSearchResult, 'corrections'>> {
    const parameters: unknown[] = [query];
    const filters: string[] = [];
    const filter = (sql: (p: string) => string, value: unknown) => {
      parameters.push(value);
      filters.push(sql(`$${parameters.length}`));
    };
    if (request.kind) filter((p) => `d.kind = ${p}`, request.kind);
    if (request.categoryId) filter((p) => `d.category_id = ${p}`, request.categoryId);
    if (request.locale) filter((p) => `d.locale = ${p}`, request.locale);
    // Written out, not a parameter, so that the planner takes the index of the public articles.
    if (request.visibility) filters.push(`d.visibility = '${request.visibility === 'PUBLIC' ? 'PUBLIC' : 'INTERNAL'}'`);
    if (request.tag) filter((p) => `d.tags @> ARRAY[${p}]::text[]`, request.tag.trim().toLowerCase());
    const and = filters.map((f) => `AND ${f}`).join(' ');
    const category = parameters.length + 1;
    const counted = `SELECT count(*) FROM (SELECT 1 FROM knowledge_search_document d WHERE d.document @@ $1::tsquery ${and} LIMIT ${COUNTED_MATCHES + 1}) m`;
    // With a LIMIT the planner would rather scan the table, reading every tsvector it passes, than
    // take the GIN index: for this statement only, the index it is.
    const rows: SearchRow[] = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      return manager.query(
      `WITH titled AS MATERIALIZED (
         SELECT d.article_id FROM knowledge_search_document d WHERE d.title_document @@ $1::tsquery ${and} LIMIT ${Math.trunc(this.bounds.titles)}
       ), retrieved AS MATERIALIZED (
         SELECT d.article_id FROM knowledge_search_document d WHERE d.document @@ $${category + 4}::tsquery ${and} LIMIT $${category + 3}
       ), candidates AS (SELECT article_id FROM titled UNION SELECT article_id FROM retrieved)
       SELECT d.article_id AS "articleId", d.version, d.title, d.body, d.kind, d.locale, d.visibility, d.category_id AS "categoryId", d.tags,
              ts_rank(d.document, $1::tsquery, 1) * (CASE WHEN $${category}::text = ANY (d.inquiry_categories) THEN 2 ELSE 1 END) AS score,
              (${counted}) AS total
         FROM candidates c JOIN knowledge_search_document d ON d.article_id = c.article_id
        WHERE d.document @@ $1::tsquery
        ORDER BY score DESC, d.published_at DESC, d.article_id
        LIMIT $${category + 1} OFFSET $${category + 2}`,
      [...parameters, request.inquiryCategory ?? null, request.first, request.offset, Math.max(this.bounds.texts, request.offset + request.first), retrieval],
      );
    });
    const countOf = (total: string | number) => ({ total: Math.min(Number(total), COUNTED_MATCHES), totalCapped: Number(total) > COUNTED_MATCHES });
    if (!rows.length) {
      if (request.offset === 0) return { total: 0, totalCapped: false, hits: [] };
      // The page asked for lies beyond the candidates: say how many match.
      const [{ count }] = await this.dataSource.query(counted, parameters);
      return { ...countOf(count), hits: [] };
    }
    const pattern = matcher(lexemesOf(query));
    return {
      ...countOf(rows[0].total),
      hits: rows.map((row) => ({
        articleId: row.articleId,
        version: row.version,
        title: row.title,
        titleHighlighted: highlight(row.title, pattern),
        snippet: snippet(row.body, pattern),
        kind: row.kind,
        locale: row.locale,
        visibility: row.visibility,
        categoryId: row.categoryId,
        tags: row.tags,
        score: Number(row.score),
      })),
    };
  }

/** A search nobody found anything for: a content gap (its text without personal data). */
  private async recordMiss(request: SearchRequest): Promise<void> {
    const text = redactPersonalData(request.text).toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
    if (!text) return;
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO knowledge_search_miss (query, locale, searches, first_searched_at, last_searched_at) VALUES ($1, $2, 1, $3, $3)
       ON CONFLICT (query) DO UPDATE SET searches = knowledge_search_miss.searches + 1, last_searched_at = EXCLUDED.last_searched_at`,
      [text, request.locale ?? null, now],
    );
  }
}

interface SearchRow extends Omit<KnowledgeSearchHit, 'titleHighlighted' | 'snippet' | 'score'> {
  body: string;
  score: string;
  total: string;
}

/** Runs of one to four consecutive words, joined as the synonym list keys its terms. */
export function phrases(words: readonly string[], joiner: ' ' | ''): string[] {
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) for (let n = 1; n <= MOST_WORDS_PER_TERM && i + n <= words.length; n++) found.add(words.slice(i, i + n).join(joiner));
  return [...found];
}

/** A synonym term has at most this many words ("hand luggage", "personal liability insurance"). */
const MOST_WORDS_PER_TERM = 4;

/** Consecutive words matched against the synonym list, the longest term first; each run found is one unit. */
function units(words: readonly string[], joiner: ' ' | '', alternatives: ReadonlyMap<string, readonly string[]>): { start: number; end: number; alternatives: readonly string[] }[] {
  const found: { start: number; end: number; alternatives: readonly string[] }[] = [];
  for (let i = 0; i < words.length; ) {
    let n = Math.min(MOST_WORDS_PER_TERM, words.length - i);
    while (n > 1 && !alternatives.has(words.slice(i, i + n).join(joiner))) n--;
    found.push({ start: i, end: i + n, alternatives: alternatives.get(words.slice(i, i + n).join(joiner)) ?? [] });
    i += n;
  }
  return found;
}

/**
 * The Latin words of a search for `to_tsquery`: the last one as a prefix, each with its correction
 * as an alternative, and a run of words a synonym group knows with the group's other terms
 * (`(hand & luggage) | (cabin & bag)`).
 */
function latinUnits(terms: SearchTerms, corrections: readonly SpellingCorrection[], lastIsPrefix: boolean, alternatives: ReadonlyMap<string, readonly string[]>): string[] {
  const corrected = new Map(corrections.map((c) => [c.searched, c.correctedTo]));
  const words = terms.latin.map((word) => corrected.get(word) ?? word);
  const typed = (i: number) => {
    const word = terms.latin[i];
    const term = i === terms.latin.length - 1 && lastIsPrefix ? `${word}:*` : word;
    const correction = corrected.get(word);
    return correction ? `${term} | ${correction}` : term;
  };
  return units(words, ' ', alternatives).map(({ start, end, alternatives: others }) => {
    const own = end - start === 1 ? typed(start) : terms.latin.slice(start, end).map((_, k) => `(${typed(start + k)})`).join(' & ');
    if (!others.length) return own;
    const allOf = (term: string) => term.split(' ').map(quote).join(' & ');
    return [`(${own})`, ...others.map((other) => `(${allOf(other)})`)].join(' | ');
  });
}

/** The Chinese words of a search as tsquery terms: the last one typed as a prefix, a run a synonym group knows with its other terms. */
function hanUnits(terms: SearchTerms, alternatives: ReadonlyMap<string, readonly string[]>, analysis: AnalysisOptions): string[] {
  const word = (w: string) => `'${w}'${w === terms.lastHanWord ? ':*' : ''}`;
  return units(terms.hanWords, '', alternatives).map(({ start, end, alternatives: others }) => {
    const own = terms.hanWords.slice(start, end).map(word).join(' & ');
    if (!others.length) return end - start === 1 ? own : `(${own})`;
    const segmented = (term: string) => searchTerms(term, { ...analysis, bigrams: false }).hanWords.map((w) => `'${w}'`).join(' & ') || `'${term}'`;
    return `(${[`(${own})`, ...others.map((other) => `(${segmented(other)})`)].join(' | ')})`;
  });
}

/** A Latin word as a `to_tsquery` operand: letters and digits only, so nothing in it is an operator. */
function quote(word: string): string {
  return word.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Searches with pairwise "at least two words" are kept to this many words (the pairs grow as n²). */
const MOST_WORDS_FOR_PAIRS = 8;

export interface MatchStage {
  /** The tsquery that decides what matches and how it ranks. */
  query: string;
  /** Its terms, when any one of them is enough. */
  terms: readonly string[];
  any: boolean;
}

/**
 * The tsqueries to try in turn: every word (the Chinese words without their bigrams); at least two of
 * them, when there are three or more; any word or bigram, ranked so that articles with more of them
 * come first, so that a question phrased unlike the article still finds it.
 */
export function matchStages(every: readonly string[], any: readonly string[]): MatchStage[] {
  const stages: MatchStage[] = [];
  if (every.length) stages.push({ query: every.join(' & '), terms: every, any: false });
  if (every.length >= 3 && every.length <= MOST_WORDS_FOR_PAIRS) {
    const pairs: string[] = [];
    for (let i = 0; i < every.length; i++) for (let j = i + 1; j < every.length; j++) pairs.push(`(${every[i]} & ${every[j]})`);
    stages.push({ query: pairs.join(' | '), terms: pairs, any: false });
  }
  if (any.length && (any.length > 1 || stages.length === 0)) stages.push({ query: any.join(' | '), terms: any, any: true });
  return stages;
}

/**
 * What a search for any of its terms looks among the texts for: its rarest terms, while together
 * they are in at most `budget` articles (at least the rarest one). Ranking still weighs every
 * term; only which texts are candidates depends on it.
 */
export function retrievalQuery(terms: readonly string[], articlesWith: ReadonlyMap<string, number>, budget = CANDIDATE_BOUNDS.retrievalBudget): string {
  const articles = (term: string) => lexemesOf(term).reduce((sum, lexeme) => sum + (articlesWith.get(`${lexeme}:*`) ?? articlesWith.get(lexeme) ?? 0), 0);
  const rarestFirst = [...terms].sort((a, b) => articles(a) - articles(b));
  const taken: string[] = [];
  let total = 0;
  for (const term of rarestFirst) {
    if (taken.length && total + articles(term) > budget) break;
    taken.push(term);
    total += articles(term);
  }
  return taken.join(' | ');
}
