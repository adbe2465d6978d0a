import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CalibrationStatus, ReviewedCaseKind } from './quality.enums';

/** Several reviewers score the same case to align how they apply the scorecard; their spread is shown, nothing counts toward the agent. */
@ObjectType('CalibrationSession', { description: 'A calibration: several reviewers score the same case; their spread shows how aligned they are.' })
@Entity('qa_calibration_session')
export class CalibrationSession {
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

  @Field()
  @Column({ name: 'agent_user_id', type: 'text' })
  agentUserId: string;

  @Field()
  @Column({ name: 'facilitator_user_id', type: 'text' })
  facilitatorUserId: string;

  @Field(() => CalibrationStatus)
  @Column({ type: 'text' })
  status: CalibrationStatus;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;
}
