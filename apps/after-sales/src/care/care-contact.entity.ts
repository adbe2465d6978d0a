import { ConnectionType } from '@carebridge/service-kit';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CareContactStatus, CareRuleKind } from './care.enums';

/** A contact task a care rule produced for one trip and occasion (once each), announced by care_contact.due. */
@ObjectType('CareContact', { description: 'A regular-care contact to make: a pre-departure reminder or a trip anniversary.' })
@Entity('care_contact')
export class CareContact {
  @Field(() => ID, { description: 'The care contact.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => ID, { description: 'The trip it is for.' })
  @Column({ name: 'trip_id', type: 'uuid' })
  tripId: string;

  @Field(() => CareRuleKind, { description: 'Which care rule made it: a reminder before departure (documents, visa, check-in) or a trip anniversary.' })
  @Column({ type: 'enum', enum: CareRuleKind, enumName: 'care_rule_kind' })
  kind: CareRuleKind;

  @Field({ description: 'The departure (reminders) or the anniversary date.' })
  @Column({ name: 'occasion_at', type: 'timestamptz', precision: 3 })
  occasionAt: Date;

  @Field({ description: 'When the customer is to be contacted.' })
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Field(() => CareContactStatus, { description: 'Open (still to do), done or cancelled.' })
  @Column({ type: 'enum', enum: CareContactStatus, enumName: 'care_contact_status' })
  status: CareContactStatus;

  /** What staff noted when they made the contact. */
  @Field(() => String, { nullable: true, description: 'What was said or done.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was done.' })
  @Column({ name: 'done_at', type: 'timestamptz', precision: 3, nullable: true })
  doneAt: Date | null;

  @Field(() => String, { nullable: true, description: 'User id of who did it.' })
  @Column({ name: 'done_by', type: 'text', nullable: true })
  doneBy: string | null;

  @Field({ description: 'When it was created.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}

export const CareContactConnection = ConnectionType(CareContact);
