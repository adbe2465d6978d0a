import { enumOf, type EnumValue } from '@carebridge/event-contracts';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { KnowledgeArticleReference } from '../references/knowledge-article.reference';

/** A cited article now: unchanged, changed since, or archived. */
export const CitationState = enumOf(['CURRENT', 'CHANGED', 'ARCHIVED']);
export type CitationState = EnumValue<typeof CitationState>;
registerEnumType(CitationState, {
  name: 'CitationState',
  description: 'CURRENT (the cited version is still live), CHANGED (a newer version is live), ARCHIVED (the article is out of use).',
});

/** What a reply recorded of an article it cited. */
export interface CitedArticleVersion {
  articleId: string;
  version: number;
  title: string;
}

@ObjectType('ArticleCitation', { description: 'A knowledge-base article a reply cited, with the version cited and how it stands now.' })
export class ArticleCitation {
  @Field(() => KnowledgeArticleReference, { description: 'The article (resolved by the training service).' })
  article: KnowledgeArticleReference;

  @Field(() => Int, { description: 'The version the reply cited.' })
  citedVersion: number;

  @Field({ description: 'Its title when cited.' })
  citedTitle: string;

  @Field(() => CitationState)
  state: CitationState;

  @Field(() => Int, { nullable: true, description: 'The live version now; null once archived.' })
  currentVersion: number | null;
}
