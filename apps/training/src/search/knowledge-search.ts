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

/**
 * Full-text search of the live articles (T-5.2) in PostgreSQL: a GIN-indexed tsvector per live
 * version, ranked with the title (A) above the text (B), the last word matched as a prefix
 * (results as you type), and misspelt Latin-script words corrected by trigram similarity against
 * the words the articles use.
 */
export class KnowledgeSearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly analysis: AnalysisOptions = DEFAULT_ANALYSIS,
  ) {}

  async search(request: SearchRequest): Promise<KnowledgeSearchResult> {
    const terms = searchTerms(request.text, this.analysis);
    const trailingSpace = /\s$/.test(request.text);
    const corrections = await this.corrections(terms, !terms.lastHanWord && !trailingSpace);
    const prefix = { latinPrefix: !terms.lastHanWord && !trailingSpace, hanPrefix: !!terms.lastHanWord };
    const latin = await this.stemmed(latinTerms(terms, corrections, prefix.latinPrefix));
    const han = (words: readonly string[]) => words.map((word) => `'${word}'${prefix.hanPrefix && word === terms.lastHanWord ? ':*' : ''}`);
    let found: Omit<KnowledgeSearchResult, 'corrections'> = { total: 0, hits: [] };
    // The narrowest search that finds anything: every word, else at least two of them, else any.
    // Ranking every article that shares one common word is what costs time, so it comes last.
    for (const query of matchStages([...latin, ...han(terms.hanWords)], [...latin, ...han(terms.han)])) {
      found = await this.find(query, request);
      if (found.total > 0) break;
    }
    if (found.total === 0 && request.complete) await this.recordMiss(request);
    return { ...found, corrections };
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

  private async find(query: string, request: SearchRequest): Promise<Omit<KnowledgeSearchResult, 'corrections'>> {
    const parameters: unknown[] = [query];
    const filters: string[] = [];
    const filter = (sql: (p: string) => string, value: unknown) => {
      parameters.push(value);
      filters.push(sql(`$${parameters.length}`));
    };
    if (request.kind) filter((p) => `d.kind = ${p}`, request.kind);
    if (request.categoryId) filter((p) => `d.category_id = ${p}`, request.categoryId);
    if (request.locale) filter((p) => `d.locale = ${p}`, request.locale);
    if (request.visibility) filter((p) => `d.visibility = ${p}`, request.visibility);
    if (request.tag) filter((p) => `d.tags @> ARRAY[${p}]::text[]`, request.tag.trim().toLowerCase());
    const where = `d.document @@ $1::tsquery ${filters.map((f) => `AND ${f}`).join(' ')}`;
    const rows: SearchRow[] = await this.dataSource.query(
      `SELECT d.article_id AS "articleId", d.version, d.title, d.body, d.kind, d.locale, d.visibility, d.category_id AS "categoryId", d.tags,
              ts_rank(d.document, $1::tsquery, 1) * (CASE WHEN $${parameters.length + 1}::text = ANY (d.inquiry_categories) THEN 2 ELSE 1 END) AS score,
              count(*) OVER () AS total
         FROM knowledge_search_document d
        WHERE ${where}
        ORDER BY score DESC, d.published_at DESC, d.article_id
        LIMIT $${parameters.length + 2} OFFSET $${parameters.length + 3}`,
      [...parameters, request.inquiryCategory ?? null, request.first, request.offset],
    );
    if (!rows.length) {
      if (request.offset === 0) return { total: 0, hits: [] };
      // The page asked for lies beyond the matches: say how many there are.
      const [{ total }] = await this.dataSource.query(`SELECT count(*) AS total FROM knowledge_search_document d WHERE ${where}`, parameters);
      return { total: Number(total), hits: [] };
    }
    const pattern = matcher(lexemesOf(query));
    return {
      total: Number(rows[0].total),
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

/** The Latin words of a search for `to_tsquery`, the last one as a prefix, each with its correction as an alternative. */
export function latinTerms(terms: SearchTerms, corrections: readonly SpellingCorrection[], lastIsPrefix: boolean): string[] {
  const corrected = new Map(corrections.map((c) => [c.searched, c.correctedTo]));
  return terms.latin.map((word, i) => {
    const term = i === terms.latin.length - 1 && lastIsPrefix ? `${word}:*` : word;
    const correction = corrected.get(word);
    return correction ? `${term} | ${correction}` : term;
  });
}

/** Searches with pairwise "at least two words" are kept to this many words (the pairs grow as n²). */
const MOST_WORDS_FOR_PAIRS = 8;

/**
 * The tsqueries to try in turn: every word (the Chinese words without their bigrams); at least two of
 * them, when there are three or more; any word or bigram, ranked so that articles with more of them
 * come first, so that a question phrased unlike the article still finds it.
 */
export function matchStages(every: readonly string[], any: readonly string[]): string[] {
  const stages: string[] = [];
  if (every.length) stages.push(every.join(' & '));
  if (every.length >= 3 && every.length <= MOST_WORDS_FOR_PAIRS) {
    const pairs: string[] = [];
    for (let i = 0; i < every.length; i++) for (let j = i + 1; j < every.length; j++) pairs.push(`(${every[i]} & ${every[j]})`);
    stages.push(pairs.join(' | '));
  }
  if (any.length && (any.length > 1 || stages.length === 0)) stages.push(any.join(' | '));
  return stages;
}
