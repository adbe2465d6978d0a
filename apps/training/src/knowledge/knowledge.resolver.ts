import { caller, ListArgs, listSize, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ArticleFeedbackGiving } from './article-feedback';
import { ArticleFeedback } from './article-feedback.entity';
import type { ArticleQueries } from './article-queries';
import type { ArticleReview } from './article-review';
import type { ArticleVersions } from './article-versions';
import type { ArticleWriting } from './article-writing';
import { KnowledgeArticle, KnowledgeArticleVersion, KnowledgeCategory } from './knowledge-article.entity';
import { ArticleKind, ArticleLocale, ArticleStatus } from './knowledge.enums';
import {
  ApproveKnowledgeArticleInput,
  ArticleFeedbackInput,
  CreateKnowledgeArticleInput,
  CreateKnowledgeCategoryInput,
  DraftArticleFromCaseInput,
  EditKnowledgeArticleInput,
  RestoreKnowledgeArticleVersionInput,
  SendBackKnowledgeArticleInput,
} from './knowledge.inputs';
import { KnowledgeArticleComparison, PublicKnowledgeArticle } from './knowledge.types';
import type { SolvedCases } from './solved-cases';

export interface KnowledgeUseCases {
  queries: ArticleQueries;
  writing: ArticleWriting;
  review: ArticleReview;
  versions: ArticleVersions;
  feedback: ArticleFeedbackGiving;
  solvedCases: SolvedCases;
}

/** Trainers write, supervisors review and approve, every member of staff reads (T-5.2). */
@Resolver(() => KnowledgeArticle)
export class KnowledgeArticleResolver {
  constructor(private readonly knowledge: KnowledgeUseCases) {}

  @Authorized()
  @Query(() => KnowledgeArticle, { description: 'One article (its working copy, and its live version).' })
  knowledgeArticle(@Arg('id', () => ID) id: string): Promise<KnowledgeArticle> {
    return this.knowledge.queries.get(id);
  }

  @Authorized('trainer', 'supervisor')
  @Query(() => [KnowledgeArticle], { description: 'Working copies, latest change first (at most 200): e.g. those IN_REVIEW.' })
  knowledgeArticles(
    @Arg('status', () => ArticleStatus, { nullable: true }) status: ArticleStatus | null,
    @Arg('kind', () => ArticleKind, { nullable: true }) kind: ArticleKind | null,
    @Arg('locale', () => ArticleLocale, { nullable: true }) locale: ArticleLocale | null,
    @Arg('categoryId', () => ID, { nullable: true }) categoryId: string | null,
  ): Promise<KnowledgeArticle[]> {
    return this.knowledge.queries.list({ status, kind, locale, categoryId });
  }

  @Authorized()
  @Query(() => [KnowledgeCategory])
  knowledgeCategories(): Promise<KnowledgeCategory[]> {
    return this.knowledge.queries.categories();
  }

  @Authorized()
  @Query(() => KnowledgeArticleComparison, { description: 'Any two versions of an article compared.' })
  knowledgeArticleComparison(
    @Arg('articleId', () => ID) articleId: string,
    @Arg('from', () => Int) from: number,
    @Arg('to', () => Int) to: number,
  ): Promise<KnowledgeArticleComparison> {
    return this.knowledge.versions.compare(articleId, from, to);
  }

  /** Open to the customer apps without a token: only public, live articles (the gateway admits this one query). */
  @Query(() => PublicKnowledgeArticle, { description: 'A public article’s live version, as the customer apps read it.' })
  async publicKnowledgeArticle(@Arg('id', () => ID) id: string): Promise<PublicKnowledgeArticle> {
    const live = await this.knowledge.queries.getPublic(id);
    const article = await this.knowledge.queries.get(id);
    return { id, version: live.number, kind: article.kind, locale: article.locale, title: live.title, body: live.body, tags: live.tags, publishedAt: live.publishedAt };
  }

  @Authorized('trainer')
  @Mutation(() => KnowledgeCategory)
  createKnowledgeCategory(@Arg('input') input: CreateKnowledgeCategoryInput): Promise<KnowledgeCategory> {
    return this.knowledge.writing.createCategory(input);
  }

  @Authorized('trainer')
  @Mutation(() => KnowledgeArticle, { description: 'A new article, as a DRAFT.' })
  createKnowledgeArticle(@Arg('input') input: CreateKnowledgeArticleInput, @Ctx() context: RequestContext): Promise<KnowledgeArticle> {
    return this.knowledge.writing.create(input, caller(context));
  }

