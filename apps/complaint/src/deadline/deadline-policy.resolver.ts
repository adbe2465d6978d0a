import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { DeadlinePolicy } from './deadline-policy.entity';
import type { DeadlinePolicies } from './deadline-policies';
import { SetComplaintDeadlinePolicyInput } from './deadline.inputs';

@Resolver(() => DeadlinePolicy)
export class DeadlinePolicyResolver {
  constructor(private readonly policies: DeadlinePolicies) {}

  @Authorized()
  @Query(() => [DeadlinePolicy], { description: 'The feedback target of each urgency (A-3.2.4).' })
  complaintDeadlinePolicies(): Promise<DeadlinePolicy[]> {
    return this.policies.list();
  }

  @Authorized('admin')
  @Mutation(() => DeadlinePolicy, { description: 'Sets the feedback target of one urgency (admins).' })
  setComplaintDeadlinePolicy(@Arg('input') input: SetComplaintDeadlinePolicyInput, @Ctx() context: RequestContext): Promise<DeadlinePolicy> {
    return this.policies.set(input, caller(context));
  }
}
