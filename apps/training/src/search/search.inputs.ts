import { IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ArticleKind, ArticleLocale, ArticleVisibility } from '../knowledge/knowledge.enums';

@InputType({ description: 'A search of the live articles.' })
export class KnowledgeSearchInput {
  @Field({ description: 'What the reader typed, Chinese or English; the last word may be incomplete.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  text: string;

  @Field(() => ArticleKind, { nullable: true })
  @IsOptional()
  kind?: ArticleKind | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a category id (UUID)' })
  categoryId?: string | null;

  @Field(() => ArticleLocale, { nullable: true })
  @IsOptional()
  locale?: ArticleLocale | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  tag?: string | null;

  @Field(() => ArticleVisibility, { nullable: true, description: 'Staff only; customer apps always see PUBLIC articles.' })
  @IsOptional()
  visibility?: ArticleVisibility | null;

  @Field(() => Int, { defaultValue: 10 })
  @Min(1, { message: 'must be at least 1' })
  @Max(50, { message: 'must be at most 50' })
  first: number;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0, { message: 'must not be negative' })
  @Max(1000, { message: 'must be at most 1,000' })
  offset: number;

  @Field({ defaultValue: true, description: 'false while the reader is still typing: a search without result is then not counted as a content gap.' })
  complete: boolean;
}
