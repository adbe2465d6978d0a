import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { ArticleFeedback } from './article-feedback.entity';
import { KnowledgeArticle } from './knowledge-article.entity';
import { ArticleStatus } from './knowledge.enums';

/** Readers say whether the live version helped, and why not (T-5.2). */
export class ArticleFeedbackGiving {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async give(input: { articleId: string; helpful: boolean; reason?: string | null }, by: Identity): Promise<ArticleFeedback> {
    const reason = input.reason?.trim() || null;
    if (!input.helpful && !reason) throw BadUserInputError.field('input.reason', 'required', 'must say why the article did not help');
    return this.dataSource.transaction(async (manager) => {
      const article = await manager.findOneBy(KnowledgeArticle, { id: input.articleId });
      if (!article?.liveVersionId || article.status === ArticleStatus.ARCHIVED) {
        throw BadUserInputError.field('input.articleId', 'published', 'must be a published article');
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(ArticleFeedback)
        .values({ articleId: article.id, version: article.liveVersion, helpful: input.helpful, reason, givenBy: by.userId, givenAt: this.clock.now() })
        .orUpdate(['helpful', 'reason', 'given_at'], ['article_id', 'version', 'given_by'])
        .execute();
      return manager.findOneByOrFail(ArticleFeedback, { articleId: article.id, version: article.liveVersion, givenBy: by.userId });
    });
  }
}
