import { z } from 'zod';
import { BOOKING_SEGMENT_KINDS } from './booking.events';
import { defineEvent, field } from './contract';
import { defineCustomerExportPrepared } from './customer-export';
import { defineCustomerTimelineEntry } from './customer-timeline';
import { TOPICS } from './topics';

// ---------------------------------------------------------------------------------------------
// Trips: what after-sales knows of a booking once it turns into a trip (T-1.4, T-4).
// ---------------------------------------------------------------------------------------------

/** How after-sales learned of a step: a booking event, the bulk import, or its own schedule (a trip whose end has passed). */
export const TRIP_STEP_SOURCES = ['BOOKING_EVENT', 'IMPORT', 'SCHEDULE'] as const;

const trip = {
  tripId: field.id(),
  bookingReference: z.string(),
  customerId: field.id(),
  /** First segment's start and last segment's end: when the customer leaves and is back. */
  startsAt: field.time(),
  endsAt: field.time(),
  /** The kinds of segment the trip holds, e.g. [FLIGHT, HOTEL]: what a follow-up survey asks about. */
  components: z.array(z.enum(BOOKING_SEGMENT_KINDS)),
  via: z.enum(TRIP_STEP_SOURCES),
};
const TRIP_PERSONAL_DATA = 'customerId (pseudonymous) and the booking reference, so that follow-up, incidents and crm can refer to the trip; no itinerary';

export const tripConfirmed = defineEvent({
  type: 'trip.confirmed',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.trip,
  description: 'After-sales learned of a confirmed booking (or of a cancelled one being reinstated): the trip will take place.',
  schema: z.object({ ...trip, confirmedAt: field.time(), reinstated: z.boolean() }),
  key: (data) => data.tripId,
  personalData: TRIP_PERSONAL_DATA,
});

export const tripChanged = defineEvent({
  type: 'trip.changed',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.trip,
  description: 'The booking of a trip changed: segments were added, removed or retimed. Carries the counts and the new start and end.',
  schema: z.object({
    ...trip,
    changedAt: field.time(),
    segmentsAdded: z.number().int().min(0),
    segmentsRemoved: z.number().int().min(0),
    segmentsChanged: z.number().int().min(0),
  }),
  key: (data) => data.tripId,
  personalData: TRIP_PERSONAL_DATA,
});

export const tripCancelled = defineEvent({
  type: 'trip.cancelled',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.trip,
  description: 'The booking of a trip was cancelled: the trip will not take place.',
  schema: z.object({ ...trip, cancelledAt: field.time() }),
  key: (data) => data.tripId,
  personalData: TRIP_PERSONAL_DATA,
});

export const tripCompleted = defineEvent({
  type: 'trip.completed',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.trip,
  description:
    'A trip has ended: the reservation system said so, or its end passed by AFTER_SALES_TRIP_COMPLETION_DELAY_HOURS (via SCHEDULE). Post-trip follow-up starts from here (T-4.1); endsAt is when the customer returned.',
  schema: z.object({ ...trip, completedAt: field.time() }),
  key: (data) => data.tripId,
  personalData: TRIP_PERSONAL_DATA,
});

// ---------------------------------------------------------------------------------------------
// The customer's records in after-sales: their data export part and their timeline in crm.
// ---------------------------------------------------------------------------------------------

export const afterSalesCustomerExportPrepared = defineCustomerExportPrepared('after-sales', TOPICS.afterSalesCustomerExport);

export const afterSalesCustomerTimelineEntry = defineCustomerTimelineEntry('after-sales');
