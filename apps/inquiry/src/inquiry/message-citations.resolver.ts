import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ArticleCitations } from '../knowledge-citation/article-citations';
import { ArticleCitation } from '../knowledge-citation/citation.types';
import { InquiryMessage } from './inquiry.entity';

@Resolver(() => InquiryMessage)
export class MessageCitationsResolver {
  constructor(private readonly articleCitations: ArticleCitations) {}

  @Authorized()
  @FieldResolver(() => [ArticleCitation], { description: 'The articles the reply cited, each with the version cited and whether it has changed or been archived since.' })
  citations(@Root() message: InquiryMessage): Promise<ArticleCitation[]> {
    return this.articleCitations.standing(message.citedArticleVersions ?? []);
  }
}
