import { BulkAction } from '@carebridge/help-desk';
import { caller, type RequestContext, scrubbedError } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { InquiryBulkActions } from './inquiry-bulk-actions';
import { BulkInquiryActionInput } from './inquiry-bulk-action.inputs';

@Resolver()
export class InquiryBulkActionResolver {
  constructor(private readonly bulkActions: InquiryBulkActions) {}

  @Authorized('agent', 'supervisor')
  @Mutation(() => BulkAction, {
    description: 'Takes one action on many inquiries (a selection or a saved view): each succeeds or fails on its own, and the whole action is recorded once with every outcome.',
  })
  bulkInquiryAction(@Arg('input', { description: 'The action and the inquiries it is taken on.' }) input: BulkInquiryActionInput, @Ctx() context: RequestContext): Promise<BulkAction> {
    return this.bulkActions.take(input, caller(context), (error, inquiryId) =>
      context.logger?.error({ err: scrubbedError(error), inquiryId }, 'A bulk action failed unexpectedly on an inquiry'),
    );
  }
}
