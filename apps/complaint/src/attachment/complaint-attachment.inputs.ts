import { IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Asks for a signed link to upload one file to a complaint (or to a message of its conversation).' })
export class RequestComplaintAttachmentUploadInput {
  @Field(() => ID, { description: 'The complaint the file is added to.' })
  @IsUUID('all', { message: 'must be a complaint id (UUID)' })
  complaintId: string;

  @Field(() => ID, { nullable: true, description: 'A message of the complaint’s conversation the file came with (the customer’s photo in a chat).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a message id (UUID)' })
  messageId?: string | null;

  @Field({ description: 'The file name, e.g. bag-damage.jpg.' })
  @Length(1, 255, { message: 'must be 1 to 255 characters' })
  @Matches(/^[^\\/"\p{Cc}]+$/u, { message: 'must be a file name without slashes, quotes or control characters' })
  name: string;
}
