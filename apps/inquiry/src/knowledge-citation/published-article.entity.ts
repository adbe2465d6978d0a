import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What inquiry knows of a knowledge-base article, from training's `knowledge_article.published`
 * and `.archived`: its live version, so that a reply cites only what exists and records which
 * version it cited.
 */
@Entity('published_knowledge_article')
export class PublishedKnowledgeArticle {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3 })
  publishedAt: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', precision: 3, nullable: true })
  archivedAt: Date | null;
}
