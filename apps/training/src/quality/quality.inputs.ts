import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ReviewedCaseKind } from './quality.enums';

const KEY = /^[a-z][a-z0-9_]*$/;

@InputType()
export class ScorecardCategoryInput {
  @Field()
  @Matches(KEY, { message: 'must be a key in lower case (a-z, 0-9, _)' })
  @Length(1, 60)
  key: string;

  @Field()
  @Matches(/\S/, { message: 'must not be blank' })
  @Length(1, 200)
  label: string;

  @Field(() => Int, { description: 'Weight in percent.' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight: number;
}

@InputType()
export class ScorecardAutoFailItemInput {
  @Field()
  @Matches(KEY, { message: 'must be a key in lower case (a-z, 0-9, _)' })
  @Length(1, 60)
  key: string;

  @Field()
  @Matches(/\S/, { message: 'must not be blank' })
  @Length(1, 200)
  label: string;
}

@InputType({ description: 'A QA scorecard; without categories it takes the usual six (greeting, understanding, correct solution, tone, closing, documentation).' })
export class CreateScorecardInput {
  @Field()
  @Matches(/\S/, { message: 'must not be blank' })
  @Length(1, 200)
  name: string;

  @Field(() => [ScorecardCategoryInput], { nullable: true, description: 'Weights must add up to 100.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  categories?: ScorecardCategoryInput[] | null;

  @Field(() => [ScorecardAutoFailItemInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  autoFailItems: ScorecardAutoFailItemInput[];
}

@InputType()
export class CategoryScoreInput {
  @Field()
  @Length(1, 60)
  category: string;

  @Field(() => Float, { description: '0–100.' })
  @IsNumber()
  @Min(0)
  @Max(100)
  score: number;
}

@InputType({ description: 'A reviewer’s score of an agent’s case against a scorecard.' })
export class ReviewCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a scorecard id (UUID)' })
  scorecardId: string;

  @Field(() => ReviewedCaseKind)
  @IsIn(Object.values(ReviewedCaseKind))
  caseKind: ReviewedCaseKind;

  @Field(() => ID, { description: 'The inquiry’s or complaint’s id.' })
  @IsUUID('all', { message: 'must be an inquiry or complaint id (UUID)' })
  caseId: string;

  @Field({ description: 'The user id of the agent who handled it.' })
  @Length(1, 200)
  agentUserId: string;

  @Field(() => [CategoryScoreInput], { description: 'One score per category of the scorecard.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  scores: CategoryScoreInput[];

  @Field(() => [String], { defaultValue: [], description: 'Keys of the auto-fail items found.' })
  @ArrayMaxSize(20)
  autoFailed: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 5000)
  comment?: string | null;
}

@InputType({ description: 'A calibration session on one case.' })
export class OpenCalibrationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a scorecard id (UUID)' })
  scorecardId: string;

  @Field(() => ReviewedCaseKind)
  @IsIn(Object.values(ReviewedCaseKind))
  caseKind: ReviewedCaseKind;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be an inquiry or complaint id (UUID)' })
  caseId: string;

  @Field()
  @Length(1, 200)
  agentUserId: string;
}

@InputType({ description: 'One reviewer’s score in a calibration session.' })
export class CalibrationScoreInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a calibration session id (UUID)' })
  calibrationSessionId: string;

  @Field(() => [CategoryScoreInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  scores: CategoryScoreInput[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  autoFailed: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 5000)
  comment?: string | null;
}

@InputType({ description: 'An agent’s rating of a procedure.' })
export class GiveProcedureFeedbackInput {
  @Field(() => ID, { description: 'The procedure (a knowledge article of kind PROCEDURE).' })
  @IsUUID('all', { message: 'must be a knowledge article id (UUID)' })
  articleId: string;

  @Field(() => Int, { description: '1 (does not work) to 5 (works well).' })
  @IsInt()
  @Min(1, { message: 'must be 1 to 5' })
  @Max(5, { message: 'must be 1 to 5' })
  rating: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  comment?: string | null;
}
