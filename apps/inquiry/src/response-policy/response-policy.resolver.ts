import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ResponsePolicy } from './response-policy.entity';
import { UpdateResponsePolicyInput } from './response-policy.inputs';
import type { ResponsePolicies } from './response-policies';

@Resolver(() => ResponsePolicy)
export class ResponsePolicyResolver {
  constructor(private readonly policies: ResponsePolicies) {}

  @Authorized()
  @Query(() => [ResponsePolicy], { description: 'The response targets of every channel (A-3.1.1).' })
  responsePolicies(): Promise<ResponsePolicy[]> {
    return this.policies.list();
  }

  @Authorized('admin')
  @Mutation(() => ResponsePolicy, { description: "Changes a channel's response targets (admins)." })
  updateResponsePolicy(@Arg('input') input: UpdateResponsePolicyInput, @Ctx() context: RequestContext): Promise<ResponsePolicy> {
    return this.policies.update(input, caller(context));
  }
}
