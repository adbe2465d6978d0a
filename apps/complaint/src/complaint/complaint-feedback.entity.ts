import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ContactChannel } from './complaint.enums';

/** Feedback to the customer (A-3.2.4, T-3.4): what was done and what comes next. */
@ObjectType('ComplaintFeedback')
@Entity('complaint_feedback')
export class ComplaintFeedback {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Field()
  @Column({ name: 'given_by' })
  givenBy: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'given_by_name', type: 'text', nullable: true })
  givenByName: string | null;

  @Field()
  @Column({ name: 'given_at', type: 'timestamptz', precision: 3 })
  givenAt: Date;

  @Field(() => ContactChannel)
  @Column({ type: 'enum', enum: ContactChannel, enumName: 'contact_channel' })
  channel: ContactChannel;

  /** The address or number it went to; a contact detail, masked for roles without need. */
  @Column({ name: 'sent_to', type: 'text', nullable: true })
  sentTo: string | null;

  @Field({ description: 'What was done.' })
  @Column({ name: 'actions_taken', type: 'text' })
  actionsTaken: string;

  @Field({ description: 'What comes next.' })
  @Column({ name: 'next_steps', type: 'text' })
  nextSteps: string;

  /** The complaint's customer, set when loaded through the complaint: whose contact detail `sentTo` is. */
  customerId?: string;

  @Field({ description: 'Whether it was given before the feedback deadline.' })
  @Column({ name: 'within_deadline', type: 'boolean' })
  withinDeadline: boolean;
}
