import { IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '@carebridge/service-kit';
import { FollowUpKind, FollowUpOutcome, FollowUpStatus } from './follow-up.enums';

@InputType({ description: 'A follow-up scheduled by hand.' })
export class ScheduleFollowUpInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => FollowUpKind, { defaultValue: FollowUpKind.CALL })
  @IsIn(Object.values(FollowUpKind))
  kind: FollowUpKind;

  @Field()
  @IsDate({ message: 'must be a date and time' })
  dueAt: Date;

  @Field(() => String, { nullable: true, description: 'User id of who is to do it; default: the key-account manager, else you.' })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  purpose?: string | null;
}

@InputType({ description: 'What came of a follow-up (T-2.1): outcome, satisfaction, new needs.' })
export class CompleteFollowUpInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a follow-up id (UUID)' })
  followUpId: string;

  @Field(() => FollowUpOutcome)
  @IsIn(Object.values(FollowUpOutcome))
  outcome: FollowUpOutcome;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 5' })
  @Max(5, { message: 'must be from 1 to 5' })
  satisfactionScore?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  newNeeds?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  notes?: string | null;
}

@InputType()
export class CancelFollowUpInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a follow-up id (UUID)' })
  followUpId: string;

  @Field()
  @Length(3, 500, { message: 'must be 3 to 500 characters' })
  reason: string;
}

@InputType({ description: 'A recurring follow-up schedule for a key customer.' })
export class CreateFollowUpPlanInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => FollowUpKind, { defaultValue: FollowUpKind.CALL })
  @IsIn(Object.values(FollowUpKind))
  kind: FollowUpKind;

  @Field(() => Int, { description: 'Every how many days, 1 to 366.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 366' })
  @Max(366, { message: 'must be from 1 to 366' })
  everyDays: number;

  @Field({ description: 'When the first follow-up is due.' })
  @IsDate({ message: 'must be a date and time' })
  firstDueAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  purpose?: string | null;
}

@InputType()
export class StopFollowUpPlanInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a plan id (UUID)' })
  planId: string;
}

@InputType()
export class FollowUpFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  ownerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;

  @Field(() => [FollowUpStatus], { nullable: true })
  status?: FollowUpStatus[];

  @Field({ nullable: true, description: 'Only SCHEDULED follow-ups past their due time.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class FollowUpsArgs extends PageArgs {
  @Field(() => FollowUpFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: FollowUpFilter;
}
