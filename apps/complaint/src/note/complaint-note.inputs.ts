import { IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'An internal note: never shown to the customer.' })
export class AddComplaintNoteInput {
  @Field(() => ID, { description: 'The complaint the note is added to (in any status).' })
  @IsUUID('all', { message: 'must be a complaint id (UUID)' })
  complaintId: string;

  @Field({ description: 'The note’s text for the staff, up to 5000 characters (trimmed); never shown to the customer.' })
  @Matches(/\S/, { message: 'must not be empty (up to 5000 characters)' })
  @Length(1, 5000, { message: 'must not be empty (up to 5000 characters)' })
  body: string;
}
