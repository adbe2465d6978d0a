import type { EntityManager } from 'typeorm';
import type { KnowledgeArticle, KnowledgeArticleVersion } from './knowledge-article.entity';

/**
 * The search index as publication needs it, written in the publication's own transaction so that
 * a published article is found at once and an archived one never (the search folder implements it).
 */
export interface ArticleIndex {
  index(manager: EntityManager, article: KnowledgeArticle, version: KnowledgeArticleVersion): Promise<void>;
  remove(manager: EntityManager, articleId: string): Promise<void>;
}
