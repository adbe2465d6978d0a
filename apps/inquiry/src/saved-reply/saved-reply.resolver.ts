import { caller, type Connection, ConnectionType, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { SavedReply } from './saved-reply.entity';
import { ArchiveSavedReplyInput, CreateSavedReplyInput, SavedRepliesArgs, UpdateSavedReplyInput } from './saved-reply.inputs';
import type { SavedReplies } from './saved-replies';

const SavedReplyConnection = ConnectionType(SavedReply);

@Resolver(() => SavedReply)
export class SavedReplyResolver {
  constructor(private readonly library: SavedReplies) {}

  @Authorized('agent', 'trainer')
  @Query(() => SavedReplyConnection, { description: "A team's saved replies, by title." })
  savedReplies(@Args() args: SavedRepliesArgs, @Ctx() context: RequestContext): Promise<Connection<SavedReply>> {
    return this.library.list(args, caller(context));
  }

  @Authorized('agent', 'trainer')
  @Mutation(() => SavedReply)
  createSavedReply(@Arg('input') input: CreateSavedReplyInput, @Ctx() context: RequestContext): Promise<SavedReply> {
    return this.library.create(input, caller(context));
  }

  @Authorized('agent', 'trainer')
  @Mutation(() => SavedReply)
  updateSavedReply(@Arg('input') input: UpdateSavedReplyInput): Promise<SavedReply> {
    return this.library.update(input);
  }

  @Authorized('agent', 'trainer')
  @Mutation(() => SavedReply, { description: 'Stops offering a saved reply; messages written from it keep pointing to it.' })
  archiveSavedReply(@Arg('input') input: ArchiveSavedReplyInput): Promise<SavedReply> {
    return this.library.archive(input.id);
  }
}
