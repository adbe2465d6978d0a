import { TAG_PATTERN, TAG_RULE } from '@carebridge/help-desk';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { InquiryPriority } from '../inquiry/inquiry.enums';

export enum InquiryBulkActionKind {
  ASSIGN = 'ASSIGN',
  REASSIGN = 'REASSIGN',
  TAG = 'TAG',
  SET_PRIORITY = 'SET_PRIORITY',
  CLOSE = 'CLOSE',
}

registerEnumType(InquiryBulkActionKind, {
  name: 'InquiryBulkActionKind',
  description: 'What a bulk action does to each inquiry, as the single action would.',
  valuesConfig: {
    ASSIGN: { description: 'Assigns inquiries nobody holds yet (agentId, or round robin).' },
    REASSIGN: { description: 'Hands inquiries to another agent (agentId).' },
    TAG: { description: 'Adds and removes tags (addTags, removeTags).' },
    SET_PRIORITY: { description: 'Sets the priority (priority).' },
    CLOSE: { description: 'Closes inquiries without the customer’s satisfaction (reason).' },
  },
});

@InputType({ description: 'One action on many inquiries: those selected by id, or those a saved view lists now (at most 200).' })
export class BulkInquiryActionInput {
  @Field(() => InquiryBulkActionKind, { description: 'What is done to each inquiry.' })
  @IsIn(Object.values(InquiryBulkActionKind))
  action: InquiryBulkActionKind;

  @Field(() => [ID], { nullable: true, description: 'The inquiries selected (1 to 200); or give viewId.' })
  @IsOptional()
  @ArrayMaxSize(200, { message: 'must select at most 200 inquiries' })
  @IsUUID('all', { each: true, message: 'must be inquiry ids (UUID)' })
  inquiryIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A saved inquiry view: the action is taken on what it lists now.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a view id (UUID)' })
  viewId?: string | null;

  @Field(() => ID, { nullable: true, description: 'ASSIGN, REASSIGN: the agent’s user id (ASSIGN without it assigns round robin).' })
  @IsOptional()
  @Length(1, 200, { message: 'must be a user id' })
  agentId?: string | null;

  @Field(() => String, { nullable: true, description: 'CLOSE: why the inquiries close without the customer’s satisfaction.' })
  @IsOptional()
  @Length(1, 1000, { message: 'must be 1 to 1000 characters' })
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

  @Field(() => InquiryPriority, { nullable: true, description: 'SET_PRIORITY: the new priority.' })
  @IsOptional()
  @IsIn(Object.values(InquiryPriority))
  priority?: InquiryPriority | null;
}
