import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { type BulkAction, type BulkActions, idsListed, MAX_BULK_ITEMS, type SavedViews, type UnexpectedFailure } from '@carebridge/help-desk';
import type { ComplaintAssignment } from '../complaint/complaint-assignment';
import type { ComplaintClassification } from '../complaint/complaint-classification';
import type { ComplaintClosing } from '../complaint/complaint-closing';
import type { ComplaintQueries } from '../complaint/complaint-queries';
import type { ComplaintFilter, ComplaintOrder } from '../complaint/complaint.inputs';
import type { ComplaintView } from '../saved-view/complaint-view.entity';
import type { ComplaintTagging } from '../tag/complaint-tagging';
import { type BulkComplaintActionInput, ComplaintBulkActionKind } from './complaint-bulk-action.inputs';

/** The single-complaint use cases a bulk action runs on each complaint. */
export interface ComplaintActions {
  assignment: ComplaintAssignment;
  tagging: ComplaintTagging;
  classification: ComplaintClassification;
  closing: ComplaintClosing;
  queries: ComplaintQueries;
}

/**
 * Bulk work on complaints: assign, reassign, tag, set the urgency or close many at once. Each
 * complaint goes through the same use case as a single action, so the procedure's rules hold per
 * complaint (a complaint not yet resolved is not closed: its item fails with CONFLICT).
 */
export class ComplaintBulkActions {
  constructor(
    private readonly bulk: BulkActions,
    private readonly views: SavedViews<ComplaintView, ComplaintFilter>,
    private readonly actions: ComplaintActions,
  ) {}

  async take(input: BulkComplaintActionInput, actor: Identity, onUnexpected?: UnexpectedFailure): Promise<BulkAction> {
    const act = this.actionOf(input, actor);
    const complaintIds = await this.selection(input, actor);
    const parameters = { assigneeId: input.assigneeId ?? null, reason: input.reason ?? null, addTags: input.addTags ?? [], removeTags: input.removeTags ?? [], urgency: input.urgency ?? null };
    return this.bulk.run({ kind: input.action, itemIds: complaintIds, viewId: input.viewId ?? null, parameters }, actor, act, input.viewId ? 'input.viewId' : 'input.complaintIds', onUnexpected);
  }

  private async selection(input: BulkComplaintActionInput, actor: Identity): Promise<string[]> {
    if (!!input.complaintIds?.length === !!input.viewId) throw BadUserInputError.field('input.complaintIds', 'selection', 'must give either complaintIds or viewId');
    if (input.complaintIds?.length) return input.complaintIds;
    const view = await this.views.seen(input.viewId as string, actor);
    const filter = this.views.filterOf(view);
    const orderBy = (view.orderBy as ComplaintOrder | null) ?? undefined;
    const ids = await idsListed((page) => this.actions.queries.list({ ...page, filter, orderBy }));
    if (ids.length > MAX_BULK_ITEMS) throw BadUserInputError.field('input.viewId', 'size', `the view lists more than ${MAX_BULK_ITEMS} complaints; narrow it first`);
    return ids;
  }

  /** What is done to each complaint; the parameters each action needs are checked before any complaint is touched. */
  private actionOf(input: BulkComplaintActionInput, actor: Identity): (complaintId: string) => Promise<unknown> {
    const { assignment, tagging, classification, closing } = this.actions;
    switch (input.action) {
      case ComplaintBulkActionKind.ASSIGN:
        return (complaintId) => assignment.assign({ complaintId, assigneeId: input.assigneeId ?? undefined }, actor);
      case ComplaintBulkActionKind.REASSIGN:
        if (!input.assigneeId) throw BadUserInputError.field('input.assigneeId', 'required', 'must name the handler to reassign to');
        if (!input.reason?.trim()) throw BadUserInputError.field('input.reason', 'required', 'must say why the complaints are reassigned');
        return (complaintId) => assignment.assign({ complaintId, assigneeId: input.assigneeId ?? undefined, reason: input.reason ?? undefined }, actor);
      case ComplaintBulkActionKind.TAG:
        if (!input.addTags?.length && !input.removeTags?.length) throw BadUserInputError.field('input.addTags', 'required', 'must name tags to add or to remove');
        return (complaintId) => tagging.tag({ complaintId, add: input.addTags ?? [], remove: input.removeTags ?? [] }, actor);
      case ComplaintBulkActionKind.SET_URGENCY:
        if (!input.urgency) throw BadUserInputError.field('input.urgency', 'required', 'must give the urgency');
        return (complaintId) => classification.classify({ complaintId, urgency: input.urgency ?? undefined }, actor);
      case ComplaintBulkActionKind.CLOSE:
        if (!input.reason?.trim()) throw BadUserInputError.field('input.reason', 'required', 'must say why the complaints close without a satisfaction score');
        return (complaintId) => closing.close({ complaintId, withoutSatisfactionReason: input.reason }, actor);
    }
  }
}
