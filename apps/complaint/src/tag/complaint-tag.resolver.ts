import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import type { ComplaintTagging } from './complaint-tagging';
import { TagComplaintInput } from './complaint-tag.inputs';

@Resolver(() => Complaint)
export class ComplaintTagResolver {
  constructor(private readonly tagging: ComplaintTagging) {}

  @Authorized('agent', 'complaint_specialist', 'supervisor')
  @Mutation(() => Complaint, { description: 'Adds and removes tags of a complaint; the timeline records the change.' })
  tagComplaint(@Arg('input', { description: 'The complaint and the tags to add and to remove.' }) input: TagComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.tagging.tag(input, caller(context));
  }
}
