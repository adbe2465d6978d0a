import { ArrayMaxSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: "An e-mail as the mail provider's inbound webhook hands it over: the whole message (RFC 5322) and the envelope recipients." })
export class ReceiveInboundEmailInput {
  @Field({ description: 'The whole message as received, headers and body (RFC 5322).' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(20_000_000, { message: 'must be at most 20 MB' })
  rawMessage: string;

  @Field(() => [String], { nullable: true, description: 'The envelope recipients (RCPT TO), when the provider reports them.' })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'must list at most 50 recipients' })
  recipients?: string[] | null;
}
