import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Urgency } from '../urgency/urgency.enums';

/** How soon the customer gets feedback, per urgency; admins edit it. */
@ObjectType('ComplaintDeadlinePolicy')
@Entity('complaint_deadline_policy')
export class DeadlinePolicy {
  @Field(() => Urgency)
  @PrimaryColumn({ type: 'enum', enum: Urgency, enumName: 'urgency' })
  urgency: Urgency;

  /** null: the service default (COMPLAINT_FEEDBACK_TARGET_HOURS). */
  @Column({ name: 'feedback_target_minutes', type: 'integer', nullable: true })
  feedbackTargetMinutes: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3, nullable: true })
  updatedAt: Date | null;

  @Field(() => Float, { description: 'Business hours from registration (or reopening) to the feedback deadline.' })
  feedbackTargetHours: number;

  @Field({ description: 'Whether this urgency uses the service default target.' })
  usesDefault: boolean;
}
