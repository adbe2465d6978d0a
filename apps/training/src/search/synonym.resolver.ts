import { caller, type RequestContext } from '@carebridge/service-kit';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ArticleLocale } from '../knowledge/knowledge.enums';
import { KnowledgeSynonymChange, KnowledgeSynonymGroup } from './synonym.entity';
import type { SynonymList } from './synonym-list';

@InputType({ description: 'A synonym group: terms of one language a knowledge search treats as one.' })
export class SaveKnowledgeSynonymsInput {
  @Field(() => ID, { nullable: true, description: 'The group to change; none: a new group.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a synonym group id (UUID)' })
  id?: string | null;

  @Field(() => ArticleLocale, { description: 'The language of the terms; a changed group keeps its language.' })
  locale: ArticleLocale;

  @Field(() => [String], { description: 'Two to twenty terms: words or phrases of up to four words (EN), Chinese characters (ZH_CN).' })
  @ArrayMinSize(2, { message: 'must hold at least two terms' })
  @ArrayMaxSize(20, { message: 'must hold at most 20 terms' })
  @Length(1, 60, { each: true, message: 'each term must be 1 to 60 characters' })
  terms: string[];
}

@Resolver(() => KnowledgeSynonymGroup)
export class KnowledgeSynonymResolver {
  constructor(private readonly synonyms: SynonymList) {}

  @Authorized('trainer', 'supervisor')
  @Query(() => [KnowledgeSynonymGroup], { description: 'The synonym list knowledge search applies, per language.' })
  knowledgeSynonyms(@Arg('locale', () => ArticleLocale, { nullable: true, description: 'Only the groups of this language; null for all languages.' }) locale?: ArticleLocale | null): Promise<KnowledgeSynonymGroup[]> {
    return this.synonyms.list(locale);
  }

  @Authorized('trainer', 'supervisor')
  @Query(() => [KnowledgeSynonymChange], { description: 'Changes of the synonym list, newest first: of one group, or of all.' })
  knowledgeSynonymChanges(
    @Arg('groupId', () => ID, { nullable: true, description: 'Only the changes of this synonym group; null for the changes of all groups.' }) groupId?: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'How many changes to return, newest first (1 to 500; default 100).' }) first = 100,
  ): Promise<KnowledgeSynonymChange[]> {
    return this.synonyms.changes(groupId, Math.min(Math.max(first, 1), 500));
  }

  @Authorized('trainer')
  @Mutation(() => KnowledgeSynonymGroup, { description: 'Creates a synonym group, or replaces the terms of one; searches use it at once.' })
  saveKnowledgeSynonyms(@Arg('input', { description: 'The group to create (no id) or whose terms to replace (its id).' }) input: SaveKnowledgeSynonymsInput, @Ctx() context: RequestContext): Promise<KnowledgeSynonymGroup> {
    return this.synonyms.save(input, caller(context));
  }

  @Authorized('trainer')
  @Mutation(() => KnowledgeSynonymGroup, { description: 'Removes a synonym group; the change stays on record.' })
  removeKnowledgeSynonyms(@Arg('id', () => ID, { description: 'The synonym group to remove.' }) id: string, @Ctx() context: RequestContext): Promise<KnowledgeSynonymGroup> {
    return this.synonyms.remove(id, caller(context));
  }
}
