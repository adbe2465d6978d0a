import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, NotFoundError } from '@carebridge/domain';
import { type Clock, type Connection, paginate } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_TEAM } from '../agent/agent-team';
import { InquiryAgent } from '../agent/inquiry-agent.entity';
import { checkPlaceholders } from './saved-reply-placeholders';
import { SavedReply } from './saved-reply.entity';
import type { CreateSavedReplyInput, SavedRepliesArgs, UpdateSavedReplyInput } from './saved-reply.inputs';

/** Saved replies (macros) kept per team: listed, written, changed and archived; offered to a reply while in use. */
export class SavedReplies {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A team's saved replies; without a team, those of the caller's team. */
  async list(args: SavedRepliesArgs, by: Identity): Promise<Connection<SavedReply>> {
    const team = args.team?.trim() || (await this.dataSource.getRepository(InquiryAgent).findOneBy({ agentId: by.userId }))?.team || DEFAULT_TEAM;
    const query = this.dataSource
      .getRepository(SavedReply)
      .createQueryBuilder('reply')
      .where('reply.team = :team', { team })
      .andWhere('reply.archivedAt IS NULL');
    return paginate(query, args, { sortKey: 'title', direction: 'ASC' });
  }

  async create(input: CreateSavedReplyInput, by: Identity): Promise<SavedReply> {
    checkPlaceholders(input.body, 'input.body');
    const now = this.clock.now();
    const repository = this.dataSource.getRepository(SavedReply);
    return repository.save(repository.create({ team: input.team.trim(), title: input.title.trim(), body: input.body, createdBy: by.userId, archivedAt: null, createdAt: now, updatedAt: now }));
  }

  async update(input: UpdateSavedReplyInput): Promise<SavedReply> {
    if (input.body !== undefined) checkPlaceholders(input.body, 'input.body');
    return this.dataSource.transaction(async (manager) => {
      const reply = await this.lockedActive(manager, input.id);
      if (input.title !== undefined) reply.title = input.title.trim();
      if (input.body !== undefined) reply.body = input.body;
      reply.updatedAt = this.clock.now();
      return manager.save(reply);
    });
  }

  async archive(id: string): Promise<SavedReply> {
    return this.dataSource.transaction(async (manager) => {
      const reply = await this.lockedActive(manager, id);
      reply.archivedAt = this.clock.now();
      return manager.save(reply);
    });
  }

  /** A saved reply that may be used now, in the caller's transaction. */
  async usable(manager: EntityManager, id: string): Promise<SavedReply> {
    const reply = await manager.findOneBy(SavedReply, { id });
    if (!reply || reply.archivedAt) throw BadUserInputError.field('input.savedReplyId', 'saved-reply', `must be a saved reply in use ("${id}" is not)`);
    return reply;
  }

  private async lockedActive(manager: EntityManager, id: string): Promise<SavedReply> {
    const reply = await manager.findOne(SavedReply, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!reply) throw new NotFoundError('SavedReply', id);
    if (reply.archivedAt) throw new ConflictError('The saved reply is archived', { archivedAt: reply.archivedAt.toISOString() });
    return reply;
  }
}
