import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { InquiryChannel } from '../channel/channel.enums';

@InputType({ description: "Change a channel's response targets; fields left out keep their value. Applies to inquiries received from now on." })
export class UpdateResponsePolicyInput {
  @Field(() => InquiryChannel)
  @IsIn(Object.values(InquiryChannel))
  channel: InquiryChannel;

  @Field(() => Int, { nullable: true, description: 'Written channels: first reply within this many minutes.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 10080 minutes' })
  @Max(10080, { message: 'must be from 1 to 10080 minutes' })
  firstResponseMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Calls: answered within this many rings.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 20 rings' })
  @Max(20, { message: 'must be from 1 to 20 rings' })
  rings?: number | null;

  @Field(() => Int, { nullable: true, description: "Written channels: reply to the customer's later messages within this many minutes." })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 10080 minutes' })
  @Max(10080, { message: 'must be from 1 to 10080 minutes' })
  replyMinutes?: number | null;
}
