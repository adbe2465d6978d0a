import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { STAFF_ROLES, type StaffRole } from '../staff/staff.enums';
import { CompletionRule } from './course.enums';

@InputType({ description: 'A module of a course.' })
export class CourseModuleInput {
  @Field()
  @Matches(/\S/, { message: 'must not be blank' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  summary?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Knowledge articles the module links to.' })
  @ArrayMaxSize(50, { message: 'must list at most 50 articles' })
  @IsUUID('all', { each: true, message: 'must be knowledge article ids (UUID)' })
  articleIds: string[];
}

@InputType({ description: 'A single-choice quiz question.' })
export class QuizQuestionInput {
  @Field()
  @Matches(/\S/, { message: 'must not be blank' })
  @Length(1, 1000, { message: 'must be 1 to 1000 characters' })
  prompt: string;

  @Field(() => [String])
  @ArrayMinSize(2, { message: 'must offer at least 2 options' })
  @ArrayMaxSize(8, { message: 'must offer at most 8 options' })
  @Length(1, 500, { each: true, message: 'must be 1 to 500 characters each' })
  options: string[];

  @Field(() => Int, { description: 'The index (from 0) of the right option.' })
  @IsInt()
  @Min(0)
  correctOption: number;
}

@InputType({ description: 'A course: its modules, for whom it is mandatory, what completes it and its certificate.' })
export class CourseInput {
  @Field()
  @Matches(/\S/, { message: 'must not be blank' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  description?: string | null;

  @Field(() => [CourseModuleInput])
  @ArrayMinSize(1, { message: 'must have at least one module' })
  @ArrayMaxSize(50, { message: 'must have at most 50 modules' })
  @ValidateNested({ each: true })
  modules: CourseModuleInput[];

  @Field(() => [String], { defaultValue: [], description: 'Staff roles for which it is mandatory.' })
  @IsIn(STAFF_ROLES, { each: true, message: `must be roles among ${STAFF_ROLES.join(', ')}` })
  mandatoryForRoles: StaffRole[];

  @Field(() => Int, { defaultValue: 30, description: 'Days newly registered staff have to complete it when mandatory.' })
  @IsInt()
  @Min(1)
  @Max(3650)
  completionDueDays: number;

  @Field(() => CompletionRule)
  @IsIn(Object.values(CompletionRule))
  completionRule: CompletionRule;

  @Field(() => Int, { nullable: true, description: 'The passing quiz score, 0–100 (needed when the rule includes the quiz).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  quizPassMark?: number | null;

  @Field(() => [QuizQuestionInput], { defaultValue: [] })
  @ArrayMaxSize(100, { message: 'must have at most 100 questions' })
  @ValidateNested({ each: true })
  quiz: QuizQuestionInput[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxQuizAttempts?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days a certificate is valid; none: it never expires.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  certificateValidityDays?: number | null;

  @Field(() => Int, { defaultValue: 30, description: 'Recertification is due this many days before expiry.' })
  @IsInt()
  @Min(0)
  @Max(3650)
  recertificationNoticeDays: number;
}

@InputType({ description: 'Answers to a course’s quiz, one option index per question in order.' })
export class SubmitQuizAttemptInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a course id (UUID)' })
  courseId: string;

  @Field(() => [Int])
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  answers: number[];
}
