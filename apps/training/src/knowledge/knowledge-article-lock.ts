import { BadUserInputError, isUuid, NotFoundError } from '@carebridge/domain';
import type { EntityManager } from 'typeorm';
import { KnowledgeArticle, KnowledgeCategory } from './knowledge-article.entity';

/** The article, locked for the rest of the transaction (two reviewers never publish the same working copy twice). */
export async function lockArticle(manager: EntityManager, id: string): Promise<KnowledgeArticle> {
  const article = isUuid(id) ? await manager.findOne(KnowledgeArticle, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!article) throw new NotFoundError('KnowledgeArticle', id);
  return article;
}

/** The category, checked to have the section. */
export async function categoryWithSection(manager: EntityManager, categoryId: string, section: string, field: string): Promise<KnowledgeCategory> {
  const category = await manager.findOneBy(KnowledgeCategory, { id: categoryId });
  if (!category) throw BadUserInputError.field(`${field}.categoryId`, 'exists', `no knowledge category with id "${categoryId}"`);
  if (!category.sections.includes(section)) {
    throw BadUserInputError.field(`${field}.section`, 'one-of', `must be one of the sections of "${category.name}": ${category.sections.join(', ')}`);
  }
  return category;
}
