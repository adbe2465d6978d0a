import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { FollowUpKind, FollowUpOutcome, FollowUpReason, FollowUpStatus } from './follow-up.enums';

/** A scheduled call, visit or e-mail to a customer (T-2.1, A-3.4.2): due date, owner, and what came of it. */
@ObjectType({ description: 'A follow-up call, visit or e-mail to a customer.' })
@Entity('follow_up')
@Index('follow_up_customer_idx', ['customerId', 'dueAt', 'id'])
export class FollowUp {
  @Field(() => ID, { description: 'The follow-up.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The customer to contact.' })
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => FollowUpKind, { description: 'How the customer is to be contacted.' })
  @Column({ type: 'enum', enum: FollowUpKind, enumName: 'follow_up_kind' })
  kind: FollowUpKind;

  @Field(() => FollowUpReason, { description: 'Why the follow-up exists: scheduled by hand, after a closed complaint, from a care contact or a recurring plan.' })
  @Column({ type: 'enum', enum: FollowUpReason, enumName: 'follow_up_reason' })
  reason: FollowUpReason;

  @Field(() => FollowUpStatus, { description: 'Scheduled (still to do), completed or cancelled.' })
  @Column({ type: 'enum', enum: FollowUpStatus, enumName: 'follow_up_status', default: FollowUpStatus.SCHEDULED })
  status: FollowUpStatus;

  @Field({ description: 'When the customer is to be contacted.' })
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

  @Field(() => FollowUpOutcome, { nullable: true, description: 'What came of the contact; set when it is completed.' })
  @Column({ type: 'enum', enum: FollowUpOutcome, enumName: 'follow_up_outcome', nullable: true })
  outcome: FollowUpOutcome | null;

  @Field(() => Int, { nullable: true, description: 'Satisfaction the customer expressed, 1 to 5.' })
  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true })
  satisfactionScore: number | null;

  @Field(() => String, { nullable: true, description: 'New needs the customer mentioned (T-2.1).' })
  @Column({ name: 'new_needs', type: 'text', nullable: true })
  newNeeds: string | null;

  @Field(() => String, { nullable: true, description: 'What was said; set when it is completed.' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true, description: 'User id of who completed it.' })
  @Column({ name: 'completed_by', type: 'text', nullable: true })
  completedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was completed.' })
  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Field({ description: 'User id of who scheduled it, or the service that did.' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field({ description: 'When it was scheduled.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

/** A recurring follow-up schedule for a key customer: every N days, one follow-up at a time on the owner's list. */
@ObjectType({ description: 'A recurring follow-up schedule for a key customer (A-3.4.2).' })
@Entity('follow_up_plan')
export class FollowUpPlan {
  @Field(() => ID, { description: 'The plan.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The customer followed up.' })
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => FollowUpKind, { description: 'How each follow-up of the plan contacts the customer.' })
  @Column({ type: 'enum', enum: FollowUpKind, enumName: 'follow_up_kind' })
  kind: FollowUpKind;

  @Field(() => Int, { description: 'Days between two follow-ups of the plan.' })
  @Column({ name: 'every_days', type: 'integer' })
  everyDays: number;

  @Field(() => String, { nullable: true, description: 'User id of who does the follow-ups.' })
  @Column({ name: 'owner_id', type: 'text', nullable: true })
  ownerId: string | null;

  @Field(() => String, { nullable: true, description: 'What the follow-ups are about.' })
  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Field({ description: 'When the next follow-up of the plan is due.' })
  @Column({ name: 'next_due_at', type: 'timestamptz', precision: 3 })
  nextDueAt: Date;

  @Field({ description: 'False once the plan is stopped: it schedules no more follow-ups.' })
  @Column({ default: true })
  active: boolean;

  @Field({ description: 'User id of who set up the plan.' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field({ description: 'When the plan was set up.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

@ObjectType({ description: "How many of an owner's follow-ups are past due." })
export class OverdueFollowUps {
  @Field(() => String, { nullable: true, description: 'User id; null for follow-ups nobody owns.' })
  ownerId: string | null;

  @Field(() => Int, { description: 'Follow-ups of this owner past their due time and not done.' })
  overdue: number;

  @Field({ description: 'When the longest-waiting of them was due.' })
  oldestDueAt: Date;
}
