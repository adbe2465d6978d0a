import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FollowUpCallOutcome } from './follow-up.enums';

/** A follow-up call after a trip, recorded by hand by after-sales staff (T-4.1). */
@ObjectType('FollowUpCall', { description: 'A follow-up call to a customer, recorded by hand.' })
@Entity('follow_up_call')
export class FollowUpCall {
  @Field(() => ID, { description: 'The call.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The trip the call was about.' })
  @Column({ name: 'trip_id', type: 'uuid', nullable: true })
  tripId: string | null;

  @Field(() => ID, { nullable: true, description: 'The follow-up survey the call was about.' })
  @Column({ name: 'survey_id', type: 'uuid', nullable: true })
  surveyId: string | null;

  @Field(() => FollowUpCallOutcome, { description: 'What came of the call.' })
  @Column({ type: 'enum', enum: FollowUpCallOutcome, enumName: 'follow_up_call_outcome' })
  outcome: FollowUpCallOutcome;

  @Field(() => Int, { nullable: true, description: 'NPS the customer gave on the phone, if asked.' })
  @Column({ type: 'integer', nullable: true })
  nps: number | null;

  /** What was said (may hold the customer's words). */
  @Field(() => String, { nullable: true, description: 'What was said.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field({ description: 'When the customer was called.' })
  @Column({ name: 'called_at', type: 'timestamptz', precision: 3 })
  calledAt: Date;

  @Field({ description: 'User id of who recorded the call.' })
  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Field({ description: 'When the call was recorded.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}
