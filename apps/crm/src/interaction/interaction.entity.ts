import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InteractionKind } from './interaction.enums';

/**
 * One entry of a customer's interaction history: from the timeline entries other services publish
 * (T-1.7) — crm never reads their databases, it keeps what they told it — and from crm's own
 * follow-ups, loyalty changes and customer events, recorded in the same transaction as the change.
 */
@ObjectType({ description: "An entry in a customer's interaction history." })
@Entity('interaction')
@Index('interaction_customer_occurred_idx', ['customerId', 'occurredAt', 'id'])
export class Interaction {
  @Field(() => ID, { description: 'The interaction.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** Text, not a database enum: a kind a producer adds reaches crm before crm lists it (see InteractionHistory). */
  @Field(() => InteractionKind, { description: 'What happened with the customer.' })
  @Column({ type: 'text' })
  kind: InteractionKind;

  @Field({ description: 'Short description, e.g. "Complaint CMP-2026-000123 registered (BAGGAGE, HIGH)". Never the customer’s own words.' })
  @Column({ type: 'text' })
  summary: string;

  @Field({ description: 'The id of the record in the service that owns it (e.g. the complaint id).' })
  @Column({ name: 'reference_id', type: 'text' })
  referenceId: string;

  @Field(() => String, { nullable: true, description: 'Readable reference, e.g. the complaint registration number.' })
  @Column({ name: 'reference_number', type: 'text', nullable: true })
  referenceNumber: string | null;

  @Field(() => String, { nullable: true, description: 'What it was about, as the owning service classified it (e.g. BAGGAGE).' })
  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Field({ description: 'The service the interaction happened in.' })
  @Column({ name: 'source_service', type: 'text' })
  sourceService: string;

  @Field({ description: 'When it happened.' })
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  /**
   * The timeline entry's id (its producer uses the id of the event published with it; crm its own
   * event's); unique, so an entry is recorded once however often it arrives.
   */
  @Column({ name: 'entry_id', type: 'uuid', nullable: true, unique: true })
  entryId: string | null;
}
