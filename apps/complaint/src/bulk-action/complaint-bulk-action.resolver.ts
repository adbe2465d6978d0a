import { BulkAction } from '@carebridge/help-desk';
import { caller, type RequestContext, scrubbedError } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ComplaintBulkActions } from './complaint-bulk-actions';
import { BulkComplaintActionInput } from './complaint-bulk-action.inputs';

@Resolver()
export class ComplaintBulkActionResolver {
  constructor(private readonly bulkActions: ComplaintBulkActions) {}

  @Authorized('complaint_specialist', 'supervisor')
  @Mutation(() => BulkAction, {
    description: 'Takes one action on many complaints (a selection or a saved view): each succeeds or fails on its own, and the whole action is recorded once with every outcome.',
  })
  bulkComplaintAction(@Arg('input', { description: 'The action and the complaints it is taken on.' }) input: BulkComplaintActionInput, @Ctx() context: RequestContext): Promise<BulkAction> {
    return this.bulkActions.take(input, caller(context), (error, complaintId) =>
      context.logger?.error({ err: scrubbedError(error), complaintId }, 'A bulk action failed unexpectedly on a complaint'),
    );
  }
}
