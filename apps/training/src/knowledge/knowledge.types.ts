import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArticleKind, ArticleLocale } from './knowledge.enums';

export const VersionChangeKind = { SAME: 'SAME', ADDED: 'ADDED', REMOVED: 'REMOVED' } as const;
export type VersionChangeKind = (typeof VersionChangeKind)[keyof typeof VersionChangeKind];
registerEnumType(VersionChangeKind, { name: 'VersionChangeKind', description: 'SAME in both versions, ADDED in the newer, REMOVED from the older.' });

@ObjectType('VersionChange', { description: 'A run of text of a comparison.' })
export class VersionChange {
  @Field(() => VersionChangeKind)
  change: VersionChangeKind;

  @Field()
  text: string;
}

@ObjectType('KnowledgeArticleComparison', { description: 'Two versions of an article compared: the title by words, the text by lines (a changed line by words).' })
export class KnowledgeArticleComparison {
  @Field(() => ID)
  articleId: string;

  @Field(() => Int)
  from: number;

  @Field(() => Int)
  to: number;

  @Field(() => [VersionChange])
  title: VersionChange[];

  @Field(() => [VersionChange])
  body: VersionChange[];

  @Field(() => [String])
  tagsAdded: string[];

  @Field(() => [String])
  tagsRemoved: string[];
}

@ObjectType('PublicKnowledgeArticle', { description: 'A public article as the customer apps read it: its live version only.' })
export class PublicKnowledgeArticle {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ArticleKind)
  kind: ArticleKind;

  @Field(() => ArticleLocale)
  locale: ArticleLocale;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => [String])
  tags: string[];

  @Field()
  publishedAt: Date;
}
