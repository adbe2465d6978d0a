import { bookingCancelled, bookingChanged, bookingCompleted, bookingConfirmed, type BookingSnapshot, type EventContract } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { BookingIntake } from './booking-intake';
import { BookingIntent } from './trip.enums';

const INTENTS: [EventContract, BookingIntent][] = [
  [bookingConfirmed, BookingIntent.CONFIRMED],
  [bookingChanged, BookingIntent.CHANGED],
  [bookingCancelled, BookingIntent.CANCELLED],
  [bookingCompleted, BookingIntent.COMPLETED],
];

/**
 * The reservation system's booking.confirmed, .changed, .cancelled and .completed (inbound). The
 * consumer records each event once; a state no newer than the trip's changes nothing, so
 * redelivered and out-of-order events are harmless.
 */
export function onBookingEvents(intake: BookingIntake): EventHandler<any>[] {
  return INTENTS.map(([contract, intent]) => onEvent(contract, (event, manager) => intake.receive(manager, event.data as BookingSnapshot, intent)));
}
