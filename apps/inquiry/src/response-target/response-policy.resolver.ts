import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ResponsePolicy } from './response-policy.entity';
import { UpdateResponsePolicyInput } from './response-policy.inputs';
import type { ResponsePolicyService } from './response-policy.service';

@Resolver(() => ResponsePolicy)
export class ResponsePolicyResolver {
  constructor(private readonly responsePolicyService: ResponsePolicyService) {}

  @Authorized()
  @Query(() => [ResponsePolicy], { description: 'The response targets of every channel (A-3.1.1).' })
  responsePolicies(): Promise<ResponsePolicy[]> {
    return this.responsePolicyService.list();
  }

  @Authorized('admin')
  @Mutation(() => ResponsePolicy, { description: "Changes a channel's response targets (admins)." })
  updateResponsePolicy(@Arg('input') input: UpdateResponsePolicyInput, @Ctx() context: RequestContext): Promise<ResponsePolicy> {
    return this.responsePolicyService.update(input, caller(context));
  }
}
