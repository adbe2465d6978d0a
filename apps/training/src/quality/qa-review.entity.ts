import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReviewedCaseKind } from './quality.enums';

@ObjectType('QaCategoryScore', { description: 'The score (0–100) a review gave one category.' })
export class CategoryScore {
  @Field()
  category: string;

  @Field(() => Float)
  score: number;
}

/**
 * A reviewer's score of an agent's inquiry or complaint against a scorecard. A review in a
 * calibration session does not count toward the agent's QA results.
 */
@ObjectType('QaReview', { description: 'A QA review: an agent’s case scored against a scorecard.' })
@Entity('qa_review')
@Index('qa_review_agent_idx', ['agentUserId', 'completedAt'])
@Index('qa_review_counted_case_key', ['caseKind', 'caseId'], { unique: true, where: 'counts_toward_agent' })
@Index('qa_review_calibration_key', ['calibrationSessionId', 'reviewerUserId'], { unique: true, where: 'calibration_session_id IS NOT NULL' })
export class QaReview {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'scorecard_id', type: 'uuid' })
  scorecardId: string;

  @Field(() => ReviewedCaseKind)
  @Column({ name: 'case_kind', type: 'text' })
  caseKind: ReviewedCaseKind;

  @Field(() => ID)
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Field({ description: 'The user id of the agent whose work was reviewed.' })
  @Column({ name: 'agent_user_id', type: 'text' })
  agentUserId: string;

  @Field()
  @Column({ name: 'reviewer_user_id', type: 'text' })
  reviewerUserId: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'calibration_session_id', type: 'uuid', nullable: true })
  calibrationSessionId: string | null;

  @Field({ description: 'False for calibration reviews: they never count toward the agent’s QA results.' })
  @Column({ name: 'counts_toward_agent', type: 'boolean' })
  countsTowardAgent: boolean;

  @Field(() => [CategoryScore])
  @Column({ type: 'jsonb' })
  scores: CategoryScore[];

  @Field(() => [String], { description: 'The auto-fail items found (any makes the score 0).' })
  @Column({ name: 'auto_failed', type: 'text', array: true })
  autoFailed: string[];

  @Field(() => Float, { description: 'The weighted score, 0–100; 0 when an auto-fail item was found.' })
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  score: number;

  /** The reviewer's words to the agent (shown by the resolver to the agent and to reviewers). */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field()
  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3 })
  completedAt: Date;
}
