import type { EntityManager } from 'typeorm';
import type { ArticleIndex } from '../knowledge/article-index';
import type { KnowledgeArticle, KnowledgeArticleVersion } from '../knowledge/knowledge-article.entity';
import { type AnalysisOptions, analyse, DEFAULT_ANALYSIS, hanTerms, hanVector, vocabulary } from './search-text';

/**
 * The search index of the live articles (`knowledge_search_document`), written in the
 * publication's transaction. The title is weighted A and the text B, so a match in the title
 * ranks higher.
 */
export class KnowledgeSearchIndex implements ArticleIndex {
  constructor(private readonly analysis: AnalysisOptions = DEFAULT_ANALYSIS) {}

  async index(manager: EntityManager, article: KnowledgeArticle, version: KnowledgeArticleVersion): Promise<void> {
    const title = analyse(version.title, this.analysis);
    const body = analyse(`${version.body}\n${version.tags.join(' ')}`, this.analysis);
    await manager.query(
      `INSERT INTO knowledge_search_document
         (article_id, version_id, version, kind, locale, visibility, category_id, inquiry_categories, tags, title, body, document, published_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, c.inquiry_categories, $8, $9, $10,
              setweight(to_tsvector('english', $11), 'A') || $12::tsvector || setweight(to_tsvector('english', $13), 'B') || $14::tsvector,
              $15
         FROM knowledge_category c WHERE c.id = $7
       ON CONFLICT (article_id) DO UPDATE SET
         version_id = EXCLUDED.version_id, version = EXCLUDED.version, kind = EXCLUDED.kind, locale = EXCLUDED.locale,
         visibility = EXCLUDED.visibility, category_id = EXCLUDED.category_id, inquiry_categories = EXCLUDED.inquiry_categories,
         tags = EXCLUDED.tags, title = EXCLUDED.title, body = EXCLUDED.body, document = EXCLUDED.document, published_at = EXCLUDED.published_at`,
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
    // Sorted, so that two publications inserting the same new words take their locks in one order.
    const words = vocabulary(`${version.title}\n${version.body}\n${version.tags.join(' ')}`).sort();
    if (words.length) await manager.query(`INSERT INTO knowledge_search_word (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [words]);
  }

  async remove(manager: EntityManager, articleId: string): Promise<void> {
    await manager.query(`DELETE FROM knowledge_search_document WHERE article_id = $1`, [articleId]);
  }
}
