import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A mail the local SMTP catcher took instead of delivering it (development and tests only). */
@ObjectType('DevelopmentMail', { description: 'A mail caught by the local SMTP catcher (development and tests only).' })
@Entity('development_mail')
export class DevelopmentMail {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'received_at', type: 'timestamptz', precision: 3 })
  receivedAt: Date;

  @Field({ description: 'The envelope sender (the bounce address).' })
  @Column({ name: 'envelope_from', type: 'text' })
  envelopeFrom: string;

  @Field(() => [String], { description: 'The envelope recipients.' })
  @Column({ name: 'envelope_to', type: 'text', array: true })
  envelopeTo: string[];

  @Field()
  @Column({ type: 'text' })
  subject: string;

  @Field({ description: 'The plain text.' })
  @Column({ type: 'text' })
  text: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'reply_to', type: 'text', nullable: true })
  replyTo: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  @Field(() => String, { nullable: true, description: 'The DKIM-Signature header, when the mail was signed.' })
  @Column({ name: 'dkim_signature', type: 'text', nullable: true })
  dkimSignature: string | null;

  @Field({ description: 'The whole message as it arrived (RFC 5322).' })
  @Column({ type: 'text' })
  raw: string;
}
