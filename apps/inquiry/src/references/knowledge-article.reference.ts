import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A knowledge-base article (T-5.2), owned by the training service. The inquiry service keeps only
 * the ids a reply cites; the other fields resolve once the training service joins the graph.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('KnowledgeArticle')
export class KnowledgeArticleReference {
  @Field(() => ID)
  id: string;
}
