import { IsIn, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ComplaintCategory } from '../complaint/complaint.enums';

@InputType({ description: 'Creates or, with the same name, replaces a feedback template.' })
export class SetComplaintFeedbackTemplateInput {
  @Field({ description: 'The template’s name, 1 to 120 characters (trimmed); an existing template of this name is replaced.' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name: string;

  @Field(() => ComplaintCategory, { nullable: true, description: 'The complaint category the template is for; leave out for any category.' })
  @IsOptional()
  @IsIn(Object.values(ComplaintCategory))
  category?: ComplaintCategory | null;

  @Field({ description: 'What was done, 1 to 5000 characters; may use the placeholders {registrationNumber}, {category}, {flightNumber}, {bookingReference}, {location}, {feedbackDueAt}, {assigneeName}, {department}.' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  actionsTaken: string;

  @Field({ description: 'What comes next, 1 to 5000 characters; may use the same placeholders as actionsTaken.' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  nextSteps: string;
}

@ArgsType()
export class FeedbackDraftArgs {
  @Field(() => ID, { description: 'The complaint whose values fill the template.' })
  @IsUUID('all', { message: 'must be a complaint id (UUID)' })
  complaintId: string;

  @Field(() => ID, { description: 'The feedback template to fill in.' })
  @IsUUID('all', { message: 'must be a template id (UUID)' })
  templateId: string;
}
