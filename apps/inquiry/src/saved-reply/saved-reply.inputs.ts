import { PageArgs } from '@carebridge/service-kit';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A saved reply for a team. The body may use {{customerName}}, {{bookingReference}} and {{agentName}}.' })
export class CreateSavedReplyInput {
  @Field()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  team: string;

  @Field()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title: string;

  @Field()
  @Length(1, 10000, { message: 'must be 1 to 10000 characters' })
  body: string;
}

@InputType({ description: 'Changes to a saved reply; fields left out stay as they are.' })
export class UpdateSavedReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id (UUID)' })
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 10000, { message: 'must be 1 to 10000 characters' })
  body?: string;
}

@InputType()
export class ArchiveSavedReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an id (UUID)' })
  id: string;
}

@ArgsType()
export class SavedRepliesArgs extends PageArgs {
  @Field({ nullable: true, description: "The team whose saved replies to list; default: the caller's team." })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  team?: string;
}
