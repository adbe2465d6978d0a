import { BOOKING_SEGMENT_KINDS, type EventData, tripCancelled, tripChanged, tripCompleted, tripConfirmed } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import type { CustomerTimeline, TimelineStep } from './customer-timeline';
import type { TripSegment } from './trip-segment.entity';
import type { Trip } from './trip.entity';
import type { TripSegmentKind, TripStepSource } from './trip.enums';

/** How the segments of a booking changed from one state to the next. */
export interface SegmentChanges {
  added: number;
  removed: number;
  changed: number;
}

/**
 * The trip's steps as others learn of them: `trip.confirmed`, `.changed`, `.cancelled` and
 * `.completed` in the step's transaction (transactional outbox), and the customer's timeline entry
 * for each but a change.
 */
export class TripAnnouncements {
  constructor(
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
  ) {}

  async confirmed(manager: EntityManager, trip: Trip, segments: TripSegment[], via: TripStepSource, reinstated: boolean): Promise<void> {
    const id = await this.outbox.publish(manager, tripConfirmed, { ...tripData(trip, segments, via), confirmedAt: iso(trip.confirmedAt ?? trip.bookingChangedAt), reinstated });
    await this.timeline.confirmed(manager, id, step(trip, segments, trip.confirmedAt ?? trip.bookingChangedAt), reinstated);
  }

  async changed(manager: EntityManager, trip: Trip, segments: TripSegment[], via: TripStepSource, changes: SegmentChanges): Promise<void> {
    await this.outbox.publish(manager, tripChanged, {
      ...tripData(trip, segments, via),
      changedAt: iso(trip.bookingChangedAt),
      segmentsAdded: changes.added,
      segmentsRemoved: changes.removed,
      segmentsChanged: changes.changed,
    });
  }

  async cancelled(manager: EntityManager, trip: Trip, segments: TripSegment[], via: TripStepSource): Promise<void> {
    const at = trip.cancelledAt ?? trip.bookingChangedAt;
    const id = await this.outbox.publish(manager, tripCancelled, { ...tripData(trip, segments, via), cancelledAt: iso(at) });
    await this.timeline.cancelled(manager, id, step(trip, segments, at));
  }

  async completed(manager: EntityManager, trip: Trip, segments: TripSegment[], via: TripStepSource): Promise<void> {
    const at = trip.completedAt ?? trip.bookingChangedAt;
    const id = await this.outbox.publish(manager, tripCompleted, { ...tripData(trip, segments, via), completedAt: iso(at) });
    await this.timeline.completed(manager, id, step(trip, segments, at));
  }
}

const iso = (time: Date) => time.toISOString();

/** The kinds of segment a trip holds, in one order, with how many of each. */
export function tripComponents(segments: TripSegment[]): { kind: TripSegmentKind; count: number }[] {
  const current = segments.filter((segment) => !segment.removedAt);
  return BOOKING_SEGMENT_KINDS.map((kind) => ({ kind, count: current.filter((segment) => segment.kind === kind).length })).filter(({ count }) => count > 0);
}

function tripData(trip: Trip, segments: TripSegment[], via: TripStepSource): Omit<EventData<typeof tripConfirmed>, 'confirmedAt' | 'reinstated'> {
  return {
    tripId: trip.id,
    // Trips of erased customers take no steps any more (their bookings are ignored), so the reference is there.
    bookingReference: trip.bookingReference ?? '',
    customerId: trip.customerId,
    startsAt: iso(trip.startsAt),
    endsAt: iso(trip.endsAt),
    components: tripComponents(segments).map(({ kind }) => kind),
    via,
  };
}

function step(trip: Trip, segments: TripSegment[], occurredAt: Date): TimelineStep {
  return {
    tripId: trip.id,
    customerId: trip.customerId,
    bookingReference: trip.bookingReference ?? '',
    components: tripComponents(segments),
    startsAt: trip.startsAt,
    endsAt: trip.endsAt,
    occurredAt,
  };
}
