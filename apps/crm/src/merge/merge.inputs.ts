import { IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Merges a duplicate profile into the surviving one; all history moves to the survivor.' })
export class MergeCustomersInput {
  @Field(() => ID, { description: 'The profile that stays.' })
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  survivorId: string;

  @Field(() => ID, { description: 'The duplicate; it becomes MERGED and points to the survivor.' })
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  duplicateId: string;
}
