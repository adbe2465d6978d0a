import { PageArgs } from '@carebridge/service-kit';
import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { FollowUpCallOutcome, FollowUpSurveyStatus, SurveyComponent } from './follow-up.enums';

@InputType({ description: 'CSAT of one part of the trip: 1 (very dissatisfied) to 5 (very satisfied).' })
export class ComponentRatingInput {
  @Field(() => SurveyComponent)
  @IsIn(Object.values(SurveyComponent))
  component: SurveyComponent;

  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be from 1 to 5' })
  @Max(5, { message: 'must be from 1 to 5' })
  score: number;
}

@InputType({ description: 'A customer’s answer to a post-trip survey, with the token of its signed link (no staff token needed).' })
export class AnswerFollowUpSurveyInput {
  @Field({ description: 'The token of the survey link.' })
  @Length(1, 200, { message: 'must be a survey link token' })
  token: string;

  @Field(() => Int, { description: 'How likely the customer is to recommend us: 0 to 10.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be from 0 to 10' })
  @Max(10, { message: 'must be from 0 to 10' })
  nps: number;

  @Field(() => String, { nullable: true, description: 'Why that score, in the customer’s words.' })
  @IsOptional()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  npsReason?: string | null;

  @Field(() => [ComponentRatingInput], { nullable: true, description: 'One rating per component the trip had (those left out are not rated).' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(4, { message: 'must rate at most 4 components' })
  ratings?: ComponentRatingInput[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  comment?: string | null;
}

@InputType({ description: 'The outcome of a follow-up call, recorded by hand.' })
export class RecordFollowUpCallInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a trip id (UUID)' })
  tripId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The survey the call follows up, if any.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a survey id (UUID)' })
  surveyId?: string | null;

  @Field(() => FollowUpCallOutcome)
  @IsIn(Object.values(FollowUpCallOutcome))
  outcome: FollowUpCallOutcome;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be from 0 to 10' })
  @Max(10, { message: 'must be from 0 to 10' })
  nps?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  note?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the call took place; now when left out.' })
  @IsOptional()
  calledAt?: Date | null;
}

@InputType({ description: 'What the customer said about being contacted by after-sales.' })
export class SetCustomerContactPreferencesInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId: string;

  @Field(() => Boolean, { nullable: true, description: 'False: the customer withdrew consent to follow-ups.' })
  @IsOptional()
  followUpConsent?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'True: no regular-care contacts.' })
  @IsOptional()
  careOptOut?: boolean | null;
}

@InputType({ description: 'Which surveys to list.' })
export class FollowUpSurveyFilter {
  @Field(() => [FollowUpSurveyStatus], { nullable: true })
  status?: FollowUpSurveyStatus[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id (UUID)' })
  customerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a trip id (UUID)' })
  tripId?: string;
}

@ArgsType()
export class FollowUpSurveysArgs extends PageArgs {
  @Field(() => FollowUpSurveyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: FollowUpSurveyFilter;
}

@ArgsType()
export class SurveyIdArgs {
  @Field(() => ID)
  @Matches(/^[0-9a-f-]{36}$/i, { message: 'must be a survey id (UUID)' })
  surveyId: string;
}

@ArgsType()
export class FollowUpSatisfactionArgs {
  @Field({ description: 'Trips that ended at or after this.' })
  @IsDate({ message: 'must be a date and time' })
  from: Date;

  @Field({ description: 'Trips that ended before this.' })
  @IsDate({ message: 'must be a date and time' })
  to: Date;
}
