import { BadUserInputError } from '@carebridge/domain';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { type ArticleCitation, type CitedArticleVersion, CitationState } from './citation.types';
import { PublishedKnowledgeArticle } from './published-article.entity';

/** Citations of knowledge-base articles in replies: checked against what training published, shown as they stand now. */
export class ArticleCitations {
  constructor(private readonly dataSource: DataSource) {}

  /** The live version of each cited article; BAD_USER_INPUT naming those that are unknown or archived. */
  static async check(manager: EntityManager, articleIds: readonly string[]): Promise<CitedArticleVersion[]> {
    if (!articleIds.length) return [];
    const known = await manager.findBy(PublishedKnowledgeArticle, { articleId: In([...articleIds]) });
    const byId = new Map(known.map((article) => [article.articleId, article]));
    const unknown = articleIds.filter((id) => !byId.has(id));
    if (unknown.length) throw BadUserInputError.field('input.citedArticleIds', 'published', `must be published knowledge-base articles; not published: ${unknown.join(', ')}`);
    const archived = articleIds.filter((id) => byId.get(id)?.archivedAt);
    if (archived.length) throw BadUserInputError.field('input.citedArticleIds', 'not-archived', `must not be archived articles: ${archived.join(', ')}`);
    return articleIds.map((id) => {
      const article = byId.get(id) as PublishedKnowledgeArticle;
      return { articleId: id, version: article.version, title: article.title };
    });
  }

  /** How each citation stands now: the cited version still live, a newer one live, or archived. */
  async standing(cited: readonly CitedArticleVersion[]): Promise<ArticleCitation[]> {
    if (!cited.length) return [];
    const now = await this.dataSource.getRepository(PublishedKnowledgeArticle).findBy({ articleId: In(cited.map((c) => c.articleId)) });
    const byId = new Map(now.map((article) => [article.articleId, article]));
    return cited.map((citation) => {
      const current = byId.get(citation.articleId);
      const state = !current || current.archivedAt ? CitationState.ARCHIVED : current.version === citation.version ? CitationState.CURRENT : CitationState.CHANGED;
      return {
        article: { id: citation.articleId },
        citedVersion: citation.version,
        citedTitle: citation.title,
        state,
        currentVersion: state === CitationState.ARCHIVED ? null : (current?.version ?? null),
      };
    });
  }
}
