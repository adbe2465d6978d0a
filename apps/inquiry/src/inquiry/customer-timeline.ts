import {
  type CustomerTimelineEntryData,
  type EventData,
  inquiryCustomerTimelineEntry,
  type inquiryClosed,
  type inquiryEscalated,
  type inquiryReceived,
  type orderChangeCompleted,
  type orderChangeRequested,
  type TimelineKind,
} from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';

/**
 * The steps of an inquiry and its order changes that crm shows on the customer's timeline (T-1.7):
 * received, closed, escalated; an order change requested and completed. Each entry goes out in the
 * step's transaction, beside the step's own event, and takes that event's id: one fact, one entry,
 * however often it is sent. Only a known customer has a timeline: an inquiry given by contact
 * details alone has none (it joins the customer's when linked). Summaries carry classifications
 * and references, never the customer's words.
 */
export class CustomerTimeline {
  constructor(private readonly outbox: Outbox) {}

  received(manager: EntityManager, eventId: string, data: EventData<typeof inquiryReceived>): Promise<void> {
    return this.publish(manager, eventId, data.customerId, {
      kind: 'INQUIRY',
      summary: `Inquiry received via ${data.channel} (${data.category})`,
      referenceId: data.inquiryId,
      category: data.category,
      occurredAt: data.receivedAt,
    });
  }

  /** How satisfied the customer was, never why: their words stay with the inquiry. */
  closed(manager: EntityManager, eventId: string, data: EventData<typeof inquiryClosed>): Promise<void> {
    const satisfied = data.satisfied === null ? 'satisfaction not asked' : data.satisfied ? 'satisfied' : 'not satisfied';
    const score = data.satisfactionScore !== null ? ` ${data.satisfactionScore}/5` : '';
    return this.publish(manager, eventId, data.customerId, {
      kind: 'INQUIRY',
      summary: `Inquiry (${data.category}) closed, ${satisfied}${score}`,
      referenceId: data.inquiryId,
      category: data.category,
      occurredAt: data.closedAt,
    });
  }

  escalated(manager: EntityManager, eventId: string, data: EventData<typeof inquiryEscalated>): Promise<void> {
    return this.publish(manager, eventId, data.customerId, {
      kind: 'INQUIRY',
      summary: `Inquiry escalated to a complaint (${data.category}, ${data.urgency})`,
      referenceId: data.inquiryId,
      category: data.category,
      occurredAt: data.escalatedAt,
    });
  }

  orderChangeRequested(manager: EntityManager, eventId: string, data: EventData<typeof orderChangeRequested>): Promise<void> {
    return this.publish(manager, eventId, data.customerId, {
      kind: 'ORDER_CHANGE',
      summary: `Order change requested: ${data.kind} of booking ${data.bookingReference}`,
      referenceId: data.orderChangeId,
      referenceNumber: data.bookingReference,
      occurredAt: data.requestedAt,
    });
  }

  /** Done or rejected; the reason stays with the order change. */
  orderChangeCompleted(manager: EntityManager, eventId: string, data: EventData<typeof orderChangeCompleted>): Promise<void> {
    return this.publish(manager, eventId, data.customerId, {
      kind: 'ORDER_CHANGE',
      summary: `Order change ${data.kind} of booking ${data.bookingReference} ${data.outcome === 'DONE' ? 'done' : 'rejected'}`,
      referenceId: data.orderChangeId,
      referenceNumber: data.bookingReference,
      occurredAt: data.completedAt,
    });
  }

  private async publish(
    manager: EntityManager,
    entryId: string,
    customerId: string | null,
    entry: { kind: TimelineKind; summary: string; referenceId: string; referenceNumber?: string; category?: string; occurredAt: string },
  ): Promise<void> {
    if (!customerId) return;
    await this.outbox.publish(manager, inquiryCustomerTimelineEntry, {
      entryId,
      customerId,
      kind: entry.kind,
      summary: entry.summary,
      referenceId: entry.referenceId,
      referenceNumber: entry.referenceNumber ?? null,
      category: entry.category ?? null,
      occurredAt: entry.occurredAt,
    } satisfies CustomerTimelineEntryData);
  }
}
