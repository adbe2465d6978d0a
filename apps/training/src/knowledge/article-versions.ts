import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { diffLines, diffWords } from 'diff';
import type { DataSource } from 'typeorm';
import type { ArticlePublication } from './article-publication';
import { KnowledgeArticle, KnowledgeArticleVersion } from './knowledge-article.entity';
import { ensureStepAllowed, STEPS } from './knowledge-article-lifecycle';
import { lockArticle } from './knowledge-article-lock';

/** One piece of a comparison: text both versions have, or only the newer (ADDED) or only the older (REMOVED). */
export interface VersionChange {
  change: 'SAME' | 'ADDED' | 'REMOVED';
  text: string;
}

export interface VersionComparison {
  articleId: string;
  from: number;
  to: number;
  title: VersionChange[];
  body: VersionChange[];
  tagsAdded: string[];
  tagsRemoved: string[];
}

/** Comparing any two versions of an article, and restoring an old one as a new version. */
export class ArticleVersions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publication: ArticlePublication,
    private readonly clock: Clock,
  ) {}

  async version(articleId: string, number: number): Promise<KnowledgeArticleVersion> {
    const found = await this.dataSource.getRepository(KnowledgeArticleVersion).findOneBy({ articleId, number });
    if (!found) throw BadUserInputError.field('version', 'exists', `the article has no version ${number}`);
    return found;
  }

  /** Title by words, body by lines (a line's changes by words when only one line was changed into another). */
  async compare(articleId: string, from: number, to: number): Promise<VersionComparison> {
    const [older, newer] = await Promise.all([this.version(articleId, from), this.version(articleId, to)]);
    return {
      articleId,
      from,
      to,
      title: diffWords(older.title, newer.title).map(toChange),
      body: diffBody(older.body, newer.body),
      tagsAdded: newer.tags.filter((tag) => !older.tags.includes(tag)),
      tagsRemoved: older.tags.filter((tag) => !newer.tags.includes(tag)),
    };
  }

  /** The old version's text goes live again as a new version; the versions between stay on record. */
  async restore(articleId: string, number: number, by: Identity): Promise<KnowledgeArticle> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const article = await lockArticle(manager, articleId);
      ensureStepAllowed(article, STEPS.restore);
      const old = await manager.findOneBy(KnowledgeArticleVersion, { articleId, number });
      if (!old) throw BadUserInputError.field('input.version', 'exists', `the article has no version ${number}`);
      if (number === article.liveVersion) throw BadUserInputError.field('input.version', 'not-live', `version ${number} is the live version already`);
      const restored = { title: old.title, body: old.body, tags: old.tags, categoryId: old.categoryId, section: old.section, visibility: old.visibility, ownerId: old.ownerId };
      await manager.update(KnowledgeArticle, { id: article.id }, { ...restored, submittedBy: old.writtenBy, updatedBy: by.userId, updatedAt: now });
      return this.publication.publish(manager, { ...article, ...restored, submittedBy: old.writtenBy } as KnowledgeArticle, by.userId, now, number);
    });
  }
}

function toChange(part: { added?: boolean; removed?: boolean; value: string }): VersionChange {
  return { change: part.added ? 'ADDED' : part.removed ? 'REMOVED' : 'SAME', text: part.value };
}

function diffBody(older: string, newer: string): VersionChange[] {
  // Every line ends in a newline, so that the last line compares like the others.
  const parts = diffLines(withFinalNewline(older), withFinalNewline(newer));
  const changes: VersionChange[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    // A changed line reads better as the words that changed in it.
    if (part.removed && next?.added && part.count === 1 && next.count === 1) {
      changes.push(...diffWords(part.value, next.value).map(toChange));
      i++;
    } else {
      changes.push(toChange(part));
    }
  }
  return changes;
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
