import { ConnectionType } from '@carebridge/service-kit';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CareContactStatus, CareRuleKind } from './care.enums';

/** A contact task a care rule produced for one trip and occasion (once each), announced by care_contact.due. */
@ObjectType('CareContact', { description: 'A regular-care contact to make: a pre-departure reminder or a trip anniversary.' })
@Entity('care_contact')
export class CareContact {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => ID)
  @Column({ name: 'trip_id', type: 'uuid' })
  tripId: string;

  @Field(() => CareRuleKind)
  @Column({ type: 'enum', enum: CareRuleKind, enumName: 'care_rule_kind' })
  kind: CareRuleKind;

  @Field({ description: 'The departure (reminders) or the anniversary date.' })
  @Column({ name: 'occasion_at', type: 'timestamptz', precision: 3 })
  occasionAt: Date;

  @Field()
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Field(() => CareContactStatus)
  @Column({ type: 'enum', enum: CareContactStatus, enumName: 'care_contact_status' })
  status: CareContactStatus;

  /** What staff noted when they made the contact. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'done_at', type: 'timestamptz', precision: 3, nullable: true })
  doneAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'done_by', type: 'text', nullable: true })
  doneBy: string | null;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}

export const CareContactConnection = ConnectionType(CareContact);
