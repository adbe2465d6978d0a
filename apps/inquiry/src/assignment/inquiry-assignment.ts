import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { EntityManager } from 'typeorm';
import { InquiryAgent } from '../agent/inquiry-agent.entity';
import type { InquiryAssigner } from '../inquiry/inquiry-assigner';
import { recordHistory } from '../inquiry/inquiry-history';
import { Inquiry } from '../inquiry/inquiry.entity';
import { ACTIVE_STATUSES, InquiryHistoryKind } from '../inquiry/inquiry.enums';

const ACTIVE = `('${ACTIVE_STATUSES.join("', '")}')`;

/**
 * Who handles which inquiry: by hand, or round robin among the agents who are available and below
 * their capacity of open inquiries (the one assigned longest ago goes next).
 */
export class InquiryAssignment implements InquiryAssigner {
  constructor(private readonly clock: Clock) {}

  async assignNext(manager: EntityManager, inquiry: Inquiry, actorId: string | null): Promise<boolean> {
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
    await this.give(manager, inquiry, agent, actorId, 'round robin');
    return true;
  }

  async assignTo(manager: EntityManager, inquiry: Inquiry, agentId: string, actorId: string): Promise<void> {
    const agent = await manager.findOne(InquiryAgent, { where: { agentId }, lock: { mode: 'pessimistic_write' } });
    if (!agent) throw BadUserInputError.field('input.agentId', 'known-agent', `must be an agent who has set their availability ("${agentId}" has not)`);
    if (inquiry.assigneeId === agentId) throw new ConflictError(`The inquiry is already assigned to ${agentId}`, { assigneeId: agentId });
    await this.give(manager, inquiry, agent, actorId, 'by hand');
  }

  async assignAnswering(manager: EntityManager, inquiry: Inquiry, answering: Identity): Promise<void> {
    if (inquiry.assigneeId === answering.userId) return;
    const agent = await manager.findOne(InquiryAgent, { where: { agentId: answering.userId }, lock: { mode: 'pessimistic_write' } });
    await this.give(manager, inquiry, agent ?? { agentId: answering.userId, name: answering.name ?? null }, answering.userId, 'who answered the call');
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
      if (!waiting || !(await this.assignNext(manager, waiting, null))) return assigned;
      assigned += 1;
    }
  }

  private async give(manager: EntityManager, inquiry: Inquiry, agent: Pick<InquiryAgent, 'agentId' | 'name'>, actorId: string | null, how: string): Promise<void> {
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
