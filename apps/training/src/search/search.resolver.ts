import { byId, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { ArticleQueries } from '../knowledge/article-queries';
import { KnowledgeArticle } from '../knowledge/knowledge-article.entity';
import { ArticleVisibility } from '../knowledge/knowledge.enums';
import { InquiryReference } from '../references/inquiry.reference';
import type { ArticleSuggestions } from './article-suggestions';
import { type ContentGaps, KnowledgeContentGaps } from './content-gaps';
import type { KnowledgeSearch } from './knowledge-search';
import { KnowledgeSearchInput } from './search.inputs';
import { KnowledgeSearchHit, KnowledgeSearchResult } from './search.types';

@Resolver(() => KnowledgeSearchHit)
export class KnowledgeSearchResolver {
  /** The articles of a page of hits, in one query. */
  private readonly articleLoader = new RequestLoader(async (ids: readonly string[]) => byId(await this.articles.byIds(ids)));

  constructor(
    private readonly search: KnowledgeSearch,
    private readonly gaps: ContentGaps,
    private readonly articles: ArticleQueries,
  ) {}

  @Authorized()
  @Query(() => KnowledgeSearchResult, { description: 'Searches the live articles, Chinese and English (T-5.2): typo-tolerant, the title weighing more, as you type.' })
  knowledgeSearch(@Arg('input') input: KnowledgeSearchInput): Promise<KnowledgeSearchResult> {
    return this.search.search(input);
  }

  /** Open to the customer apps without a token (the gateway admits this one query): public articles only. */
  @Query(() => KnowledgeSearchResult, { description: 'Searches the public live articles, as the customer apps do.' })
  publicKnowledgeSearch(@Arg('input') input: KnowledgeSearchInput): Promise<KnowledgeSearchResult> {
    return this.search.search({ ...input, visibility: ArticleVisibility.PUBLIC, complete: false });
  }

  @Authorized('trainer', 'supervisor', 'analyst')
  @Query(() => KnowledgeContentGaps, { description: 'Where the knowledge base falls short: searches without result, articles voted unhelpful.' })
  knowledgeContentGaps(): Promise<KnowledgeContentGaps> {
    return this.gaps.list();
  }

  @Authorized()
  @FieldResolver(() => KnowledgeArticle, { nullable: true, description: 'The article found (staff only).' })
  async article(@Root() hit: KnowledgeSearchHit, @Ctx() context: RequestContext): Promise<KnowledgeArticle | null> {
    return (await this.articleLoader.load(context, hit.articleId)) ?? null;
  }
}

@ArgsType()
class SuggestionArgs {
  @Field(() => Int, { defaultValue: 5 })
  @Min(1, { message: 'must be at least 1' })
  @Max(20, { message: 'must be at most 20' })
  first: number;
}

@Resolver(() => InquiryReference)
export class InquirySuggestionsResolver {
  constructor(private readonly suggestions: ArticleSuggestions) {}

  @Authorized('agent', 'supervisor', 'trainer', 'complaint_specialist')
  @FieldResolver(() => [KnowledgeSearchHit], {
    description: "Live articles for this inquiry, from its category and the customer's words; they follow the customer's newest message (resolved by training).",
  })
  suggestedArticles(@Root() inquiry: InquiryReference, @Args() { first }: SuggestionArgs): Promise<KnowledgeSearchHit[]> {
    return this.suggestions.forInquiry(inquiry.id, first);
  }
}
