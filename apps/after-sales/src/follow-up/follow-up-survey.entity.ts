import { ConnectionType } from '@carebridge/service-kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { type ComponentRating, FollowUpSkipReason, FollowUpSurveyStatus, SurveyComponent } from './follow-up.enums';

@ObjectType('ComponentRating', { description: 'CSAT 1–5 of one part of the trip.' })
export class ComponentRatingView implements ComponentRating {
  @Field(() => SurveyComponent)
  component: SurveyComponent;

  @Field(() => Int)
  score: number;
}

/**
 * The post-trip follow-up of one trip (T-4.1): scheduled when the trip ends, sent when due unless
 * a contact rule says no, reminded once, answered through its signed link. The answer holds the
 * customer's words (`npsReason`, `comment`): erasure replaces them.
 */
@ObjectType('FollowUpSurvey', { description: 'The post-trip survey of one trip: NPS with its why, CSAT per component, a comment.' })
@Entity('follow_up_survey')
export class FollowUpSurvey {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'trip_id', type: 'uuid' })
  tripId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** From trip.completed; null once the customer was erased. */
  @Column({ name: 'booking_reference', type: 'text', nullable: true })
  bookingReference: string | null;

  @Field(() => [SurveyComponent], { description: 'What the survey asks to rate: the components the trip had.' })
  @Column({ type: 'text', array: true })
  components: SurveyComponent[];

  @Field({ description: 'When the customer came back.' })
  @Column({ name: 'trip_ended_at', type: 'timestamptz', precision: 3 })
  tripEndedAt: Date;

  @Field(() => FollowUpSurveyStatus)
  @Column({ type: 'enum', enum: FollowUpSurveyStatus, enumName: 'follow_up_survey_status' })
  status: FollowUpSurveyStatus;

  @Field(() => FollowUpSkipReason, { nullable: true })
  @Column({ name: 'skip_reason', type: 'enum', enum: FollowUpSkipReason, enumName: 'follow_up_skip_reason', nullable: true })
  skipReason: FollowUpSkipReason | null;

  @Field({ description: 'When it is (or was) due to go out.' })
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the one reminder is due, if the survey is still unanswered.' })
  @Column({ name: 'reminder_due_at', type: 'timestamptz', precision: 3, nullable: true })
  reminderDueAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'reminded_at', type: 'timestamptz', precision: 3, nullable: true })
  remindedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until when the link can be used.' })
  @Column({ name: 'link_expires_at', type: 'timestamptz', precision: 3, nullable: true })
  linkExpiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'answered_at', type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'How likely the customer is to recommend us, 0–10.' })
  @Column({ type: 'integer', nullable: true })
  nps: number | null;

  /** The customer's "why" (their words); shown by a field resolver. */
  @Column({ name: 'nps_reason', type: 'text', nullable: true })
  npsReason: string | null;

  @Field(() => [ComponentRatingView])
  @Column({ type: 'jsonb', default: () => `'[]'` })
  ratings: ComponentRating[];

  /** The customer's free comment (their words). */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}

export const FollowUpSurveyConnection = ConnectionType(FollowUpSurvey);
