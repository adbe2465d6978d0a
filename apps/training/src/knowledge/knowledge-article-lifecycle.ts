import { ConflictError } from '@carebridge/domain';
import type { KnowledgeArticle } from './knowledge-article.entity';
import { ArticleStatus } from './knowledge.enums';

const { DRAFT, IN_REVIEW, APPROVED, PUBLISHED, ARCHIVED } = ArticleStatus;

/** The workflow of an article's working copy (T-5.2): which status may follow which. */
export const NEXT_STATUSES: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  [DRAFT]: [DRAFT, IN_REVIEW, ARCHIVED],
  [IN_REVIEW]: [DRAFT, APPROVED, PUBLISHED, ARCHIVED],
  [APPROVED]: [DRAFT, PUBLISHED, ARCHIVED],
  [PUBLISHED]: [DRAFT, PUBLISHED, ARCHIVED],
  [ARCHIVED]: [],
};

/** An action on an article: the statuses it may start from and where it leads. */
export interface ArticleStep {
  name: string;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
}

export const STEPS = {
  // Editing a published (or approved, not yet live) article starts a new draft; the live version stays live.
  edit: { name: 'edited', from: [DRAFT, APPROVED, PUBLISHED], to: DRAFT },
  submit: { name: 'sent to review', from: [DRAFT], to: IN_REVIEW },
  sendBack: { name: 'sent back', from: [IN_REVIEW], to: DRAFT },
  approve: { name: 'approved', from: [IN_REVIEW], to: APPROVED },
  publish: { name: 'published', from: [IN_REVIEW, APPROVED], to: PUBLISHED },
  restore: { name: 'restored', from: [PUBLISHED], to: PUBLISHED },
  archive: { name: 'archived', from: [DRAFT, IN_REVIEW, APPROVED, PUBLISHED], to: ARCHIVED },
} satisfies Record<string, ArticleStep>;

export function ensureStepAllowed(article: KnowledgeArticle, step: ArticleStep): void {
  if (!step.from.includes(article.status)) {
    throw new ConflictError(`An article that is ${article.status} cannot be ${step.name}`, { currentStatus: article.status, allowedNext: NEXT_STATUSES[article.status] });
  }
}
