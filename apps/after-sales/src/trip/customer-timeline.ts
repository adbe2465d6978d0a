import { afterSalesCustomerTimelineEntry, type CustomerTimelineEntryData } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import type { TripSegmentKind } from './trip.enums';

/** A step of a trip, as the timeline tells it. */
export interface TimelineStep {
  tripId: string;
  customerId: string;
  bookingReference: string;
  components: { kind: TripSegmentKind; count: number }[];
  startsAt: Date;
  endsAt: Date;
  occurredAt: Date;
}

const NOUNS: Record<TripSegmentKind, [string, string]> = {
  FLIGHT: ['flight', 'flights'],
  HOTEL: ['hotel stay', 'hotel stays'],
  TOUR: ['tour', 'tours'],
  TRANSFER: ['transfer', 'transfers'],
};

const day = (time: Date) => time.toISOString().slice(0, 10);

/**
 * The steps of a trip that crm shows on the customer's timeline (T-1.7): confirmed, cancelled and
 * completed. Each entry goes out in the step's transaction, beside `trip.*`, and takes that event's
 * id: one fact, one entry. Summaries carry the booking reference, what the trip holds and its
 * dates, never places or names.
 */
export class CustomerTimeline {
  constructor(private readonly outbox: Outbox) {}

  confirmed(manager: EntityManager, eventId: string, step: TimelineStep, reinstated: boolean): Promise<void> {
    return this.publish(manager, eventId, step, `Trip ${step.bookingReference} ${reinstated ? 'reinstated' : 'confirmed'}: ${contents(step)}, ${day(step.startsAt)} to ${day(step.endsAt)}`);
  }

  cancelled(manager: EntityManager, eventId: string, step: TimelineStep): Promise<void> {
    return this.publish(manager, eventId, step, `Trip ${step.bookingReference} cancelled (was ${day(step.startsAt)} to ${day(step.endsAt)})`);
  }

  completed(manager: EntityManager, eventId: string, step: TimelineStep): Promise<void> {
    return this.publish(manager, eventId, step, `Trip ${step.bookingReference} completed: back on ${day(step.endsAt)}`);
  }

  private async publish(manager: EntityManager, entryId: string, step: TimelineStep, summary: string): Promise<void> {
    await this.outbox.publish(manager, afterSalesCustomerTimelineEntry, {
      entryId,
      customerId: step.customerId,
      kind: 'TRIP',
      summary,
      referenceId: step.tripId,
      referenceNumber: step.bookingReference,
      category: null,
      occurredAt: step.occurredAt.toISOString(),
    } satisfies CustomerTimelineEntryData);
  }
}

function contents(step: TimelineStep): string {
  return step.components.map(({ kind, count }) => `${count} ${NOUNS[kind][count === 1 ? 0 : 1]}`).join(', ');
}
