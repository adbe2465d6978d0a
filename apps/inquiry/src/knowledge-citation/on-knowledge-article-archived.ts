import { knowledgeArticleArchived } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';

/** An article was taken out of use (training's knowledge_article.archived): no new citation; the replies that cited it show it archived. */
export function onKnowledgeArticleArchived(): EventHandler<typeof knowledgeArticleArchived> {
  return onEvent(knowledgeArticleArchived, async ({ data }, manager) => {
    await manager.query(
      `INSERT INTO published_knowledge_article (article_id, version, title, published_at, archived_at) VALUES ($1, $2, '', $3, $3)
       ON CONFLICT (article_id) DO UPDATE SET archived_at = EXCLUDED.archived_at WHERE published_knowledge_article.archived_at IS NULL`,
      [data.articleId, data.lastVersion, data.archivedAt],
    );
  });
}
