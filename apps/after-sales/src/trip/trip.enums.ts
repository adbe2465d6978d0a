import { BOOKING_SEGMENT_KINDS, enumOf, type EnumValue, TRIP_STEP_SOURCES } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** Where a trip stands, as the reservation system last said (or, for COMPLETED, as its end passed). */
export const TripStatus = enumOf(['CONFIRMED', 'CANCELLED', 'COMPLETED']);
export type TripStatus = EnumValue<typeof TripStatus>;
registerEnumType(TripStatus, { name: 'TripStatus', description: 'Where a trip stands: CONFIRMED (will take place), CANCELLED, COMPLETED (the customer is back).' });

/** A part of a trip: the segments of its booking. */
export const TripSegmentKind = enumOf(BOOKING_SEGMENT_KINDS);
export type TripSegmentKind = EnumValue<typeof TripSegmentKind>;
registerEnumType(TripSegmentKind, { name: 'TripSegmentKind', description: 'A part of a trip: FLIGHT, HOTEL, TOUR or TRANSFER.' });

/** How after-sales learned of a step of a trip. */
export const TripStepSource = enumOf(TRIP_STEP_SOURCES);
export type TripStepSource = EnumValue<typeof TripStepSource>;
registerEnumType(TripStepSource, {
  name: 'TripStepSource',
  description: "How after-sales learned of a step: the reservation system's booking event, the bulk import, or its own schedule (the trip's end passed).",
});

/** What the reservation system said about a booking: its four events, or the status of an imported booking. */
export const BookingIntent = enumOf(['CONFIRMED', 'CHANGED', 'CANCELLED', 'COMPLETED']);
export type BookingIntent = EnumValue<typeof BookingIntent>;

