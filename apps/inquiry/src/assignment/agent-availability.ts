import type { Identity } from '@carebridge/auth';
import { ForbiddenError } from '@carebridge/domain';
import { type DataSource, In } from 'typeorm';
import { DEFAULT_TEAM } from '../agent/agent-team';
import { InquiryAgent } from '../agent/inquiry-agent.entity';
import { Inquiry } from '../inquiry/inquiry.entity';
import { ACTIVE_STATUSES } from '../inquiry/inquiry.enums';
import type { SetAgentAvailabilityInput } from './assignment.inputs';
import type { InquiryAssignment } from './inquiry-assignment';

/** The agents who take inquiries: switching availability on and off, their capacity and team, and their load. */
export class AgentAvailability {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignment: InquiryAssignment,
    private readonly defaultCapacity: number,
  ) {}

  agents(): Promise<InquiryAgent[]> {
    return this.dataSource.getRepository(InquiryAgent).find({ order: { agentId: 'ASC' } });
  }

  openInquiries(agentId: string): Promise<number> {
    return this.dataSource.getRepository(Inquiry).countBy({ assigneeId: agentId, status: In([...ACTIVE_STATUSES]) });
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
      if (agent.available) await this.assignment.assignWaiting(manager);
      return (await manager.findOneBy(InquiryAgent, { agentId })) as InquiryAgent;
    });
  }
}
