import type { BookingSnapshot } from '@carebridge/event-contracts';
import type { Clock } from '@carebridge/service-kit';
import type { EntityManager } from 'typeorm';
import { type SegmentFields, sameSegment, segmentFields } from './booking-segments';
import type { SegmentChanges, TripAnnouncements } from './trip-announcements';
import { NEXT_STATUS } from './trip-lifecycle';
import { TripSegment } from './trip-segment.entity';
import { Trip } from './trip.entity';
import { type BookingIntent, TripStatus, type TripStepSource } from './trip.enums';

/** What a state of a booking did to its trip. */
export type BookingOutcome =
  /** A booking not seen before: a new trip. */
  | 'CREATED'
  /** A newer state: the trip follows it. */
  | 'UPDATED'
  /** The state the trip already holds (the same changedAt): nothing to do. */
  | 'UNCHANGED'
  /** An older state than the trip holds, arriving late: ignored. */
  | 'STALE';

export interface AppliedBooking {
  trip: Trip;
  outcome: BookingOutcome;
}

/**
 * Trips following their bookings (T-1.4, T-4). Each state of a booking the reservation system
 * sends — by event or by import — is the whole booking as of `changedAt`: a newer one replaces the
 * trip's segments and moves its status along the lifecycle table, an older or equal one is left
 * alone. So redelivered and out-of-order events are harmless, and an import of a booking already
 * known by event changes nothing. Segments keep their ids across changes (booking-segments.ts).
 */
export class TripBookings {
  constructor(
    private readonly clock: Clock,
    private readonly announcements: TripAnnouncements,
  ) {}

  /** Applies one state of a booking, for the customer it now belongs to (a merged profile's survivor), in the caller's transaction. */
  async apply(manager: EntityManager, booking: BookingSnapshot, intent: BookingIntent, via: TripStepSource, customerId: string): Promise<AppliedBooking> {
    const reference = booking.bookingReference;
    // One booking at a time, including its first state, which has no row to lock yet.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('after-sales.trip'), hashtext($1))`, [reference]);
    const existing = await manager.findOne(Trip, { where: { bookingReference: reference }, lock: { mode: 'pessimistic_write' } });
    const changedAt = new Date(booking.changedAt);
    if (existing && changedAt.getTime() <= existing.bookingChangedAt.getTime()) {
      return { trip: existing, outcome: changedAt.getTime() === existing.bookingChangedAt.getTime() ? 'UNCHANGED' : 'STALE' };
    }
    const now = this.clock.now();
    const from = existing?.status ?? 'NEW';
    const status = NEXT_STATUS[from][intent];
    const trip =
      existing ??
      manager.create(Trip, {
        bookingReference: reference,
        createdAt: now,
        confirmedAt: null,
        cancelledAt: null,
        completedAt: null,
        completedVia: null,
        anonymisedAt: null,
      });
    const before = existing ? { startsAt: existing.startsAt.getTime(), endsAt: existing.endsAt.getTime(), customerId: existing.customerId, travellers: existing.travellers } : undefined;
    Object.assign(trip, { customerId, travellers: booking.travellers ?? null, bookingChangedAt: changedAt, lastChangeVia: via, updatedAt: now, status });
    if (status !== from) {
      if (status === TripStatus.CONFIRMED) Object.assign(trip, { confirmedAt: changedAt, cancelledAt: null });
      if (status === TripStatus.CANCELLED) Object.assign(trip, { cancelledAt: changedAt, completedAt: null, completedVia: null });
      if (status === TripStatus.COMPLETED) Object.assign(trip, { completedAt: changedAt, completedVia: via, cancelledAt: null });
    }
    // Times first from the booking, so that a new trip can be saved before its segments.
    const fields = booking.segments.map(segmentFields);
    trip.startsAt = new Date(Math.min(...fields.map((f) => f.startsAt.getTime())));
    trip.endsAt = new Date(Math.max(...fields.map((f) => (f.endsAt ?? f.startsAt).getTime())));
    const saved = await manager.save(trip);
    const { segments, changes } = await this.syncSegments(manager, saved.id, fields, changedAt);

    if (!existing || status !== from) {
      await this.announceStatus(manager, saved, segments, via, from);
    } else {
      const retimed = before && (before.startsAt !== saved.startsAt.getTime() || before.endsAt !== saved.endsAt.getTime());
      const moved = before && (before.customerId !== saved.customerId || before.travellers !== saved.travellers);
      if (changes.added || changes.removed || changes.changed || retimed || moved) await this.announcements.changed(manager, saved, segments, via, changes);
    }
    return { trip: saved, outcome: existing ? 'UPDATED' : 'CREATED' };
  }

  private announceStatus(manager: EntityManager, trip: Trip, segments: TripSegment[], via: TripStepSource, from: TripStatus | 'NEW'): Promise<void> {
    if (trip.status === TripStatus.CONFIRMED) return this.announcements.confirmed(manager, trip, segments, via, from === TripStatus.CANCELLED);
    if (trip.status === TripStatus.CANCELLED) return this.announcements.cancelled(manager, trip, segments, via);
    return this.announcements.completed(manager, trip, segments, via);
  }

  /**
   * The trip's segments as the booking now lists them: a segment recognised by its match key keeps
   * its id (and comes back if it had been removed), a new one is added, one no longer listed is
   * marked removed at the booking's `changedAt`.
   */
  private async syncSegments(manager: EntityManager, tripId: string, fields: SegmentFields[], changedAt: Date): Promise<{ segments: TripSegment[]; changes: SegmentChanges }> {
    const stored = await manager.find(TripSegment, { where: { tripId } });
    const byKey = new Map(stored.map((segment) => [segment.matchKey, segment]));
    const changes: SegmentChanges = { added: 0, removed: 0, changed: 0 };
    const listed = new Set<string>();
    const touched: TripSegment[] = [];
    fields.forEach((segment, position) => {
      listed.add(segment.matchKey);
      const known = byKey.get(segment.matchKey);
      if (!known) {
        changes.added++;
        touched.push(manager.create(TripSegment, { ...segment, tripId, position, removedAt: null }));
        return;
      }
      if (known.removedAt) changes.added++;
      else if (!sameSegment(known, segment)) changes.changed++;
      if (known.removedAt || known.position !== position || !sameSegment(known, segment)) touched.push(Object.assign(known, segment, { position, removedAt: null }));
    });
    for (const segment of stored) {
      if (listed.has(segment.matchKey) || segment.removedAt) continue;
      changes.removed++;
      touched.push(Object.assign(segment, { removedAt: changedAt }));
    }
    // One by one: TypeORM saves a list's updates concurrently, which one connection cannot do.
    for (const segment of touched) await manager.save(segment);
    const segments = await manager.find(TripSegment, { where: { tripId }, order: { position: 'ASC' } });
    return { segments, changes };
  }
}
