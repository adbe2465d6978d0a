import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MessageDirection } from './complaint.enums';

/** A message of the inquiry a complaint was escalated from, carried over so nobody types it again. */
@ObjectType('ConversationMessage')
@Entity('complaint_conversation_message')
export class ConversationMessage {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Field(() => Int, { description: 'Order in the conversation.' })
  @Column({ type: 'integer' })
  position: number;

  @Field(() => MessageDirection)
  @Column({ type: 'enum', enum: MessageDirection, enumName: 'message_direction' })
  direction: MessageDirection;

  @Field(() => String, { nullable: true, description: 'Staff user id; none for the customer.' })
  @Column({ name: 'author_id', type: 'text', nullable: true })
  authorId: string | null;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Field()
  @Column({ type: 'text' })
  body: string;
}