  @Authorized('trainer')
  @Mutation(() => KnowledgeArticle, { description: 'Changes the working copy; a published article keeps its live version live until the edit is approved.' })
  editKnowledgeArticle(@Arg('input') input: EditKnowledgeArticleInput, @Ctx() context: RequestContext): Promise<KnowledgeArticle> {
    return this.knowledge.writing.edit(input, caller(context));
  }

  @Authorized('trainer')
  @Mutation(() => KnowledgeArticle, { description: 'Sends the draft to review (IN_REVIEW).' })
  submitKnowledgeArticle(@Arg('articleId', () => ID) articleId: string, @Ctx() context: RequestContext): Promise<KnowledgeArticle> {
    return this.knowledge.writing.submit(articleId, caller(context));
  }

  @Authorized('supervisor')
  @Mutation(() => KnowledgeArticle, { description: 'Approves the working copy (a second person): it goes live now, or at publishAt.' })
  approveKnowledgeArticle(@Arg('input') input: ApproveKnowledgeArticleInput, @Ctx() context: RequestContext): Promise<KnowledgeArticle> {
    return this.knowledge.review.approve(input, caller(context));
  }

  @Authorized('supervisor')
  @Mutation(() => KnowledgeArticle, { description: 'Sends the working copy back to DRAFT with what to change.' })
  sendBackKnowledgeArticle(@Arg('input') input: SendBackKnowledgeArticleInput, @Ctx() context: RequestContext): Promise<KnowledgeArticle> {
    return this.knowledge.review.sendBack(input, caller(context));
  }

  @Authorized('supervisor')
  @Mutation(() => KnowledgeArticle, { description: 'Takes the article out of use: never found again, no longer citable.' })
  archiveKnowledgeArticle(@Arg('articleId', () => ID) articleId: string, @Ctx() context: RequestContext): Promise<KnowledgeArticle> {
    return this.knowledge.review.archive(articleId, caller(context));
  }

  @Authorized('supervisor')
  @Mutation(() => KnowledgeArticle, { description: 'Publishes an old version’s text again as a new version.' })
  restoreKnowledgeArticleVersion(@Arg('input') input: RestoreKnowledgeArticleVersionInput, @Ctx() context: RequestContext): Promise<KnowledgeArticle> {
    return this.knowledge.versions.restore(input.articleId, input.version, caller(context));
  }

  @Authorized('trainer', 'agent')
  @Mutation(() => KnowledgeArticle, { description: 'Drafts an article from a solved case, its text taken over with personal data removed.' })
  draftKnowledgeArticleFromCase(@Arg('input') input: DraftArticleFromCaseInput, @Ctx() context: RequestContext): Promise<KnowledgeArticle> {
    return this.knowledge.solvedCases.draftArticle(input, caller(context));
  }

  @Authorized()
  @Mutation(() => ArticleFeedback, { description: '“Was this helpful?” on the live version; a second vote replaces the first.' })
  giveArticleFeedback(@Arg('input') input: ArticleFeedbackInput, @Ctx() context: RequestContext): Promise<ArticleFeedback> {
    return this.knowledge.feedback.give(input, caller(context));
  }

  @FieldResolver(() => KnowledgeCategory, { nullable: true })
  category(@Root() article: KnowledgeArticle): Promise<KnowledgeCategory | null> {
    return this.knowledge.queries.category(article.categoryId);
  }

  @FieldResolver(() => KnowledgeArticleVersion, { nullable: true, description: 'What agents and customers read now; null before the first publication and once archived.' })
  liveVersion(@Root() article: KnowledgeArticle): Promise<KnowledgeArticleVersion | null> {
    return this.knowledge.queries.liveVersion(article);
  }

  @FieldResolver(() => [KnowledgeArticleVersion], { description: 'The published versions, newest first; at most `first` of them (bounded list).' })
  versions(@Root() article: KnowledgeArticle, @Args() list: ListArgs): Promise<KnowledgeArticleVersion[]> {
    return this.knowledge.queries.versions(article.id, listSize(list));
  }

  @FieldResolver(() => [KnowledgeArticle], { description: 'The same article in the other languages.' })
  translations(@Root() article: KnowledgeArticle): Promise<KnowledgeArticle[]> {
    return this.knowledge.queries.translations(article);
  }
}
