import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { ArticleLocale } from '../knowledge/knowledge.enums';

@ObjectType('UnansweredSearch', { description: 'A search that found nothing: what readers look for and the knowledge base lacks.' })
export class UnansweredSearch {
  @Field({ description: 'The search, lower case, personal data removed.' })
  query: string;

  @Field(() => ArticleLocale, { nullable: true, description: 'The locale it was restricted to, if any.' })
  locale: ArticleLocale | null;

  @Field(() => Int)
  searches: number;

  @Field()
  lastSearchedAt: Date;
}

@ObjectType('UnhelpfulArticle', { description: 'A live article readers voted unhelpful, with their reasons.' })
export class UnhelpfulArticle {
  @Field(() => ID)
  articleId: string;

  @Field()
  title: string;

  @Field(() => Int, { description: 'The live version the votes are about.' })
  version: number;

  @Field(() => Int)
  unhelpful: number;

  @Field(() => Int)
  helpful: number;

  @Field(() => [String], { description: 'The latest reasons, newest first (at most 10).' })
  reasons: string[];
}

@ObjectType('KnowledgeContentGaps', { description: 'Where the knowledge base falls short (T-5.2): searches without result and articles voted unhelpful.' })
export class KnowledgeContentGaps {
  @Field(() => [UnansweredSearch])
  unansweredSearches: UnansweredSearch[];

  @Field(() => [UnhelpfulArticle])
  unhelpfulArticles: UnhelpfulArticle[];
}

/** The content gap list: the most frequent searches without result, and the live versions voted unhelpful most. */
export class ContentGaps {
  constructor(private readonly dataSource: DataSource) {}

  async list(limit = 50): Promise<KnowledgeContentGaps> {
    const unansweredSearches = await this.dataSource.query(
      `SELECT query, locale, searches, last_searched_at AS "lastSearchedAt" FROM knowledge_search_miss ORDER BY searches DESC, last_searched_at DESC LIMIT $1`,
      [limit],
    );
    const unhelpfulArticles = await this.dataSource.query(
      `SELECT d.article_id AS "articleId", d.title, d.version,
              count(*) FILTER (WHERE NOT f.helpful)::int AS unhelpful,
              count(*) FILTER (WHERE f.helpful)::int AS helpful,
              (array_remove(array_agg(f.reason ORDER BY f.given_at DESC) FILTER (WHERE NOT f.helpful), NULL))[1:10] AS reasons
         FROM knowledge_search_document d
         JOIN knowledge_article_feedback f ON f.article_id = d.article_id AND f.version = d.version
        GROUP BY d.article_id, d.title, d.version
       HAVING count(*) FILTER (WHERE NOT f.helpful) > 0
        ORDER BY unhelpful DESC, helpful ASC, d.title
        LIMIT $1`,
      [limit],
    );
    return {
      unansweredSearches: unansweredSearches.map((row: any) => ({ ...row, searches: Number(row.searches) })),
      unhelpfulArticles,
    };
  }
}
