import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ThreadKind } from '../delivery/delivery.enums';
import { InboundOutcome } from './inbound.enums';

/** One e-mail that reached the support address, with what became of it. */
@ObjectType('InboundMessage', { description: 'An e-mail that reached the support address and what became of it.' })
@Entity('inbound_message')
export class InboundMessage {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The Message-ID header: a message seen twice (a retried webhook, a re-polled mailbox) is taken once. */
  @Index('inbound_message_header_id', { unique: true })
  @Column({ name: 'header_message_id', type: 'text' })
  headerMessageId: string;

  @Field()
  @Column({ name: 'received_at', type: 'timestamptz', precision: 3 })
  receivedAt: Date;

  @Column({ name: 'from_address', type: 'text' })
  fromAddress: string;

  @Column({ name: 'from_name', type: 'text', nullable: true })
  fromName: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Field(() => ThreadKind, { nullable: true })
  @Column({ name: 'thread_kind', type: 'text', nullable: true })
  threadKind: ThreadKind | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'thread_id', type: 'uuid', nullable: true })
  threadId: string | null;

  @Column({ type: 'text' })
  subject: string;

  /** The new part of the text, quoted text trimmed. */
  @Column({ type: 'text' })
  body: string;

  @Field(() => InboundOutcome)
  @Column({ type: 'text' })
  outcome: InboundOutcome;

  @Field(() => String, { nullable: true, description: 'Why it was dropped (the header that marked it), without addresses.' })
  @Column({ name: 'drop_reason', type: 'text', nullable: true })
  dropReason: string | null;

  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}
