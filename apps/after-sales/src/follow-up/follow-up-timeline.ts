import { afterSalesCustomerTimelineEntry, type CustomerTimelineEntryData } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';

/** One entry on the customer's timeline in crm (T-1.7): classifications and figures, never the customer's words. */
export interface FollowUpTimelineEntry {
  entryId: string;
  customerId: string;
  kind: 'SURVEY' | 'SERVICE_RECOVERY';
  summary: string;
  referenceId: string;
  referenceNumber: string | null;
  category: string | null;
  occurredAt: Date;
}

/** Publishes after-sales' follow-up steps to crm's timeline, in the step's transaction, under the id of its domain event. */
export class FollowUpTimeline {
  constructor(private readonly outbox: Outbox) {}

  async record(manager: EntityManager, entry: FollowUpTimelineEntry): Promise<void> {
    await this.outbox.publish(manager, afterSalesCustomerTimelineEntry, { ...entry, occurredAt: entry.occurredAt.toISOString() } satisfies CustomerTimelineEntryData);
  }
}
