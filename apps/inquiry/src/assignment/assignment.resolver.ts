import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SetAgentAvailabilityInput } from './assignment.inputs';
import type { AssignmentService } from './assignment.service';
import { InquiryAgent } from './inquiry-agent.entity';

@Resolver(() => InquiryAgent)
export class AssignmentResolver {
  constructor(private readonly assignmentService: AssignmentService) {}

  @Authorized('agent')
  @Query(() => [InquiryAgent], { description: 'Agents who take inquiries, with their availability.' })
  inquiryAgents(): Promise<InquiryAgent[]> {
    return this.assignmentService.agents();
  }

  @Authorized('agent')
  @Mutation(() => InquiryAgent, { description: 'Switches an agent on or off for automatic assignment.' })
  setAgentAvailability(@Arg('input') input: SetAgentAvailabilityInput, @Ctx() context: RequestContext): Promise<InquiryAgent> {
    return this.assignmentService.setAvailability(input, caller(context));
  }

  @FieldResolver(() => Int, { description: 'Open inquiries the agent holds now.' })
  openInquiries(@Root() agent: InquiryAgent): Promise<number> {
    return this.assignmentService.openInquiries(agent.agentId);
  }
}
