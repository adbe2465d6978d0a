import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InquiryAgent } from '../agent/inquiry-agent.entity';
import type { AgentAvailability } from './agent-availability';
import { SetAgentAvailabilityInput } from './assignment.inputs';

@Resolver(() => InquiryAgent)
export class AssignmentResolver {
  constructor(private readonly availability: AgentAvailability) {}

  @Authorized('agent')
  @Query(() => [InquiryAgent], { description: 'Agents who take inquiries, with their availability.' })
  inquiryAgents(): Promise<InquiryAgent[]> {
    return this.availability.agents();
  }

  @Authorized('agent')
  @Mutation(() => InquiryAgent, { description: 'Switches an agent on or off for automatic assignment.' })
  setAgentAvailability(@Arg('input') input: SetAgentAvailabilityInput, @Ctx() context: RequestContext): Promise<InquiryAgent> {
    return this.availability.setAvailability(input, caller(context));
  }

  @FieldResolver(() => Int, { description: 'Open inquiries the agent holds now.' })
  openInquiries(@Root() agent: InquiryAgent): Promise<number> {
    return this.availability.openInquiries(agent.agentId);
  }
}
