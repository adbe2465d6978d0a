import type { Identity } from '@carebridge/auth';
import { BadUserInputError, type Clock, ConflictError, ForbiddenError } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { recordHistory } from '../inquiry/inquiry-history';
import { ACTIVE_STATUSES, Inquiry, InquiryHistoryKind } from '../inquiry/inquiry.entity';
import type { SetAgentAvailabilityInput } from './assignment.inputs';
import { DEFAULT_TEAM, InquiryAgent } from './inquiry-agent.entity';

const ACTIVE = `('${ACTIVE_STATUSES.join("', '")}')`;

/**
 * Who handles which inquiry: by hand, or round robin among the agents who are available and below
 * their capacity of open inquiries (the one assigned longest ago goes next).
 */
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly defaultCapacity: number,
  ) {}

  agents(): Promise<InquiryAgent[]> {
    return this.dataSource.getRepository(InquiryAgent).find({ order: { agentId: 'ASC' } });
  }

  findAgent(agentId: string): Promise<InquiryAgent | null> {
    return this.dataSource.getRepository(InquiryAgent).findOneBy({ agentId });
  }

  async openInquiries(agentId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM inquiry WHERE assignee_id = $1 AND status IN ${ACTIVE}`, [agentId]);
    return row.n;
  }

  /** Switches availability; an agent who becomes available takes waiting unassigned inquiries at once. */
  async setAvailability(input: SetAgentAvailabilityInput, by: Identity): Promise<InquiryAgent> {
    const agentId = input.agentId ?? by.userId;
    const admin = by.roles.includes('admin');
    if (agentId !== by.userId && !admin) throw new ForbiddenError("Only an admin may change another agent's availability");
    if ((input.capacity != null || input.team != null) && !admin) throw new ForbiddenError("Only an admin may change an agent's capacity or team");
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(InquiryAgent, { where: { agentId }, lock: { mode: 'pessimistic_write' } });
      const agent: InquiryAgent = {
        agentId,
        name: agentId === by.userId ? (by.name ?? current?.name ?? null) : (current?.name ?? null),
        team: input.team ?? current?.team ?? DEFAULT_TEAM,
        capacity: input.capacity ?? current?.capacity ?? this.defaultCapacity,
        available: input.available,
        lastAssignedAt: current?.lastAssignedAt ?? null,
      };
      await manager.upsert(InquiryAgent, agent, ['agentId']);
      if (agent.available) await this.assignWaiting(manager);
      return (await manager.findOneBy(InquiryAgent, { agentId })) as InquiryAgent;
    });
  }

  /** Assigns a locked inquiry to the next available agent; false when nobody has room. */
  async assignRoundRobin(manager: EntityManager, inquiry: Inquiry, actorId: string | null): Promise<boolean> {
    // SKIP LOCKED: two inquiries assigned at the same moment go to different agents.
    const [next]: { agent_id: string }[] = await manager.query(
      `SELECT a.agent_id FROM inquiry_agent a
        WHERE a.available AND a.agent_id IS DISTINCT FROM $1
          AND (SELECT count(*) FROM inquiry i WHERE i.assignee_id = a.agent_id AND i.status IN ${ACTIVE}) < a.capacity
        ORDER BY a.last_assigned_at NULLS FIRST, a.agent_id
        LIMIT 1 FOR UPDATE OF a SKIP LOCKED`,
      [inquiry.assigneeId],
    );
    if (!next) return false;
    const agent = (await manager.findOneBy(InquiryAgent, { agentId: next.agent_id })) as InquiryAgent;
    await this.assignTo(manager, inquiry, agent, actorId, 'round robin');
    return true;
  }

  /** Assigns a locked inquiry to a named agent; a supervisor's choice may exceed the agent's capacity. */
  async assignManually(manager: EntityManager, inquiry: Inquiry, agentId: string, actorId: string): Promise<void> {
    const agent = await manager.findOne(InquiryAgent, { where: { agentId }, lock: { mode: 'pessimistic_write' } });
    if (!agent) throw BadUserInputError.field('input.agentId', 'known-agent', `must be an agent who has set their availability ("${agentId}" has not)`);
    if (inquiry.assigneeId === agentId) throw new ConflictError(`The inquiry is already assigned to ${agentId}`, { assigneeId: agentId });
    await this.assignTo(manager, inquiry, agent, actorId, 'by hand');
  }

  /** Gives unassigned open inquiries, most urgent first, to agents with room; returns how many. */
  async assignWaiting(manager: EntityManager): Promise<number> {
    let assigned = 0;
    for (;;) {
      const waiting = await manager
        .createQueryBuilder(Inquiry, 'inquiry')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('inquiry.assigneeId IS NULL')
        .andWhere(`inquiry.status IN ${ACTIVE}`)
        .orderBy('inquiry.nextDueAt', 'ASC', 'NULLS LAST')
        .addOrderBy('inquiry.receivedAt', 'ASC')
        .limit(1)
        .getOne();
      if (!waiting || !(await this.assignRoundRobin(manager, waiting, null))) return assigned;
      assigned += 1;
    }
  }

  private async assignTo(manager: EntityManager, inquiry: Inquiry, agent: InquiryAgent, actorId: string | null, how: string): Promise<void> {
    const now = this.clock.now();
    const previous = inquiry.assigneeId;
    inquiry.assigneeId = agent.agentId;
    inquiry.assigneeName = agent.name;
    inquiry.assignedAt = now;
    await manager.update(Inquiry, { id: inquiry.id }, { assigneeId: agent.agentId, assigneeName: agent.name, assignedAt: now, updatedAt: now });
    await manager.update(InquiryAgent, { agentId: agent.agentId }, { lastAssignedAt: now });
    const detail = `Assigned to ${agent.name ?? agent.agentId} ${how}${previous ? ` (was ${previous})` : ''}`;
    await recordHistory(manager, inquiry.id, InquiryHistoryKind.ASSIGNED, detail, actorId, now);
  }
}
