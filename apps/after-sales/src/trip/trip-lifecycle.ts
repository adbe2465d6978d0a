import { BookingIntent, TripStatus } from './trip.enums';

/**
 * Where a newer state of a booking leads its trip, by the trip's status (NEW: a booking not seen
 * before) and what the reservation system said. The reservation system's latest word wins, except
 * that a change describes segments, not a status (a cancelled or completed trip stays so), and a
 * trip that ended is not confirmed again.
 */
export const NEXT_STATUS: Record<TripStatus | 'NEW', Record<BookingIntent, TripStatus>> = {
  NEW: {
    [BookingIntent.CONFIRMED]: TripStatus.CONFIRMED,
    [BookingIntent.CHANGED]: TripStatus.CONFIRMED,
    [BookingIntent.CANCELLED]: TripStatus.CANCELLED,
    [BookingIntent.COMPLETED]: TripStatus.COMPLETED,
  },
  [TripStatus.CONFIRMED]: {
    [BookingIntent.CONFIRMED]: TripStatus.CONFIRMED,
    [BookingIntent.CHANGED]: TripStatus.CONFIRMED,
    [BookingIntent.CANCELLED]: TripStatus.CANCELLED,
    [BookingIntent.COMPLETED]: TripStatus.COMPLETED,
  },
  // Confirmed again: the booking was reinstated.
  [TripStatus.CANCELLED]: {
    [BookingIntent.CONFIRMED]: TripStatus.CONFIRMED,
    [BookingIntent.CHANGED]: TripStatus.CANCELLED,
    [BookingIntent.CANCELLED]: TripStatus.CANCELLED,
    [BookingIntent.COMPLETED]: TripStatus.COMPLETED,
  },
  // Cancelled after all: a completion by schedule came before the reservation system's cancellation.
  [TripStatus.COMPLETED]: {
    [BookingIntent.CONFIRMED]: TripStatus.COMPLETED,
    [BookingIntent.CHANGED]: TripStatus.COMPLETED,
    [BookingIntent.CANCELLED]: TripStatus.CANCELLED,
    [BookingIntent.COMPLETED]: TripStatus.COMPLETED,
  },
};

/** A trip its schedule may complete once its end has passed: only a confirmed one. */
export const COMPLETABLE_BY_SCHEDULE: readonly TripStatus[] = [TripStatus.CONFIRMED];
