import { SavedViewScope } from '@carebridge/help-desk';
import { PageArgs } from '@carebridge/service-kit';
import { IsIn, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ComplaintFilter, ComplaintOrder } from '../complaint/complaint.inputs';

@InputType({ description: 'A complaint view to save: a name, who sees it, and the list filter and order.' })
export class SaveComplaintViewInput {
  @Field({ description: '1 to 100 characters, e.g. "My open high-urgency baggage complaints".' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  name: string;

  @Field(() => SavedViewScope, { defaultValue: SavedViewScope.PERSONAL, description: 'PERSONAL (the default) or TEAM (supervisors only).' })
  @IsIn(Object.values(SavedViewScope))
  scope: SavedViewScope;

  @Field(() => String, { nullable: true, description: 'For a TEAM view: the role whose holders see it, e.g. complaint_specialist.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be a role' })
  team?: string | null;

  @Field(() => ComplaintFilter, { nullable: true, description: 'The filter of the complaints list; relative parts (feedbackDueWithinMinutes) are evaluated when the view is read.' })
  @IsOptional()
  @ValidateNested()
  filter?: ComplaintFilter | null;

  @Field(() => ComplaintOrder, { nullable: true, description: 'The order of the complaints list.' })
  @IsOptional()
  @IsIn(Object.values(ComplaintOrder))
  orderBy?: ComplaintOrder | null;
}

@InputType({ description: 'A saved complaint view, replaced by what is given.' })
export class UpdateComplaintViewInput extends SaveComplaintViewInput {
  @Field(() => ID, { description: 'The view to change.' })
  @IsUUID('all', { message: 'must be a view id (UUID)' })
  id: string;
}

@ArgsType()
export class ComplaintViewPageArgs extends PageArgs {}
