import type { EntityManager } from 'typeorm';
import type { ArticleIndex } from '../knowledge/article-index';
import type { KnowledgeArticle, KnowledgeArticleVersion } from '../knowledge/knowledge-article.entity';
import { type AnalysisOptions, analyse, DEFAULT_ANALYSIS, hanTerms, hanVector, vocabulary } from './search-text';

/**
 * The search index of the live articles (`knowledge_search_document`), written in the
 * publication's transaction. The title is weighted A and the text B, so a match in the title
 * ranks higher. How many live articles use each lexeme (`knowledge_search_lexeme`) is kept in the
 * same transaction, so that a search can look for its rarer words first.
 */
export class KnowledgeSearchIndex implements ArticleIndex {
  constructor(private readonly analysis: AnalysisOptions = DEFAULT_ANALYSIS) {}

  async index(manager: EntityManager, article: KnowledgeArticle, version: KnowledgeArticleVersion): Promise<void> {
    const previous: { lexemes: string[] }[] = await manager.query(
      `SELECT tsvector_to_array(document) AS lexemes FROM knowledge_search_document WHERE article_id = $1 FOR UPDATE`,
      [article.id],
    );
    const title = analyse(version.title, this.analysis);
    const body = analyse(`${version.body}\n${version.tags.join(' ')}`, this.analysis);
    const [indexed]: { lexemes: string[] }[] = await manager.query(
      `INSERT INTO knowledge_search_document
         (article_id, version_id, version, kind, locale, visibility, category_id, inquiry_categories, tags, title, body, document, published_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, c.inquiry_categories, $8, $9, $10,
              setweight(to_tsvector('english', $11), 'A') || $12::tsvector || setweight(to_tsvector('english', $13), 'B') || $14::tsvector,
              $15
         FROM knowledge_category c WHERE c.id = $7
       ON CONFLICT (article_id) DO UPDATE SET
         version_id = EXCLUDED.version_id, version = EXCLUDED.version, kind = EXCLUDED.kind, locale = EXCLUDED.locale,
         visibility = EXCLUDED.visibility, category_id = EXCLUDED.category_id, inquiry_categories = EXCLUDED.inquiry_categories,
         tags = EXCLUDED.tags, title = EXCLUDED.title, body = EXCLUDED.body, document = EXCLUDED.document, published_at = EXCLUDED.published_at
       RETURNING tsvector_to_array(document) AS lexemes`,
      [
        article.id,
        version.id,
        version.number,
        article.kind,
        article.locale,
        version.visibility,
        version.categoryId,
        version.tags,
        version.title,
        version.body,
        title.latin,
        hanVector(hanTerms(title), 'A'),
        body.latin,
        hanVector(hanTerms(body), 'B'),
        version.publishedAt,
      ],
    );
    await countLexemes(manager, indexed.lexemes, previous[0]?.lexemes ?? []);
    // Sorted, so that two publications inserting the same new words take their locks in one order.
    const words = vocabulary(`${version.title}\n${version.body}\n${version.tags.join(' ')}`).sort();
    if (words.length) await manager.query(`INSERT INTO knowledge_search_word (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [words]);
  }

  async remove(manager: EntityManager, articleId: string): Promise<void> {
    const [removed]: { lexemes: string[] }[] = await manager.query(
      `DELETE FROM knowledge_search_document WHERE article_id = $1 RETURNING tsvector_to_array(document) AS lexemes`,
      [articleId],
    );
    if (removed) await countLexemes(manager, [], removed.lexemes);
  }
}

/**
 * One more live article for each lexeme it now has, one fewer for each it no longer has, in lexeme
 * order, so that two publications sharing words take their row locks in one order.
 */
async function countLexemes(manager: EntityManager, now: readonly string[], before: readonly string[]): Promise<void> {
  const had = new Set(before);
  const has = new Set(now);
  const changes = new Map<string, number>();
  for (const lexeme of has) if (!had.has(lexeme)) changes.set(lexeme, 1);
  for (const lexeme of had) if (!has.has(lexeme)) changes.set(lexeme, -1);
  if (!changes.size) return;
  const lexemes = [...changes.keys()].sort();
  await manager.query(
    `INSERT INTO knowledge_search_lexeme (lexeme, articles)
     SELECT lexeme, change FROM unnest($1::text[], $2::int[]) AS x(lexeme, change) ORDER BY lexeme
     ON CONFLICT (lexeme) DO UPDATE SET articles = greatest(0, knowledge_search_lexeme.articles + EXCLUDED.articles)`,
    [lexemes, lexemes.map((lexeme) => changes.get(lexeme))],
  );
}
