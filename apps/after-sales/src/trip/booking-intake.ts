import type { BookingSnapshot } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Clock } from '@carebridge/service-kit';
import type { EntityManager } from 'typeorm';
import { checkBooking } from './booking-rules';
import type { TripBookings } from './trip-bookings';
import { type BookingIntent, TripStepSource } from './trip.enums';

/**
 * The reservation system's booking events, taken in: each state of a booking moves its trip on
 * (trip-bookings.ts), for the customer it belongs to now (a merged profile's survivor). A booking
 * breaking the rules between fields, or of a customer not known (yet), fails the event: it is
 * retried and then dead-lettered for replay (`npm run events:dead-letters`). A booking of an
 * erased customer is dropped.
 */
export class BookingIntake {
  constructor(
    private readonly bookings: TripBookings,
    private readonly customers: CustomerRecords,
    private readonly clock: Clock,
  ) {}

  async receive(manager: EntityManager, data: BookingSnapshot, intent: BookingIntent): Promise<void> {
    const booking = checkBooking(data, 'data', this.clock.now());
    const standing = await this.customers.standing(manager, booking.customerId);
    if (standing.state === 'ERASED') return;
    if (standing.state === 'UNKNOWN') throw new Error(`booking ${booking.bookingReference} is for customer ${booking.customerId}, who is not known (yet)`);
    await this.bookings.apply(manager, booking, intent, TripStepSource.BOOKING_EVENT, standing.id);
  }
}
