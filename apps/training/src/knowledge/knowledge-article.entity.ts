import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ArticleKind, ArticleLocale, ArticleStatus, ArticleVisibility, LANGUAGE_TAG } from './knowledge.enums';

/** A category of the knowledge base and its sections (T-5.2). */
@ObjectType('KnowledgeCategory', { description: 'A category of the knowledge base, divided into sections.' })
@Entity('knowledge_category')
export class KnowledgeCategory {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Short stable name used in filters, e.g. "baggage".' })
  @Column({ type: 'text', unique: true })
  slug: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => [String], { description: 'The sections articles of this category are filed under.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sections: string[];

  @Field(() => [String], { description: 'The inquiry categories (e.g. BAGGAGE) whose inquiries this category answers: suggestions favour its articles.' })
  @Column({ name: 'inquiry_categories', type: 'text', array: true, default: () => "'{}'" })
  inquiryCategories: string[];
}

/**
 * A knowledge-base article. Its columns hold the working copy (what the trainer edits and the
 * supervisor reviews); what agents and customers read is the live version, an immutable
 * `KnowledgeArticleVersion`, which stays live while an edit is drafted and reviewed.
 */
@Directive('@key(fields: "id")')
@ObjectType('KnowledgeArticle', { description: 'A knowledge-base article (T-5.2): policy, FAQ, procedure… with its versions.' })
@Entity('knowledge_article')
@Index('knowledge_article_scheduled_idx', ['publishAt'], { where: `status = 'APPROVED'` })
export class KnowledgeArticle {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ArticleKind)
  @Column({ type: 'enum', enum: ArticleKind, enumName: 'knowledge_article_kind' })
  kind: ArticleKind;

  @Field(() => ArticleStatus)
  @Column({ type: 'enum', enum: ArticleStatus, enumName: 'knowledge_article_status' })
  status: ArticleStatus;

  @Field(() => ArticleLocale)
  @Column({ type: 'enum', enum: ArticleLocale, enumName: 'knowledge_article_locale' })
  locale: ArticleLocale;

  @Field({ description: 'The BCP 47 language tag: zh-CN or en.' })
  get languageTag(): string {
    return LANGUAGE_TAG[this.locale];
  }

  @Field(() => ArticleVisibility)
  @Column({ type: 'enum', enum: ArticleVisibility, enumName: 'knowledge_article_visibility' })
  visibility: ArticleVisibility;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Field({ description: 'The section of its category it is filed under.' })
  @Column({ type: 'text' })
  section: string;

  @Field({ description: 'The working copy: the title.' })
  @Column({ type: 'text' })
  title: string;

  @Field({ description: 'The working copy: the text (plain text, paragraphs separated by blank lines).' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Field(() => String, { nullable: true, description: 'Who answers for a procedure (T-5.3): a user id; null for other kinds.' })
  @Column({ name: 'owner_id', type: 'text', nullable: true })
  ownerId: string | null;

  @Field(() => ID, { description: 'Articles that are translations of each other share this id.' })
  @Column({ name: 'translation_group_id', type: 'uuid' })
  translationGroupId: string;

  @Column({ name: 'live_version_id', type: 'uuid', nullable: true })
  liveVersionId: string | null;

  @Column({ name: 'live_version', type: 'int', default: 0 })
  liveVersion: number;

  @Field(() => Int, { description: 'The number of the live version; 0 before the first publication.' })
  get liveVersionNumber(): number {
    return this.liveVersion;
  }

  @Field(() => Int, { description: 'The number of versions published so far.' })
  @Column({ name: 'version_count', type: 'int', default: 0 })
  versionCount: number;

  @Field(() => String, { nullable: true, description: 'Who sent the working copy to review.' })
  @Column({ name: 'submitted_by', type: 'text', nullable: true })
  submittedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Who approved the working copy.' })
  @Column({ name: 'approved_by', type: 'text', nullable: true })
  approvedBy: string | null;

  @Field(() => String, { nullable: true, description: "The reviewer's reason when the working copy was sent back." })
  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @Field(() => Date, { nullable: true, description: 'When an approved working copy is to go live (scheduled publishing).' })
  @Column({ name: 'publish_at', type: 'timestamptz', precision: 3, nullable: true })
  publishAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The solved case (INQUIRY:<id>) the article was drafted from.' })
  @Column({ name: 'drafted_from_case', type: 'text', nullable: true })
  draftedFromCase: string | null;

  @Field()
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field({ description: 'Who last changed the working copy.' })
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'archived_at', type: 'timestamptz', precision: 3, nullable: true })
  archivedAt: Date | null;
}

/** One publication of an article: immutable, numbered from 1. */
@ObjectType('KnowledgeArticleVersion', { description: 'A published version of an article; never changes.' })
@Entity('knowledge_article_version')
@Index('knowledge_article_version_number_key', ['articleId', 'number'], { unique: true })
export class KnowledgeArticleVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  number: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field(() => [String])
  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Field({ description: 'The section it was filed under.' })
  @Column({ type: 'text' })
  section: string;

  @Field(() => ArticleVisibility)
  @Column({ type: 'enum', enum: ArticleVisibility, enumName: 'knowledge_article_visibility' })
  visibility: ArticleVisibility;

  @Field(() => String, { nullable: true, description: 'The owner of a procedure when this version went live.' })
  @Column({ name: 'owner_id', type: 'text', nullable: true })
  ownerId: string | null;

  @Field(() => Int, { nullable: true, description: 'The version whose text this one restored.' })
  @Column({ name: 'restored_from', type: 'int', nullable: true })
  restoredFrom: number | null;

  @Field({ description: 'Who wrote the text that went live (sent it to review).' })
  @Column({ name: 'written_by', type: 'text' })
  writtenBy: string;

  @Field({ description: 'Who approved it.' })
  @Column({ name: 'approved_by', type: 'text' })
  approvedBy: string;

  @Field()
  @Column({ name: 'published_at', type: 'timestamptz', precision: 3 })
  publishedAt: Date;
}
