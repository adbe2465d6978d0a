import { isUuid, NotFoundError } from '@carebridge/domain';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import { KnowledgeArticle, KnowledgeArticleVersion, KnowledgeCategory } from './knowledge-article.entity';
import { ArticleKind, type ArticleLocale, ArticleStatus, ArticleVisibility } from './knowledge.enums';

export interface ArticleListFilter {
  status?: ArticleStatus | null;
  kind?: ArticleKind | null;
  locale?: ArticleLocale | null;
  categoryId?: string | null;
}

/** Reading articles, their versions and categories. */
export class ArticleQueries {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string): Promise<KnowledgeArticle | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(KnowledgeArticle).findOneBy({ id });
  }

  async get(id: string): Promise<KnowledgeArticle> {
    const found = await this.find(id);
    if (!found) throw new NotFoundError('KnowledgeArticle', id);
    return found;
  }

  /** Whether this is a procedure (T-5.3) that is not archived, read in the caller's transaction. */
  async isProcedure(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!isUuid(id)) return false;
    return manager.getRepository(KnowledgeArticle).existsBy({ id, kind: ArticleKind.PROCEDURE, status: Not(ArticleStatus.ARCHIVED) });
  }

  /** A public article that is live: all a customer app may read. */
  async getPublic(id: string): Promise<KnowledgeArticleVersion> {
    const article = await this.find(id);
    if (!article?.liveVersionId || article.status === ArticleStatus.ARCHIVED) throw new NotFoundError('KnowledgeArticle', id);
    const live = await this.liveVersion(article);
    if (!live || live.visibility !== ArticleVisibility.PUBLIC) throw new NotFoundError('KnowledgeArticle', id);
    return live;
  }

  /** The working copies trainers and supervisors work on, latest change first (at most 200). */
  list(filter: ArticleListFilter): Promise<KnowledgeArticle[]> {
    const where: Record<string, unknown> = {};
    for (const key of ['status', 'kind', 'locale', 'categoryId'] as const) if (filter[key]) where[key] = filter[key];
    return this.dataSource.getRepository(KnowledgeArticle).find({ where, order: { updatedAt: 'DESC' }, take: 200 });
  }

  /** Articles by id, in the order asked, the unknown left out. */
  async byIds(ids: readonly string[]): Promise<KnowledgeArticle[]> {
    const found = await this.dataSource.getRepository(KnowledgeArticle).findBy({ id: In(ids.filter(isUuid)) });
    const byId = new Map(found.map((article) => [article.id, article]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  liveVersion(article: KnowledgeArticle): Promise<KnowledgeArticleVersion | null> {
    if (!article.liveVersionId || article.status === ArticleStatus.ARCHIVED) return Promise.resolve(null);
    return this.dataSource.getRepository(KnowledgeArticleVersion).findOneBy({ id: article.liveVersionId });
  }

  /** The newest `first` published versions (all when not given). */
  versions(articleId: string, first?: number): Promise<KnowledgeArticleVersion[]> {
    return this.dataSource.getRepository(KnowledgeArticleVersion).find({ where: { articleId }, order: { number: 'DESC' }, take: first });
  }

  translations(article: KnowledgeArticle): Promise<KnowledgeArticle[]> {
    return this.dataSource
      .getRepository(KnowledgeArticle)
      .createQueryBuilder('a')
      .where('a.translation_group_id = :group AND a.id <> :id', { group: article.translationGroupId, id: article.id })
      .orderBy('a.locale')
      .getMany();
  }

  category(id: string): Promise<KnowledgeCategory | null> {
    return this.dataSource.getRepository(KnowledgeCategory).findOneBy({ id });
  }

  categories(): Promise<KnowledgeCategory[]> {
    return this.dataSource.getRepository(KnowledgeCategory).find({ order: { name: 'ASC' } });
  }
}
