import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { enumOf, type EnumValue } from '@carebridge/event-contracts';
import { ArticleLocale } from '../knowledge/knowledge.enums';

/** Terms a search treats as one: a search for any of them finds articles with any other (query expansion). */
@ObjectType('KnowledgeSynonymGroup', { description: 'Terms of one language that knowledge search treats as the same (luggage, baggage).' })
@Entity('knowledge_synonym_group')
export class KnowledgeSynonymGroup {
  @Field(() => ID, { description: 'The synonym group, as given to saveKnowledgeSynonyms and removeKnowledgeSynonyms.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ArticleLocale, { description: 'The language of the terms; the group applies only to searches in that language.' })
  @Column({ type: 'enum', enum: ArticleLocale, enumName: 'knowledge_article_locale' })
  locale: ArticleLocale;

  @Field(() => [String], { description: 'The terms, lower case: single words or short phrases (hand luggage), Chinese in Han characters.' })
  @Column({ type: 'text', array: true })
  terms: string[];

  @Field({ description: 'The user id of the trainer who created the group.' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field({ description: 'When the group was created.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field({ description: 'The user id of the trainer who last changed the terms (the creator until then).' })
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field({ description: 'When the terms were last changed (the creation time until then).' })
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

export const SynonymChangeKind = enumOf(['CREATED', 'CHANGED', 'REMOVED']);
export type SynonymChangeKind = EnumValue<typeof SynonymChangeKind>;
registerEnumType(SynonymChangeKind, { name: 'KnowledgeSynonymChangeKind', description: 'A synonym group CREATED, CHANGED or REMOVED.' });

/** A change of the synonym list, on record: who changed which group, from what to what. */
@ObjectType('KnowledgeSynonymChange', { description: 'A change of the synonym list, as audited.' })
@Entity('knowledge_synonym_change')
export class KnowledgeSynonymChange {
  @Field(() => ID, { description: 'The id of this audit record.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The synonym group changed; it may since have been removed.' })
  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Field(() => ArticleLocale, { description: 'The language of the group changed.' })
  @Column({ type: 'enum', enum: ArticleLocale, enumName: 'knowledge_article_locale' })
  locale: ArticleLocale;

  @Field(() => SynonymChangeKind, { description: 'Whether the group was created, changed or removed.' })
  @Column({ type: 'text' })
  change: SynonymChangeKind;

  @Field(() => [String], { nullable: true, description: 'The terms before the change (none when created).' })
  @Column({ name: 'terms_before', type: 'text', array: true, nullable: true })
  termsBefore: string[] | null;

  @Field(() => [String], { nullable: true, description: 'The terms after the change (none when removed).' })
  @Column({ name: 'terms_after', type: 'text', array: true, nullable: true })
  termsAfter: string[] | null;

  @Field({ description: 'The user id of the trainer who made the change.' })
  @Column({ name: 'changed_by', type: 'text' })
  changedBy: string;

  @Field({ description: 'When the change was made.' })
  @Column({ name: 'changed_at', type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
