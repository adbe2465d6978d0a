import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An agent's rating of a procedure from working with it. */
@ObjectType('ProcedureFeedback', { description: 'An agent’s rating (1–5) and comment on a procedure.' })
@Entity('procedure_feedback')
@Index('procedure_feedback_article_idx', ['articleId', 'givenAt'])
export class ProcedureFeedback {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The procedure: a knowledge article of kind PROCEDURE.' })
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  /** Who gave it; null once they were erased (the rating stays for the procedure's figures). */
  @Column({ name: 'agent_user_id', type: 'text', nullable: true })
  agentUserId: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  rating: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field()
  @Column({ name: 'given_at', type: 'timestamptz', precision: 3 })
  givenAt: Date;
}
