import { IsIn, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@ArgsType()
export class DeliveriesArgs {
  @Field(() => ID, { nullable: true, description: 'The customer the messages went to.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The inquiry or complaint they belong to.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an inquiry or complaint id (UUID)' })
  threadId?: string | null;

  @Field(() => Int, { defaultValue: 50 })
  first: number;
}

@InputType({ description: "A channel provider's report on a message it took (status callback, ESP webhook)." })
export class ReportDeliveryStatusInput {
  @Field({ description: "The provider's id of the message (Twilio's MessageSid, the SMTP Message-ID)." })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  providerMessageId: string;

  @Field(() => String, { description: 'DELIVERED, BOUNCED or FAILED.' })
  @IsIn(['DELIVERED', 'BOUNCED', 'FAILED'], { message: 'must be DELIVERED, BOUNCED or FAILED' })
  status: 'DELIVERED' | 'BOUNCED' | 'FAILED';

  @Field(() => String, { nullable: true, description: 'The provider’s error code or DSN status, without addresses.' })
  @IsOptional()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  reason?: string | null;
}
