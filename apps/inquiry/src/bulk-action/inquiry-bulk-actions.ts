import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, NotFoundError } from '@carebridge/domain';
import { type BulkAction, type BulkActions, idsListed, MAX_BULK_ITEMS, type SavedViews, type UnexpectedFailure } from '@carebridge/help-desk';
import type { InquiryClassification } from '../inquiry/inquiry-classification';
import type { InquiryClosing } from '../inquiry/inquiry-closing';
import type { InquiryHandling } from '../inquiry/inquiry-handling';
import type { InquiryQueries } from '../inquiry/inquiry-queries';
import type { InquiryFilter, InquiryOrder } from '../inquiry/inquiry.inputs';
import type { InquiryView } from '../saved-view/inquiry-view.entity';
import { type BulkInquiryActionInput, InquiryBulkActionKind } from './inquiry-bulk-action.inputs';

/** The single-inquiry use cases a bulk action runs on each inquiry. */
export interface InquiryActions {
  handling: InquiryHandling;
  classification: InquiryClassification;
  closing: InquiryClosing;
  inquiries: InquiryQueries;
}

/**
 * Bulk work on inquiries: assign, reassign, tag, set the priority or close many at once, each
 * inquiry through the same use case as a single action (a merged or closed inquiry's item fails
 * as that action would).
 */
export class InquiryBulkActions {
  constructor(
    private readonly bulk: BulkActions,
    private readonly views: SavedViews<InquiryView, InquiryFilter>,
    private readonly actions: InquiryActions,
  ) {}

  async take(input: BulkInquiryActionInput, actor: Identity, onUnexpected?: UnexpectedFailure): Promise<BulkAction> {
    const act = this.actionOf(input, actor);
    const inquiryIds = await this.selection(input, actor);
    const parameters = { agentId: input.agentId ?? null, reason: input.reason ?? null, addTags: input.addTags ?? [], removeTags: input.removeTags ?? [], priority: input.priority ?? null };
    return this.bulk.run({ kind: input.action, itemIds: inquiryIds, viewId: input.viewId ?? null, parameters }, actor, act, input.viewId ? 'input.viewId' : 'input.inquiryIds', onUnexpected);
  }

  private async selection(input: BulkInquiryActionInput, actor: Identity): Promise<string[]> {
    if (!!input.inquiryIds?.length === !!input.viewId) throw BadUserInputError.field('input.inquiryIds', 'selection', 'must give either inquiryIds or viewId');
    if (input.inquiryIds?.length) return input.inquiryIds;
    const view = await this.views.seen(input.viewId as string, actor);
    const filter = this.views.filterOf(view);
    const orderBy = (view.orderBy as InquiryOrder | null) ?? undefined;
    const ids = await idsListed((page) => this.actions.inquiries.list({ ...page, filter, orderBy }));
    if (ids.length > MAX_BULK_ITEMS) throw BadUserInputError.field('input.viewId', 'size', `the view lists more than ${MAX_BULK_ITEMS} inquiries; narrow it first`);
    return ids;
  }

  /** What is done to each inquiry; the parameters each action needs are checked before any inquiry is touched. */
  private actionOf(input: BulkInquiryActionInput, actor: Identity): (inquiryId: string) => Promise<unknown> {
    const { handling, classification, closing, inquiries } = this.actions;
    switch (input.action) {
      case InquiryBulkActionKind.ASSIGN:
        return async (inquiryId) => {
          const inquiry = await inquiries.findById(inquiryId);
          if (!inquiry) throw new NotFoundError('Inquiry', inquiryId);
          // ASSIGN leaves held inquiries with their agent; moving them is REASSIGN.
          if (inquiry.assigneeId) throw new ConflictError(`Inquiry ${inquiryId} is already assigned; reassign it instead`, { assigneeId: inquiry.assigneeId });
          return handling.assign({ inquiryId, agentId: input.agentId ?? null }, actor);
        };
      case InquiryBulkActionKind.REASSIGN:
        if (!input.agentId) throw BadUserInputError.field('input.agentId', 'required', 'must name the agent to reassign to');
        return (inquiryId) => handling.assign({ inquiryId, agentId: input.agentId }, actor);
      case InquiryBulkActionKind.TAG:
        if (!input.addTags?.length && !input.removeTags?.length) throw BadUserInputError.field('input.addTags', 'required', 'must name tags to add or to remove');
        return (inquiryId) => classification.tag({ inquiryId, add: input.addTags ?? [], remove: input.removeTags ?? [] }, actor);
      case InquiryBulkActionKind.SET_PRIORITY:
        if (!input.priority) throw BadUserInputError.field('input.priority', 'required', 'must give the priority');
        return (inquiryId) => classification.setPriority({ inquiryId, priority: input.priority as NonNullable<typeof input.priority> }, actor);
      case InquiryBulkActionKind.CLOSE:
        if (!input.reason?.trim()) throw BadUserInputError.field('input.reason', 'required', 'must say why the inquiries close without the customer’s satisfaction');
        return (inquiryId) => closing.close({ inquiryId, closedWithoutSatisfactionReason: input.reason }, actor);
    }
  }
}
