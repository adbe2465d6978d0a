import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ForbiddenError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, LessThanOrEqual } from 'typeorm';
import type { ArticlePublication } from './article-publication';
import { KnowledgeArticle } from './knowledge-article.entity';
import { ensureStepAllowed, STEPS } from './knowledge-article-lifecycle';
import { lockArticle } from './knowledge-article-lock';
import { ArticleStatus } from './knowledge.enums';
import type { ApproveKnowledgeArticleInput, SendBackKnowledgeArticleInput } from './knowledge.inputs';

/** A second person's review (T-5.2): approval, at once or for a scheduled time, sending back, and archiving. */
export class ArticleReview {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publication: ArticlePublication,
    private readonly clock: Clock,
  ) {}

  /** Approves the working copy; it goes live now, or at `publishAt` (scheduled publishing). */
  async approve(input: ApproveKnowledgeArticleInput, by: Identity): Promise<KnowledgeArticle> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const article = await lockArticle(manager, input.articleId);
      ensureStepAllowed(article, STEPS.approve);
      ensureSecondPerson(article, by);
      if (input.publishAt && input.publishAt > now) {
        await manager.update(KnowledgeArticle, { id: article.id }, { status: STEPS.approve.to, approvedBy: by.userId, publishAt: input.publishAt, updatedAt: now });
        return manager.findOneByOrFail(KnowledgeArticle, { id: article.id });
      }
      return this.publication.publish(manager, article, by.userId, now);
    });
  }

  async sendBack(input: SendBackKnowledgeArticleInput, by: Identity): Promise<KnowledgeArticle> {
    const comment = input.comment.trim();
    if (!comment) throw BadUserInputError.field('input.comment', 'not-blank', 'must say what to change');
    return this.dataSource.transaction(async (manager) => {
      const article = await lockArticle(manager, input.articleId);
      ensureStepAllowed(article, STEPS.sendBack);
      ensureSecondPerson(article, by);
      await manager.update(KnowledgeArticle, { id: article.id }, { status: STEPS.sendBack.to, reviewComment: comment, updatedAt: this.clock.now() });
      return manager.findOneByOrFail(KnowledgeArticle, { id: article.id });
    });
  }

  /** Publishes the approved articles whose time has come; each in its own transaction, so one failure holds up no other. */
  async publishDue(now: Date): Promise<number> {
    const due = await this.dataSource.getRepository(KnowledgeArticle).find({ where: { status: ArticleStatus.APPROVED, publishAt: LessThanOrEqual(now) }, select: { id: true } });
    let published = 0;
    for (const { id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const article = await lockArticle(manager, id);
        if (article.status !== ArticleStatus.APPROVED || !article.publishAt || article.publishAt > now) return;
        await this.publication.publish(manager, article, article.approvedBy as string, now);
        published += 1;
      });
    }
    return published;
  }

  async archive(articleId: string, by: Identity): Promise<KnowledgeArticle> {
    return this.dataSource.transaction(async (manager) => {
      const article = await lockArticle(manager, articleId);
      ensureStepAllowed(article, STEPS.archive);
      return this.publication.archive(manager, article, by.userId, this.clock.now());
    });
  }
}

/** Review is by a second person: neither who sent it to review nor who last changed it. */
function ensureSecondPerson(article: KnowledgeArticle, by: Identity): void {
  if (article.submittedBy === by.userId || article.updatedBy === by.userId) {
    throw new ForbiddenError('An article is reviewed by a second person: you wrote or sent this version to review');
  }
}
