import { SavedViewScope } from '@carebridge/help-desk';
import { PageArgs } from '@carebridge/service-kit';
import { IsIn, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { InquiryFilter, InquiryOrder } from '../inquiry/inquiry.inputs';

@InputType({ description: 'An inquiry view to save: a name, who sees it, and the list filter and order.' })
export class SaveInquiryViewInput {
  @Field({ description: '1 to 100 characters, e.g. "Chats breaching in the next 10 minutes".' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  name: string;

  @Field(() => SavedViewScope, { defaultValue: SavedViewScope.PERSONAL, description: 'PERSONAL (the default) or TEAM (supervisors only).' })
  @IsIn(Object.values(SavedViewScope))
  scope: SavedViewScope;

  @Field(() => String, { nullable: true, description: 'For a TEAM view: the role whose holders see it, e.g. agent.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be a role' })
  team?: string | null;

  @Field(() => InquiryFilter, { nullable: true, description: 'The filter of the inquiries list; relative parts (dueWithinMinutes) are evaluated when the view is read.' })
  @IsOptional()
  @ValidateNested()
  filter?: InquiryFilter | null;

  @Field(() => InquiryOrder, { nullable: true, description: 'The order of the inquiries list.' })
  @IsOptional()
  @IsIn(Object.values(InquiryOrder))
  orderBy?: InquiryOrder | null;
}

@InputType({ description: 'A saved inquiry view, replaced by what is given.' })
export class UpdateInquiryViewInput extends SaveInquiryViewInput {
  @Field(() => ID, { description: 'The view to change.' })
  @IsUUID('all', { message: 'must be a view id (UUID)' })
  id: string;
}

@ArgsType()
export class InquiryViewPageArgs extends PageArgs {}
