import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A knowledge-base article (T-5.2), owned by the training service, which resolves its fields. The
 * inquiry service keeps the ids and versions a reply cites (knowledge-citation/).
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('KnowledgeArticle')
export class KnowledgeArticleReference {
  @Field(() => ID)
  id: string;
}
