import type { BookingSegment } from '@carebridge/event-contracts';
import type { TripSegment } from './trip-segment.entity';

/** The columns of a stored segment that come from the booking. */
export type SegmentFields = Pick<
  TripSegment,
  | 'kind'
  | 'matchKey'
  | 'reference'
  | 'startsAt'
  | 'endsAt'
  | 'carrier'
  | 'flightNumber'
  | 'origin'
  | 'destination'
  | 'distanceKm'
  | 'name'
  | 'city'
  | 'countryCode'
  | 'supplier'
  | 'placeFrom'
  | 'placeTo'
>;

const COMPARED: (keyof SegmentFields)[] = [
  'reference',
  'startsAt',
  'endsAt',
  'carrier',
  'flightNumber',
  'origin',
  'destination',
  'distanceKm',
  'name',
  'city',
  'countryCode',
  'supplier',
  'placeFrom',
  'placeTo',
];

const day = (time: string) => new Date(time).toISOString().slice(0, 10);
const folded = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * What makes a segment the same one in the next state of a booking: the reservation system's own
 * segment id where it gives one; otherwise a flight is its number from its origin on its day of
 * departure (a retimed flight stays the same segment, one moved to another day is another), a stay
 * is the hotel and its check-in day, a tour its name and day, a transfer its route and day.
 */
export function matchKey(segment: BookingSegment): string {
  if (segment.reference) return `ref:${segment.reference.trim()}`;
  switch (segment.kind) {
    case 'FLIGHT':
      return `FLIGHT:${segment.carrier}${segment.flightNumber}:${segment.origin}:${day(segment.departureAt)}`;
    case 'HOTEL':
      return `HOTEL:${folded(segment.name)}:${day(segment.checkInAt)}`;
    case 'TOUR':
      return `TOUR:${folded(segment.name)}:${day(segment.startsAt)}`;
    case 'TRANSFER':
      return `TRANSFER:${folded(segment.from)}:${folded(segment.to)}:${day(segment.pickupAt)}`;
  }
}

/** A booking's segment as stored: every kind in the same columns, the others empty. */
export function segmentFields(segment: BookingSegment): SegmentFields {
  const empty = { carrier: null, flightNumber: null, origin: null, destination: null, distanceKm: null, name: null, city: null, countryCode: null, supplier: null, placeFrom: null, placeTo: null };
  const base = { ...empty, kind: segment.kind, matchKey: matchKey(segment), reference: segment.reference?.trim() || null };
  switch (segment.kind) {
    case 'FLIGHT':
      return {
        ...base,
        startsAt: new Date(segment.departureAt),
        endsAt: new Date(segment.arrivalAt),
        carrier: segment.carrier,
        flightNumber: segment.flightNumber,
        origin: segment.origin,
        destination: segment.destination,
        distanceKm: segment.distanceKm ?? null,
      };
    case 'HOTEL':
      return { ...base, startsAt: new Date(segment.checkInAt), endsAt: new Date(segment.checkOutAt), name: segment.name.trim(), city: segment.city?.trim() || null, countryCode: segment.countryCode ?? null };
    case 'TOUR':
      return { ...base, startsAt: new Date(segment.startsAt), endsAt: new Date(segment.endsAt), name: segment.name.trim(), supplier: segment.supplier?.trim() || null };
    case 'TRANSFER':
      return {
        ...base,
        startsAt: new Date(segment.pickupAt),
        endsAt: segment.dropOffAt ? new Date(segment.dropOffAt) : null,
        placeFrom: segment.from.trim(),
        placeTo: segment.to.trim(),
        supplier: segment.supplier?.trim() || null,
      };
  }
}

/** Whether a stored segment already says what the booking says. */
export function sameSegment(stored: TripSegment, fields: SegmentFields): boolean {
  return COMPARED.every((column) => {
    const a = stored[column];
    const b = fields[column];
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
  });
}
