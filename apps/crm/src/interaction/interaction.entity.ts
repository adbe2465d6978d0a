import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum InteractionKind {
  COMPLAINT = 'COMPLAINT',
}
registerEnumType(InteractionKind, { name: 'InteractionKind', description: 'What kind of contact with the customer this was.' });

/**
 * One entry of a customer's interaction history, built from other services' events (T-1.7): crm
 * never reads their databases, it keeps what their events told it.
 */
@ObjectType({ description: "An entry in a customer's interaction history." })
@Entity('interaction')
@Index('interaction_customer_occurred_idx', ['customerId', 'occurredAt', 'id'])
export class Interaction {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => InteractionKind)
  @Column({ type: 'enum', enum: InteractionKind, enumName: 'interaction_kind' })
  kind: InteractionKind;

  @Field({ description: 'Short description, e.g. "Complaint CMP-2026-000123 registered (BAGGAGE, HIGH)".' })
  @Column({ type: 'text' })
  summary: string;

  @Field({ description: 'The id of the record in the service that owns it (e.g. the complaint id).' })
  @Column({ name: 'reference_id', type: 'text' })
  referenceId: string;

  @Field(() => String, { nullable: true, description: 'Readable reference, e.g. the complaint registration number.' })
  @Column({ name: 'reference_number', type: 'text', nullable: true })
  referenceNumber: string | null;

  @Field({ description: 'The service the interaction happened in.' })
  @Column({ name: 'source_service', type: 'text' })
  sourceService: string;

  @Field()
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId: string;
}
