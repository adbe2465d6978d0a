import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ArticleKind, ArticleLocale, ArticleVisibility, SolvedCaseSource } from './knowledge.enums';

@InputType({ description: 'A new category of the knowledge base.' })
export class CreateKnowledgeCategoryInput {
  @Field({ description: 'Short stable name: lower-case letters, digits and dashes.' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'must be 1 to 40 lower-case letters, digits or dashes' })
  slug: string;

  @Field()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  name: string;

  @Field(() => [String], { description: 'Its sections; at least one.' })
  @ArrayMaxSize(50, { message: 'must have at most 50 sections' })
  @Length(1, 100, { each: true, message: 'must each be 1 to 100 characters' })
  sections: string[];

  @Field(() => [String], { nullable: true, defaultValue: [], description: 'The inquiry categories (e.g. BAGGAGE) it answers.' })
  @ArrayMaxSize(20, { message: 'must have at most 20 entries' })
  inquiryCategories: string[];
}

@InputType({ description: 'A new article, written as a draft.' })
export class CreateKnowledgeArticleInput {
  @Field(() => ArticleKind)
  kind: ArticleKind;

  @Field(() => ArticleLocale)
  locale: ArticleLocale;

  @Field(() => ArticleVisibility, { defaultValue: ArticleVisibility.INTERNAL })
  visibility: ArticleVisibility;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a category id (UUID)' })
  categoryId: string;

  @Field({ description: 'One of the category’s sections.' })
  section: string;

  @Field()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title: string;

  @Field()
  @Length(1, 50_000, { message: 'must be 1 to 50,000 characters' })
  body: string;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @ArrayMaxSize(20, { message: 'must have at most 20 tags' })
  @Length(1, 40, { each: true, message: 'must each be 1 to 40 characters' })
  tags: string[];

  @Field(() => String, { nullable: true, description: 'The user id who answers for a procedure; required for kind PROCEDURE.' })
  @IsOptional()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The article in another language this one translates.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an article id (UUID)' })
  translationOfId?: string | null;
}

@InputType({ description: 'A change of an article’s working copy; what is not given stays. A published article keeps its live version until the edit is approved.' })
export class EditKnowledgeArticleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an article id (UUID)' })
  articleId: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50_000, { message: 'must be 1 to 50,000 characters' })
  body?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'must have at most 20 tags' })
  @Length(1, 40, { each: true, message: 'must each be 1 to 40 characters' })
  tags?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a category id (UUID)' })
  categoryId?: string;

  @Field({ nullable: true })
  @IsOptional()
  section?: string;

  @Field(() => ArticleVisibility, { nullable: true })
  @IsOptional()
  visibility?: ArticleVisibility;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  ownerId?: string;
}

@InputType({ description: 'A supervisor’s approval; without publishAt (or with one that has passed) the article goes live at once.' })
export class ApproveKnowledgeArticleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an article id (UUID)' })
  articleId: string;

  @Field(() => Date, { nullable: true, description: 'When it is to go live (scheduled publishing).' })
  @IsOptional()
  publishAt?: Date | null;
}

@InputType({ description: 'A reviewer sends the working copy back to its writer.' })
export class SendBackKnowledgeArticleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an article id (UUID)' })
  articleId: string;

  @Field()
  @Length(1, 2000, { message: 'must be 1 to 2,000 characters' })
  comment: string;
}

@InputType({ description: 'Publishes an old version’s text again, as a new version.' })
export class RestoreKnowledgeArticleVersionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an article id (UUID)' })
  articleId: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: 'An article drafted from a solved case, its text taken over with personal data removed.' })
export class DraftArticleFromCaseInput {
  @Field(() => SolvedCaseSource)
  source: SolvedCaseSource;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a case id (UUID)' })
  caseId: string;

  @Field(() => ArticleKind, { defaultValue: ArticleKind.FAQ })
  kind: ArticleKind;

  @Field(() => ArticleLocale)
  locale: ArticleLocale;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a category id (UUID)' })
  categoryId: string;

  @Field()
  section: string;
}

@InputType({ description: '“Was this helpful?” on an article’s live version.' })
export class ArticleFeedbackInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an article id (UUID)' })
  articleId: string;

  @Field()
  helpful: boolean;

  @Field(() => String, { nullable: true, description: 'Why; required when it was not helpful.' })
  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1,000 characters' })
  reason?: string | null;
}
