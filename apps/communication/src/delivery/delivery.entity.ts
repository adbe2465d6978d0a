import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DeliveryStatus, MessageChannel, MessagePurpose, ThreadKind } from './delivery.enums';
import { PersonalText } from '@carebridge/service-kit';
import { DELIVERY_TEXT } from '../access-log/personal-text';

/**
 * One message to one recipient, rendered from a template for one event. Unique per event,
 * template and recipient: a redelivered event finds its delivery and sends nothing twice.
 */
@ObjectType('Delivery', { description: 'One message sent (or to be sent) to a customer or staff member, with its status.' })
@Entity('delivery')
@Index('delivery_once_per_event', ['causeEventId', 'templateKey', 'recipientKey'], { unique: true })
export class Delivery {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The event the message tells of.' })
  @Column({ name: 'cause_event_id', type: 'uuid' })
  causeEventId: string;

  @Field()
  @Column({ name: 'template_key', type: 'text' })
  templateKey: string;

  @Field(() => Int)
  @Column({ name: 'template_version', type: 'integer' })
  templateVersion: number;

  @Field(() => MessagePurpose)
  @Column({ type: 'text' })
  purpose: MessagePurpose;

  @Field(() => MessageChannel)
  @Column({ type: 'text' })
  channel: MessageChannel;

  @Field(() => ID, { nullable: true, description: 'The customer it goes to.' })
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Field(() => String, { nullable: true, description: 'The staff user it goes to.' })
  @Column({ name: 'staff_user_id', type: 'text', nullable: true })
  staffUserId: string | null;

  /** `customer:<id>`, `staff:<user id>` or `address:<address>`: the recipient in the once-per-event key. */
  @Column({ name: 'recipient_key', type: 'text' })
  recipientKey: string;

  /** The e-mail address or phone number it goes to (personal data: never in logs or events). */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field()
  @Column({ type: 'text' })
  locale: string;

  @PersonalText('Delivery.subject', DELIVERY_TEXT)
  @Field()
  @Column({ type: 'text' })
  subject: string;

  // In the graph through DeliveryResolver.body, without the tokens of the links in it.
  @Column({ type: 'text' })
  body: string;

  @Field(() => ThreadKind, { nullable: true })
  @Column({ name: 'thread_kind', type: 'text', nullable: true })
  threadKind: ThreadKind | null;

  @Field(() => ID, { nullable: true, description: 'The inquiry or complaint it belongs to.' })
  @Column({ name: 'thread_id', type: 'uuid', nullable: true })
  threadId: string | null;

  @Field(() => DeliveryStatus)
  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed or the message bounced (no addresses).' })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The channel's id of the message: the SMTP Message-ID, the SMS provider's message id. */
  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId: string | null;

  @Field()
  @Column({ name: 'queued_at', type: 'timestamptz', precision: 3 })
  queuedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the channel reported it delivered, bounced or failed for good.' })
  @Column({ name: 'settled_at', type: 'timestamptz', precision: 3, nullable: true })
  settledAt: Date | null;

  @Column({ name: 'anonymised_at', type: 'timestamptz', precision: 3, nullable: true })
  anonymisedAt: Date | null;
}
