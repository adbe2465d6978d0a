import { IsInt, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Merges a duplicate complaint (the same bag, the same matter) into another of the same customer.' })
export class MergeComplaintsInput {
  @Field(() => ID, { description: 'The duplicate: it is closed as merged.' })
  @IsUUID('all', { message: 'must be a complaint id (UUID)' })
  complaintId: string;

  @Field(() => Int, { nullable: true, description: 'The version of the duplicate the caller saw.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  expectedVersion?: number | null;

  @Field(() => ID, { description: 'The complaint that goes on.' })
  @IsUUID('all', { message: 'must be a complaint id (UUID)' })
  intoComplaintId: string;

  @Field({ description: 'Why the two are the same matter, 1 to 500 characters; kept on the history of both complaints.' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason: string;
}
