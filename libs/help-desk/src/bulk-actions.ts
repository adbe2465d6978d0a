import type { Identity } from '@carebridge/auth';
import { BadUserInputError, DomainError } from '@carebridge/domain';
import type { Clock, Connection } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { BulkAction, type BulkActionItem, BulkItemOutcome } from './bulk-action.entity';

/** The most items one bulk action takes: a supervisor's working set, not a data migration. */
export const MAX_BULK_ITEMS = 200;

export type UnexpectedFailure = (error: unknown, itemId: string) => void;

/** What a bulk action is asked to do, on which items. */
export interface BulkRequest {
  kind: string;
  itemIds: readonly string[];
  viewId?: string | null;
  parameters: Record<string, unknown>;
}

/**
 * Runs one action on many items: each item through the service's own single-item use case, in its
 * own transaction, so each succeeds or fails on its own with the error a single action would have
 * given; then the whole action is recorded once, with every item's outcome.
 */
export class BulkActions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** `onUnexpected` hears of an item that failed with anything but a domain error (to log it; the item only says it failed). */
  async run(request: BulkRequest, by: Identity, act: (itemId: string) => Promise<unknown>, field = 'input.ids', onUnexpected: UnexpectedFailure = () => undefined): Promise<BulkAction> {
    const itemIds = [...new Set(request.itemIds)];
    if (!itemIds.length) throw BadUserInputError.field(field, 'required', 'must select at least one item');
    if (itemIds.length > MAX_BULK_ITEMS) throw BadUserInputError.field(field, 'size', `must select at most ${MAX_BULK_ITEMS} items`);
    const requestedAt = this.clock.now();
    const items: BulkActionItem[] = [];
    // One after the other: items of one selection often share an assignee whose workload the next item reads.
    for (const itemId of itemIds) {
      try {
        await act(itemId);
        items.push({ itemId, outcome: BulkItemOutcome.SUCCEEDED, errorCode: null, errorMessage: null });
      } catch (error) {
        if (error instanceof DomainError) {
          items.push({ itemId, outcome: BulkItemOutcome.FAILED, errorCode: error.code, errorMessage: error.message });
        } else {
          onUnexpected(error, itemId);
          items.push({ itemId, outcome: BulkItemOutcome.FAILED, errorCode: 'INTERNAL_SERVER_ERROR', errorMessage: 'The action failed unexpectedly on this item' });
        }
      }
    }
    const succeededCount = items.filter((item) => item.outcome === BulkItemOutcome.SUCCEEDED).length;
    const repository = this.dataSource.getRepository(BulkAction);
    return repository.save(
      repository.create({
        kind: request.kind,
        viewId: request.viewId ?? null,
        requestedBy: by.userId,
        requestedAt,
        succeededCount,
        failedCount: items.length - succeededCount,
        items,
        parameters: request.parameters,
      }),
    );
  }

  /** The bulk actions someone took, newest first. */
  takenBy(userId: string, limit = 20): Promise<BulkAction[]> {
    return this.dataSource.getRepository(BulkAction).find({ where: { requestedBy: userId }, order: { requestedAt: 'DESC', id: 'DESC' }, take: limit });
  }
}

/**
 * The ids a list shows now, page after page, for a bulk action on a view; one more than the limit
 * at most, so that a view listing too many is refused rather than cut short without a word.
 */
export async function idsListed(list: (page: { first: number; after?: string }) => Promise<Connection<{ id: string }>>, limit = MAX_BULK_ITEMS): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await list({ first: 100, after });
    ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage || ids.length > limit || !page.pageInfo.endCursor) return ids.slice(0, limit + 1);
    after = page.pageInfo.endCursor;
  }
}
