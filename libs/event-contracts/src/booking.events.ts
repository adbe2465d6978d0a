import { z } from 'zod';
import { defineEvent } from './contract';
import { TOPICS } from './topics';

/**
 * The inbound stream of the company's reservation system (T-1.4, T-4): bookings live there, not in
 * Carebridge, and after-sales learns from these events when a trip starts, changes and ends.
 *
 * Every event carries the whole booking as the reservation system holds it at `changedAt`, so a
 * consumer never needs an earlier event to make sense of a later one: a state older than the one
 * already applied is ignored, whatever order the events arrive in.
 */

/** The parts of a trip a booking can hold. */
export const BOOKING_SEGMENT_KINDS = ['FLIGHT', 'HOTEL', 'TOUR', 'TRANSFER'] as const;
export type BookingSegmentKind = (typeof BOOKING_SEGMENT_KINDS)[number];

/** A PNR (`X7K2PQ`) or an order number (`ORD-2026-0042`): capital letters, digits and dashes. */
export const BOOKING_REFERENCE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
export const BOOKING_REFERENCE_RULE = 'must be a booking reference (PNR or order number) of 2 to 40 capital letters, digits or dashes';
export const MAX_BOOKING_SEGMENTS = 50;

/** The message a field's own rule gives, and `is required` when it is missing. */
const said = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? 'is required' : message) });

const text = (max: number) =>
  z
    .string(said('must be text'))
    .regex(/\S/, { error: 'must not be blank' })
    .max(max, { error: `must be at most ${max} characters` });
const optionalText = (max: number) => text(max).nullable().optional();
const time = (example: string) => z.iso.datetime({ offset: true, ...said(`must be an ISO-8601 time with its offset, e.g. ${example}`) });
const airport = () => z.string(said('must be text')).regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter IATA airport code such as FRA' });
/** The segment's own id in the reservation system, when it has one: it keeps the segment recognisable across changes. */
const segmentReference = () => text(60).nullable().optional().describe("The segment's id in the reservation system, if it has one");

export const flightSegment = z.object({
  kind: z.literal('FLIGHT'),
  reference: segmentReference(),
  carrier: z.string(said('must be text')).regex(/^([A-Z0-9]{2}|[A-Z]{3})$/, { error: 'must be an airline code: 2 characters (IATA, LH) or 3 letters (ICAO, DLH)' }),
  flightNumber: z.string(said('must be text')).regex(/^[0-9]{1,4}[A-Z]?$/, { error: 'must be a flight number of 1 to 4 digits and an optional letter, e.g. 721' }),
  origin: airport(),
  destination: airport(),
  departureAt: time('2026-12-12T07:35:00+01:00').describe('Scheduled departure'),
  arrivalAt: time('2026-12-12T09:10:00+01:00').describe('Scheduled arrival'),
  distanceKm: z
    .number(said('must be a number'))
    .int({ error: 'must be a whole number of kilometres' })
    .min(1, { error: 'must be at least 1 km' })
    .max(20_000, { error: 'must be at most 20000 km' })
    .nullable()
    .optional()
    .describe('Great-circle distance, if the reservation system knows it'),
});

export const hotelSegment = z.object({
  kind: z.literal('HOTEL'),
  reference: segmentReference(),
  name: text(200),
  city: optionalText(100),
  countryCode: z.string(said('must be text')).regex(/^[A-Z]{2}$/, { error: 'must be a 2-letter ISO 3166 country code such as DE' }).nullable().optional(),
  checkInAt: time('2026-12-12T15:00:00+08:00'),
  checkOutAt: time('2026-12-19T11:00:00+08:00'),
});

export const tourSegment = z.object({
  kind: z.literal('TOUR'),
  reference: segmentReference(),
  name: text(200),
  supplier: optionalText(200).describe('The tour operator or guide service'),
  startsAt: time('2026-12-14T09:00:00+08:00'),
  endsAt: time('2026-12-14T17:00:00+08:00'),
});

export const transferSegment = z.object({
  kind: z.literal('TRANSFER'),
  reference: segmentReference(),
  from: text(200).describe('Pick-up place: airport, station or hotel'),
  to: text(200).describe('Drop-off place'),
  supplier: optionalText(200),
  pickupAt: time('2026-12-12T10:00:00+08:00'),
  dropOffAt: time('2026-12-12T11:00:00+08:00').nullable().optional(),
});

export const bookingSegment = z.discriminatedUnion('kind', [flightSegment, hotelSegment, tourSegment, transferSegment], {
  error: `must be one of ${BOOKING_SEGMENT_KINDS.join(', ')}`,
});
export type BookingSegment = z.infer<typeof bookingSegment>;

/** A booking as the reservation system holds it at `changedAt`. */
export const bookingSnapshot = z.object({
  bookingReference: z.string(said('must be text')).regex(BOOKING_REFERENCE_PATTERN, { error: BOOKING_REFERENCE_RULE }),
  customerId: z.uuid(said('must be a customer id (UUID)')).describe("crm's id of the customer who booked"),
  changedAt: time('2026-11-20T10:00:00Z').describe('When the reservation system recorded this state of the booking; a later state replaces an earlier one'),
  travellers: z.number(said('must be a number')).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(99, { error: 'must be at most 99' }).nullable().optional(),
  segments: z
    .array(bookingSegment, said('must be a list of segments'))
    .min(1, { error: 'must list at least one segment' })
    .max(MAX_BOOKING_SEGMENTS, { error: `must list at most ${MAX_BOOKING_SEGMENTS} segments` }),
});
export type BookingSnapshot = z.infer<typeof bookingSnapshot>;

const EXAMPLE_PRODUCER = 'Example producer: `npm run events:publish -- tools/bookings/examples/booking-events.json`; without Kafka, `npm run bookings:import` (docs/services/after-sales.md).';
const PERSONAL_DATA =
  "customerId (crm's pseudonymous id), the booking reference and the itinerary (flights, hotels, tours, transfers with their times), which after-sales needs to look after the trip; no names, contact or payment details";

const bookingEvent = (type: 'confirmed' | 'changed' | 'cancelled' | 'completed', description: string) =>
  defineEvent({
    type: `booking.${type}`,
    version: 1,
    producer: 'reservation-system',
    topic: TOPICS.booking,
    description: `${description} Inbound: published by the company's reservation system, consumed by after-sales. ${EXAMPLE_PRODUCER}`,
    schema: bookingSnapshot,
    key: (data) => data.bookingReference,
    personalData: PERSONAL_DATA,
    inbound: true,
  });

export const bookingConfirmed = bookingEvent('confirmed', 'A booking was confirmed: the trip it describes will take place.');
export const bookingChanged = bookingEvent('changed', 'A confirmed booking changed (segments added, removed, retimed); carries the whole booking as it now stands.');
export const bookingCancelled = bookingEvent('cancelled', 'A booking was cancelled: the trip will not take place.');
export const bookingCompleted = bookingEvent('completed', 'The trip of a booking has ended (the traveller is back).');

/** The four booking events, in the order of a booking's life. */
export const BOOKING_EVENTS = [bookingConfirmed, bookingChanged, bookingCancelled, bookingCompleted] as const;
