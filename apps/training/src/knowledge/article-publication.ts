import { knowledgeArticleArchived, knowledgeArticlePublished } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import type { ArticleIndex } from './article-index';
import { KnowledgeArticle, KnowledgeArticleVersion } from './knowledge-article.entity';
import { STEPS } from './knowledge-article-lifecycle';

/**
 * Making a version live and taking an article out of use, each in the caller's transaction: the
 * immutable version, the article, the search index and the event commit together.
 */
export class ArticlePublication {
  constructor(
    private readonly index: ArticleIndex,
    private readonly outbox: Outbox,
  ) {}

  /** The working copy becomes version n+1, the live one. `restoredFrom` names the version whose text it takes again. */
  async publish(manager: EntityManager, article: KnowledgeArticle, approvedBy: string, now: Date, restoredFrom: number | null = null): Promise<KnowledgeArticle> {
    const number = article.versionCount + 1;
    const version = await manager.save(
      manager.create(KnowledgeArticleVersion, {
        articleId: article.id,
        number,
        title: article.title,
        body: article.body,
        tags: article.tags,
        categoryId: article.categoryId,
        section: article.section,
        visibility: article.visibility,
        ownerId: article.ownerId,
        restoredFrom,
        writtenBy: article.submittedBy ?? article.updatedBy,
        approvedBy,
        publishedAt: now,
      }),
    );
    await manager.update(
      KnowledgeArticle,
      { id: article.id },
      { status: STEPS.publish.to, liveVersionId: version.id, liveVersion: number, versionCount: number, approvedBy, publishAt: null, reviewComment: null, updatedAt: now },
    );
    const live = await manager.findOneByOrFail(KnowledgeArticle, { id: article.id });
    await this.index.index(manager, live, version);
    await this.outbox.publish(manager, knowledgeArticlePublished, {
      articleId: live.id,
      versionId: version.id,
      version: number,
      title: version.title,
      kind: live.kind,
      locale: live.locale,
      visibility: version.visibility,
      publishedBy: approvedBy,
      publishedAt: now.toISOString(),
    });
    return live;
  }

  /** Out of use: out of the index at once, and inquiry stops accepting citations of it. */
  async archive(manager: EntityManager, article: KnowledgeArticle, by: string, now: Date): Promise<KnowledgeArticle> {
    await manager.update(KnowledgeArticle, { id: article.id }, { status: STEPS.archive.to, archivedAt: now, publishAt: null, updatedBy: by, updatedAt: now });
    await this.index.remove(manager, article.id);
    await this.outbox.publish(manager, knowledgeArticleArchived, { articleId: article.id, lastVersion: article.liveVersion, archivedBy: by, archivedAt: now.toISOString() });
    return manager.findOneByOrFail(KnowledgeArticle, { id: article.id });
  }
}
