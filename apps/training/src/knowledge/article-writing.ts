import { randomUUID } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { KnowledgeArticle, KnowledgeCategory } from './knowledge-article.entity';
import { ensureStepAllowed, STEPS } from './knowledge-article-lifecycle';
import { categoryWithSection, lockArticle } from './knowledge-article-lock';
import { ArticleKind, ArticleStatus } from './knowledge.enums';
import type { CreateKnowledgeArticleInput, CreateKnowledgeCategoryInput, EditKnowledgeArticleInput } from './knowledge.inputs';

/** What trainers write (T-5.2): categories, new articles as drafts, edits of the working copy, and sending it to review. */
export class ArticleWriting {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async createCategory(input: CreateKnowledgeCategoryInput): Promise<KnowledgeCategory> {
    const sections = [...new Set(input.sections.map((s) => s.trim()).filter(Boolean))];
    if (!sections.length) throw BadUserInputError.field('input.sections', 'required', 'must name at least one section');
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(KnowledgeCategory, { slug: input.slug })) throw BadUserInputError.field('input.slug', 'unique', `a category "${input.slug}" exists already`);
      return manager.save(manager.create(KnowledgeCategory, { slug: input.slug, name: input.name.trim(), sections, inquiryCategories: input.inquiryCategories ?? [] }));
    });
  }

  async create(input: CreateKnowledgeArticleInput, by: Identity, draftedFromCase: string | null = null): Promise<KnowledgeArticle> {
    const title = input.title.trim();
    const body = input.body.trim();
    if (!title) throw BadUserInputError.field('input.title', 'not-blank', 'must not be blank');
    if (!body) throw BadUserInputError.field('input.body', 'not-blank', 'must not be blank');
    const ownerId = input.ownerId?.trim() || null;
    ensureOwner(input.kind, ownerId, 'input.ownerId');
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await categoryWithSection(manager, input.categoryId, input.section, 'input');
      let translationGroupId: string = randomUUID();
      if (input.translationOfId) {
        const original = await manager.findOneBy(KnowledgeArticle, { id: input.translationOfId });
        if (!original) throw BadUserInputError.field('input.translationOfId', 'exists', `no article with id "${input.translationOfId}"`);
        if (await manager.existsBy(KnowledgeArticle, { translationGroupId: original.translationGroupId, locale: input.locale })) {
          throw BadUserInputError.field('input.translationOfId', 'one-per-locale', `the article has a ${input.locale} translation already`);
        }
        translationGroupId = original.translationGroupId;
      }
      const created = await manager.save(
        manager.create(KnowledgeArticle, {
          kind: input.kind,
          status: ArticleStatus.DRAFT,
          locale: input.locale,
          visibility: input.visibility,
          categoryId: input.categoryId,
          section: input.section,
          title,
          body,
          tags: normalizeTags(input.tags ?? []),
          ownerId,
          translationGroupId,
          draftedFromCase,
          liveVersionId: null,
          liveVersion: 0,
          versionCount: 0,
          createdBy: by.userId,
          createdAt: now,
          updatedBy: by.userId,
          updatedAt: now,
        }),
      );
      return manager.findOneByOrFail(KnowledgeArticle, { id: created.id });
    });
  }

  /** Changes the working copy; a published article becomes a draft again while its live version stays live and found. */
  async edit(input: EditKnowledgeArticleInput, by: Identity): Promise<KnowledgeArticle> {
    return this.dataSource.transaction(async (manager) => {
      const article = await lockArticle(manager, input.articleId);
      ensureStepAllowed(article, STEPS.edit);
      const changes: Partial<KnowledgeArticle> = {};
      if (input.title !== undefined) changes.title = notBlank(input.title, 'input.title');
      if (input.body !== undefined) changes.body = notBlank(input.body, 'input.body');
      if (input.tags !== undefined) changes.tags = normalizeTags(input.tags);
      if (input.visibility !== undefined) changes.visibility = input.visibility;
      if (input.ownerId !== undefined) changes.ownerId = input.ownerId.trim() || null;
      if (input.categoryId !== undefined || input.section !== undefined) {
        changes.categoryId = input.categoryId ?? article.categoryId;
        changes.section = input.section ?? article.section;
        await categoryWithSection(manager, changes.categoryId, changes.section, 'input');
      }
      ensureOwner(article.kind, changes.ownerId !== undefined ? changes.ownerId : article.ownerId, 'input.ownerId');
      await manager.update(KnowledgeArticle, { id: article.id }, { ...changes, status: STEPS.edit.to, publishAt: null, approvedBy: null, updatedBy: by.userId, updatedAt: this.clock.now() });
      return manager.findOneByOrFail(KnowledgeArticle, { id: article.id });
    });
  }

  /** The writer asks a supervisor to review the working copy. */
  async submit(articleId: string, by: Identity): Promise<KnowledgeArticle> {
    return this.dataSource.transaction(async (manager) => {
      const article = await lockArticle(manager, articleId);
      ensureStepAllowed(article, STEPS.submit);
      if (article.liveVersion > 0 && (await unchangedFromLive(manager, article))) {
        throw new ConflictError('The draft is the same as the live version: there is nothing to review', { currentStatus: article.status });
      }
      await manager.update(KnowledgeArticle, { id: article.id }, { status: STEPS.submit.to, submittedBy: by.userId, reviewComment: null, updatedAt: this.clock.now() });
      return manager.findOneByOrFail(KnowledgeArticle, { id: article.id });
    });
  }
}

async function unchangedFromLive(manager: import('typeorm').EntityManager, article: KnowledgeArticle): Promise<boolean> {
  const live = await manager.query(`SELECT title, body, tags, category_id, section, visibility, owner_id FROM knowledge_article_version WHERE id = $1`, [article.liveVersionId]);
  const [v] = live;
  return (
    v.title === article.title &&
    v.body === article.body &&
    v.tags.join('\u0000') === article.tags.join('\u0000') &&
    v.category_id === article.categoryId &&
    v.section === article.section &&
    v.visibility === article.visibility &&
    v.owner_id === article.ownerId
  );
}

function ensureOwner(kind: ArticleKind, ownerId: string | null, field: string): void {
  if (kind === ArticleKind.PROCEDURE && !ownerId) throw BadUserInputError.field(field, 'required', 'must name the owner of a procedure (T-5.3)');
}

function notBlank(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw BadUserInputError.field(field, 'not-blank', 'must not be blank');
  return trimmed;
}

function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}
