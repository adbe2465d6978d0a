import { knowledgeArticlePublished } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';

/** A version of an article went live (training's knowledge_article.published): replies may cite it; a later version replaces an earlier one, never the reverse. */
export function onKnowledgeArticlePublished(): EventHandler<typeof knowledgeArticlePublished> {
  return onEvent(knowledgeArticlePublished, async ({ data }, manager) => {
    await manager.query(
      `INSERT INTO published_knowledge_article (article_id, version, title, published_at, archived_at) VALUES ($1, $2, $3, $4, NULL)
       ON CONFLICT (article_id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title, published_at = EXCLUDED.published_at
        WHERE published_knowledge_article.version < EXCLUDED.version AND published_knowledge_article.archived_at IS NULL`,
      [data.articleId, data.version, data.title, data.publishedAt],
    );
  });
}
