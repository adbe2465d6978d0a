import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InquiryChannel } from '../channel/channel.enums';

/** An admin's change of a channel's response targets; channels without a row use the settings' defaults. */
@Entity('response_policy')
export class ResponsePolicyOverride {
  @PrimaryColumn({ type: 'enum', enum: InquiryChannel, enumName: 'inquiry_channel' })
  channel: InquiryChannel;

  @Column({ name: 'first_response_seconds', type: 'integer' })
  firstResponseSeconds: number;

  @Column({ name: 'phone_rings', type: 'integer', nullable: true })
  phoneRings: number | null;

  @Column({ name: 'reply_seconds', type: 'integer' })
  replySeconds: number;

  @Column({ name: 'updated_by' })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@ObjectType({ description: "A channel's response targets (A-3.1.1)." })
export class ResponsePolicy {
  @Field(() => InquiryChannel)
  channel: InquiryChannel;

  @Field(() => Int, { description: 'First response target in seconds (for calls: rings × ring length).' })
  firstResponseSeconds: number;

  @Field(() => Int, { nullable: true, description: 'Calls: answered within this many rings.' })
  rings: number | null;

  @Field(() => Int, { nullable: true, description: 'Calls: the length of one ring in seconds (setting INQUIRY_RING_SECONDS).' })
  ringSeconds: number | null;

  @Field(() => Int, { nullable: true, description: "Written channels: target for replying to the customer's later messages, in seconds." })
  replySeconds: number | null;

  @Field({ description: 'Whether the targets count business hours only (written channels) or all time (calls).' })
  businessHoursOnly: boolean;

  @Field({ description: 'False while the defaults from the settings apply.' })
  changedByAdmin: boolean;

  @Field(() => String, { nullable: true })
  updatedBy: string | null;

  @Field(() => Date, { nullable: true })
  updatedAt: Date | null;
}
