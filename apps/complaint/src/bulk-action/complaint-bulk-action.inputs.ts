import { TAG_PATTERN, TAG_RULE } from '@carebridge/help-desk';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Urgency } from '../urgency/urgency.enums';

export enum ComplaintBulkActionKind {
  ASSIGN = 'ASSIGN',
  REASSIGN = 'REASSIGN',
  TAG = 'TAG',
  SET_URGENCY = 'SET_URGENCY',
  CLOSE = 'CLOSE',
}

registerEnumType(ComplaintBulkActionKind, {
  name: 'ComplaintBulkActionKind',
  description: 'What a bulk action does to each complaint, as the single action would.',
  valuesConfig: {
    ASSIGN: { description: 'Assigns complaints nobody is responsible for yet (assigneeId, or automatic).' },
    REASSIGN: { description: 'Hands assigned complaints to another handler (assigneeId and reason).' },
    TAG: { description: 'Adds and removes tags (addTags, removeTags).' },
    SET_URGENCY: { description: 'Sets the urgency, the complaint’s priority (urgency).' },
    CLOSE: { description: 'Closes resolved complaints without a satisfaction score (reason).' },
  },
});

@InputType({ description: 'One action on many complaints: those selected by id, or those a saved view lists now (at most 200).' })
export class BulkComplaintActionInput {
  @Field(() => ComplaintBulkActionKind, { description: 'What is done to each complaint.' })
  @IsIn(Object.values(ComplaintBulkActionKind))
  action: ComplaintBulkActionKind;

  @Field(() => [ID], { nullable: true, description: 'The complaints selected (1 to 200); or give viewId.' })
  @IsOptional()
  @ArrayMaxSize(200, { message: 'must select at most 200 complaints' })
  @IsUUID('all', { each: true, message: 'must be complaint ids (UUID)' })
  complaintIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A saved complaint view: the action is taken on what it lists now.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a view id (UUID)' })
  viewId?: string | null;

  @Field(() => String, { nullable: true, description: 'ASSIGN, REASSIGN: the handler’s user id (ASSIGN without it assigns automatically).' })
  @IsOptional()
  @MaxLength(200, { message: 'must be a user id' })
  assigneeId?: string | null;

  @Field(() => String, { nullable: true, description: 'REASSIGN: why the handler changes; CLOSE: why the complaints close without a satisfaction score.' })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason?: string | null;

  @Field(() => [String], { nullable: true, description: 'TAG: tags to add.' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'must name at most 20 tags' })
  @Matches(TAG_PATTERN, TAG_RULE)
  addTags?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'TAG: tags to remove.' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'must name at most 20 tags' })
  @Matches(TAG_PATTERN, TAG_RULE)
  removeTags?: string[] | null;

  @Field(() => Urgency, { nullable: true, description: 'SET_URGENCY: the new urgency.' })
  @IsOptional()
  @IsIn(Object.values(Urgency))
  urgency?: Urgency | null;
}
