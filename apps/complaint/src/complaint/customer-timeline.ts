import {
  type complaintAssigned,
  type complaintClosed,
  complaintCustomerTimelineEntry,
  type complaintRegistered,
  type complaintReopened,
  type complaintResolved,
  type CustomerTimelineEntryData,
  type EventData,
} from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';

/**
 * The steps of a complaint that crm shows on the customer's timeline (T-1.7): registered,
 * assigned, resolved, closed and reopened. Each entry goes out in the step's transaction, beside
 * the step's own event, and takes that event's id: one fact, one entry, however often it is sent.
 * Summaries carry classifications and references, never the customer's words.
 */
export class CustomerTimeline {
  constructor(private readonly outbox: Outbox) {}

  registered(manager: EntityManager, eventId: string, data: EventData<typeof complaintRegistered>): Promise<void> {
    const escalated = data.inquiryId ? ', escalated from an inquiry' : '';
    return this.publish(manager, eventId, {
      customerId: data.customerId,
      complaintId: data.complaintId,
      registrationNumber: data.registrationNumber,
      summary: `Complaint ${data.registrationNumber} registered (${data.category}, ${data.urgency}) via ${data.channel}${escalated}`,
      category: data.category,
      occurredAt: data.registeredAt,
    });
  }

  assigned(manager: EntityManager, eventId: string, data: EventData<typeof complaintAssigned>, registrationNumber: string): Promise<void> {
    const to = data.department ? ` to ${data.department}` : '';
    return this.publish(manager, eventId, {
      customerId: data.customerId,
      complaintId: data.complaintId,
      registrationNumber,
      summary: `Complaint ${registrationNumber} ${data.automatic ? 'assigned automatically' : 'assigned'}${to}`,
      occurredAt: data.assignedAt,
    });
  }

  resolved(manager: EntityManager, eventId: string, data: EventData<typeof complaintResolved>): Promise<void> {
    const compensation = data.compensation.map((item) =>
      item.quantity !== null ? `${item.kind} ${item.quantity}` : item.amount !== null ? `${item.kind} ${item.amount} ${item.currency ?? ''}`.trim() : item.kind,
    );
    return this.publish(manager, eventId, {
      customerId: data.customerId,
      complaintId: data.complaintId,
      registrationNumber: data.registrationNumber,
      summary: `Complaint ${data.registrationNumber} resolved${compensation.length ? `; compensation: ${compensation.join(', ')}` : ''}`,
      occurredAt: data.resolvedAt,
    });
  }

  closed(manager: EntityManager, eventId: string, data: EventData<typeof complaintClosed>): Promise<void> {
    const satisfaction = data.satisfactionScore !== null ? ` (satisfaction ${data.satisfactionScore}/5)` : ' (satisfaction not given)';
    return this.publish(manager, eventId, {
      customerId: data.customerId,
      complaintId: data.complaintId,
      registrationNumber: data.registrationNumber,
      summary: `Complaint ${data.registrationNumber} closed${satisfaction}`,
      occurredAt: data.closedAt,
    });
  }

  reopened(manager: EntityManager, eventId: string, data: EventData<typeof complaintReopened>, registrationNumber: string): Promise<void> {
    return this.publish(manager, eventId, {
      customerId: data.customerId,
      complaintId: data.complaintId,
      registrationNumber,
      summary: `Complaint ${registrationNumber} reopened`,
      occurredAt: data.reopenedAt,
    });
  }

  private async publish(
    manager: EntityManager,
    entryId: string,
    entry: { customerId: string; complaintId: string; registrationNumber: string; summary: string; category?: string; occurredAt: string },
  ): Promise<void> {
    await this.outbox.publish(manager, complaintCustomerTimelineEntry, {
      entryId,
      customerId: entry.customerId,
      kind: 'COMPLAINT',
      summary: entry.summary,
      referenceId: entry.complaintId,
      referenceNumber: entry.registrationNumber,
      category: entry.category ?? null,
      occurredAt: entry.occurredAt,
    } satisfies CustomerTimelineEntryData);
  }
}
