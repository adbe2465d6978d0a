import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { EvaluationPeriodKind, EvaluationStatus, Kpi } from './evaluation.enums';

@ObjectType('EvaluationResult', { description: 'How an agent did against one KPI standard.' })
export class EvaluationResult {
  @Field(() => Kpi)
  kpi: Kpi;

  @Field(() => Float)
  target: number;

  @Field(() => Int)
  weight: number;

  @Field(() => Float, { nullable: true, description: 'The period’s figure; none when nothing measured it (left out of the overall score).' })
  actual: number | null;

  @Field(() => Float, { nullable: true, description: 'Attainment of the target in percent (100 = on target, at most 120).' })
  score: number | null;

  @Field(() => Boolean, { nullable: true })
  met: boolean | null;
}

/**
 * An agent's periodic evaluation (T-5.4): the period's figures from analytics and the QA results,
 * scored against the standards of their role; the supervisor signs it off, the agent acknowledges
 * it. Personal data: masked and its reads recorded by the resolver.
 */
@ObjectType('AgentEvaluation', { description: 'An agent’s evaluation for a period against the KPI standards of their role.' })
@Entity('agent_evaluation')
@Index('agent_evaluation_key', ['agentUserId', 'periodKind', 'periodStart'], { unique: true })
export class Evaluation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'agent_user_id', type: 'text' })
  agentUserId: string;

  /** The agent's id on training's roster: the subject of the personal-data access log. */
  @Column({ name: 'staff_member_id', type: 'uuid' })
  staffMemberId: string;

  @Field(() => String)
  @Column({ type: 'text' })
  role: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  team: string | null;

  @Field(() => EvaluationPeriodKind)
  @Column({ name: 'period_kind', type: 'text' })
  periodKind: EvaluationPeriodKind;

  @Field()
  @Column({ name: 'period_start', type: 'timestamptz', precision: 3 })
  periodStart: Date;

  @Field()
  @Column({ name: 'period_end', type: 'timestamptz', precision: 3 })
  periodEnd: Date;

  @Field(() => EvaluationStatus)
  @Column({ type: 'text' })
  status: EvaluationStatus;

  @Column({ type: 'jsonb' })
  results: EvaluationResult[];

  @Column({ name: 'overall_score', type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  overallScore: number | null;

  @Field({ description: 'Excellent performance: flagged for recognition.' })
  @Column({ type: 'boolean' })
  excellent: boolean;

  @Field(() => Int, { description: 'Counted QA reviews in the period.' })
  @Column({ name: 'qa_reviews', type: 'integer' })
  qaReviews: number;

  @Column({ name: 'supervisor_comment', type: 'text', nullable: true })
  supervisorComment: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'signed_off_by', type: 'text', nullable: true })
  signedOffBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'signed_off_at', type: 'timestamptz', precision: 3, nullable: true })
  signedOffAt: Date | null;

  @Column({ name: 'agent_comment', type: 'text', nullable: true })
  agentComment: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'acknowledged_at', type: 'timestamptz', precision: 3, nullable: true })
  acknowledgedAt: Date | null;

  @Field({ description: 'When it was last prepared from the figures.' })
  @Column({ name: 'prepared_at', type: 'timestamptz', precision: 3 })
  preparedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
