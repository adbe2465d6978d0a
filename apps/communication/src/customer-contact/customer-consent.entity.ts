import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MessagePurpose } from '../delivery/delivery.enums';

/** `ALL`, or the one channel a consent row is about. */
export type ConsentChannel = 'ALL' | 'EMAIL' | 'SMS';

/**
 * A customer's consent to messages of one purpose, on every channel (crm's consents) or on one
 * (an opt-out of SMS only). The row for the channel wins over the one for ALL; without a row,
 * follow-ups are allowed and marketing is not.
 */
@ObjectType('CustomerConsent', { description: 'Whether the customer accepts messages of a purpose on a channel.' })
@Entity('customer_consent')
export class CustomerConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => MessagePurpose)
  @Column({ type: 'text' })
  purpose: MessagePurpose;

  @Field(() => String, { description: 'ALL, EMAIL or SMS.' })
  @Column({ type: 'text' })
  channel: ConsentChannel;

  @Field()
  @Column({ type: 'boolean' })
  granted: boolean;

  @Field({ description: 'When the customer stated it.' })
  @Column({ name: 'stated_at', type: 'timestamptz', precision: 3 })
  statedAt: Date;

  @Field({ description: '`crm` for crm’s consents, or the staff user who recorded a channel opt-out.' })
  @Column({ name: 'stated_by', type: 'text' })
  statedBy: string;
}
