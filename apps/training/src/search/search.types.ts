import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ArticleKind, ArticleLocale, ArticleVisibility } from '../knowledge/knowledge.enums';

@ObjectType('KnowledgeSearchHit', { description: 'A live article found by a search, with its live version’s title and a highlighted snippet.' })
export class KnowledgeSearchHit {
  @Field(() => ID)
  articleId: string;

  @Field(() => Int, { description: 'The live version found.' })
  version: number;

  @Field()
  title: string;

  @Field({ description: 'The title, HTML-escaped, the matched words in <mark>.' })
  titleHighlighted: string;

  @Field({ description: 'About 160 characters of the text around the first match, HTML-escaped, the matched words in <mark>.' })
  snippet: string;

  @Field(() => ArticleKind)
  kind: ArticleKind;

  @Field(() => ArticleLocale)
  locale: ArticleLocale;

  @Field(() => ArticleVisibility)
  visibility: ArticleVisibility;

  @Field(() => ID)
  categoryId: string;

  @Field(() => [String])
  tags: string[];

  @Field(() => Float, { description: 'Relevance: higher is better; comparable within one search only.' })
  score: number;
}

@ObjectType('SpellingCorrection', { description: 'A searched word no article uses, and the similar word searched for instead.' })
export class SpellingCorrection {
  @Field()
  searched: string;

  @Field()
  correctedTo: string;
}

@ObjectType('KnowledgeSearchResult')
export class KnowledgeSearchResult {
  @Field(() => Int, { description: 'How many live articles match, counted up to 1,000.' })
  total: number;

  @Field({ description: 'True when more than 1,000 articles match: `total` then says 1,000.' })
  totalCapped: boolean;

  @Field(() => [KnowledgeSearchHit], { description: 'The page asked for, best first.' })
  hits: KnowledgeSearchHit[];

  @Field(() => [SpellingCorrection])
  corrections: SpellingCorrection[];
}
