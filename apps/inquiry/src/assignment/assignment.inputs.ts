import { IsBoolean, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: "An agent switches their availability for automatic assignment on or off; admins may do it for others and set capacity and team." })
export class SetAgentAvailabilityInput {
  @Field()
  @IsBoolean({ message: 'must be true or false' })
  available: boolean;

  @Field(() => ID, { nullable: true, description: 'Default: the caller.' })
  @IsOptional()
  @Length(1, 200, { message: 'must be a user id' })
  agentId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Open inquiries the agent holds at most (default: setting INQUIRY_AGENT_CAPACITY).' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 100' })
  @Max(100, { message: 'must be from 1 to 100' })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'The team whose saved replies the agent uses.' })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  team?: string | null;
}
