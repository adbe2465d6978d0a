import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { ComplaintHandler } from './complaint-handler.entity';
import type { SetComplaintHandlerInput } from './complaint-handler.inputs';

export interface HandlerWithLoad {
  handler: ComplaintHandler;
  openComplaints: number;
}

/** Statuses in which a complaint still needs its handler's work. */
export const OPEN_STATUSES = ['REGISTERED', 'ASSIGNED', 'IN_PROGRESS', 'FEEDBACK_GIVEN', 'REOPENED'];

/** The roster of complaint specialists and who takes the next complaint. */
export class ComplaintHandlerRoster {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async set(input: SetComplaintHandlerInput): Promise<ComplaintHandler> {
    const now = this.clock.now();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ComplaintHandler)
      .values({ userId: input.userId.trim(), name: input.name.trim(), department: input.department?.trim() || null, active: input.active, updatedAt: now })
      .orUpdate(['name', 'department', 'active', 'updated_at'], ['user_id'])
      .execute();
    return this.dataSource.getRepository(ComplaintHandler).findOneByOrFail({ userId: input.userId.trim() });
  }

  async list(): Promise<HandlerWithLoad[]> {
    const handlers = await this.dataSource.getRepository(ComplaintHandler).find({ order: { name: 'ASC', userId: 'ASC' } });
    const load = await openLoad(this.dataSource.manager, handlers.map((h) => h.userId));
    return handlers.map((handler) => ({ handler, openComplaints: load.get(handler.userId) ?? 0 }));
  }

  /** The active handler a manual assignment names; refused when not on the roster or inactive. */
  async named(manager: EntityManager, userId: string): Promise<ComplaintHandler> {
    const handler = await manager.findOne(ComplaintHandler, { where: { userId }, lock: { mode: 'pessimistic_write' } });
    if (!handler?.active) throw BadUserInputError.field('input.assigneeId', 'handler', `"${userId}" is not an active complaint handler`);
    return handler;
  }

  /**
   * The active handler with the fewest open complaints; on a tie the one who got a complaint
   * longest ago (round robin). The roster rows are locked, so two automatic assignments at the
   * same moment see each other's choice. A reassignment passes the current assignee, who is skipped.
   */
  async next(manager: EntityManager, skip: string | null = null): Promise<ComplaintHandler> {
    const roster = await manager.find(ComplaintHandler, { where: { active: true }, order: { userId: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const handlers = roster.filter((h) => h.userId !== skip);
    if (!handlers.length) throw BadUserInputError.field('input.assigneeId', 'handler', 'no active complaint handler to assign automatically; name the assignee');
    const load = await openLoad(manager, handlers.map((h) => h.userId));
    const rank = (h: ComplaintHandler) => [load.get(h.userId) ?? 0, h.lastAssignedAt?.getTime() ?? -Infinity] as const;
    return handlers.reduce((best, h) => {
      const [a, b] = [rank(h), rank(best)];
      return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? h : best;
    });
  }

  async markAssigned(manager: EntityManager, handler: ComplaintHandler, at: Date): Promise<void> {
    await manager.update(ComplaintHandler, { userId: handler.userId }, { lastAssignedAt: at });
  }
}

async function openLoad(manager: EntityManager, userIds: string[]): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const rows: { assignee_id: string; open: number }[] = await manager.query(
    `SELECT assignee_id, count(*)::int AS open FROM complaint WHERE assignee_id = ANY($1) AND status = ANY($2::complaint_status[]) GROUP BY assignee_id`,
    [userIds, OPEN_STATUSES],
  );
  return new Map(rows.map((r) => [r.assignee_id, r.open]));
}
