import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { FollowUpKind, FollowUpOutcome, FollowUpReason, FollowUpStatus } from './follow-up.enums';

/** A scheduled call, visit or e-mail to a customer (T-2.1, A-3.4.2): due date, owner, and what came of it. */
@ObjectType({ description: 'A follow-up call, visit or e-mail to a customer.' })
@Entity('follow_up')
@Index('follow_up_customer_idx', ['customerId', 'dueAt', 'id'])
export class FollowUp {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => FollowUpKind)
  @Column({ type: 'enum', enum: FollowUpKind, enumName: 'follow_up_kind' })
  kind: FollowUpKind;

  @Field(() => FollowUpReason)
  @Column({ type: 'enum', enum: FollowUpReason, enumName: 'follow_up_reason' })
  reason: FollowUpReason;

  @Field(() => FollowUpStatus)
  @Column({ type: 'enum', enum: FollowUpStatus, enumName: 'follow_up_status', default: FollowUpStatus.SCHEDULED })
  status: FollowUpStatus;

  @Field()
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Field(() => String, { nullable: true, description: 'User id of who is to do it.' })
  @Column({ name: 'owner_id', type: 'text', nullable: true })
  ownerId: string | null;

  @Field(() => String, { nullable: true, description: 'What to talk about.' })
  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Field(() => ID, { nullable: true, description: 'The closed complaint it follows (reason COMPLAINT_CLOSED).' })
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId: string | null;

  @Field(() => ID, { nullable: true, description: "The after-sales care contact it comes from (reason CARE_REMINDER); one follow-up per care contact." })
  @Column({ name: 'care_contact_id', type: 'uuid', nullable: true })
  careContactId: string | null;

  @Field(() => ID, { nullable: true, description: 'The recurring plan it belongs to (reason RECURRING).' })
  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;

  @Field(() => FollowUpOutcome, { nullable: true })
  @Column({ type: 'enum', enum: FollowUpOutcome, enumName: 'follow_up_outcome', nullable: true })
  outcome: FollowUpOutcome | null;

  @Field(() => Int, { nullable: true, description: 'Satisfaction the customer expressed, 1 to 5.' })
  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true })
  satisfactionScore: number | null;

  @Field(() => String, { nullable: true, description: 'New needs the customer mentioned (T-2.1).' })
  @Column({ name: 'new_needs', type: 'text', nullable: true })
  newNeeds: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'completed_by', type: 'text', nullable: true })
  completedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Field()
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

/** A recurring follow-up schedule for a key customer: every N days, one follow-up at a time on the owner's list. */
@ObjectType({ description: 'A recurring follow-up schedule for a key customer (A-3.4.2).' })
@Entity('follow_up_plan')
export class FollowUpPlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => FollowUpKind)
  @Column({ type: 'enum', enum: FollowUpKind, enumName: 'follow_up_kind' })
  kind: FollowUpKind;

  @Field(() => Int)
  @Column({ name: 'every_days', type: 'integer' })
  everyDays: number;

  @Field(() => String, { nullable: true })
  @Column({ name: 'owner_id', type: 'text', nullable: true })
  ownerId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Field({ description: 'When the next follow-up of the plan is due.' })
  @Column({ name: 'next_due_at', type: 'timestamptz', precision: 3 })
  nextDueAt: Date;

  @Field()
  @Column({ default: true })
  active: boolean;

  @Field()
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

@ObjectType({ description: "How many of an owner's follow-ups are past due." })
export class OverdueFollowUps {
  @Field(() => String, { nullable: true, description: 'User id; null for follow-ups nobody owns.' })
  ownerId: string | null;

  @Field(() => Int)
  overdue: number;

  @Field()
  oldestDueAt: Date;
}
