import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ComplaintCategory } from '../complaint/complaint.enums';

/**
 * A template of feedback to the customer: what was done and what comes next, with
 * placeholders the complaint fills ({registrationNumber}, {flightNumber}, …). Supervisors keep them.
 */
@ObjectType('ComplaintFeedbackTemplate')
@Entity('complaint_feedback_template')
export class FeedbackTemplate {
  @Field(() => ID, { description: 'The template, as given to complaintFeedbackDraft.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The template’s name, unique: setting a template of the same name replaces it.' })
  @Column({ type: 'text', unique: true })
  name: string;

  @Field(() => ComplaintCategory, { nullable: true, description: 'The category it is for; null for any.' })
  @Column({ type: 'enum', enum: ComplaintCategory, enumName: 'complaint_category', nullable: true })
  category: ComplaintCategory | null;

  @Field({ description: 'What was done, as written, with placeholders such as {registrationNumber} or {flightNumber} for the complaint to fill.' })
  @Column({ name: 'actions_taken', type: 'text' })
  actionsTaken: string;

  @Field({ description: 'What comes next, as written, with placeholders for the complaint to fill.' })
  @Column({ name: 'next_steps', type: 'text' })
  nextSteps: string;

  @Field({ description: 'User id of the supervisor who last set the template.' })
  @Column({ name: 'updated_by' })
  updatedBy: string;

  @Field({ description: 'When the template was last set.' })
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@ObjectType('ComplaintFeedbackDraft', { description: 'A template filled in for one complaint, to send with giveComplaintFeedback.' })
export class FeedbackDraft {
  @Field({ description: 'What was done, with the complaint’s values put in; to review before sending.' })
  actionsTaken: string;

  @Field({ description: 'What comes next, with the complaint’s values put in; to review before sending.' })
  nextSteps: string;

  @Field(() => [String], { description: 'Placeholders the complaint had no value for, left as written.' })
  unfilled: string[];
}
