import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** “Was this helpful?” from one reader on one version; a later vote by the same reader replaces it. */
@ObjectType('ArticleFeedback', { description: 'A reader’s answer to “was this helpful?” on a version of an article.' })
@Entity('knowledge_article_feedback')
@Index('knowledge_article_feedback_reader_key', ['articleId', 'version', 'givenBy'], { unique: true })
export class ArticleFeedback {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  version: number;

  @Field()
  @Column({ type: 'boolean' })
  helpful: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'given_by', type: 'text' })
  givenBy: string;

  @Field()
  @Column({ name: 'given_at', type: 'timestamptz', precision: 3 })
  givenAt: Date;
}
