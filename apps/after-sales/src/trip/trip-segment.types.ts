import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { TripSegment } from './trip-segment.entity';
import { TripSegmentKind } from './trip.enums';

/** What every segment of a trip has; `startsAt`/`endsAt` span it whatever its kind. */
@InterfaceType('TripSegment', {
  description: 'A segment of a trip: a flight, a hotel stay, a tour or a transfer. Its id stays the same across changes of the booking.',
  resolveType: (segment: TripSegmentView) => SEGMENT_TYPE_NAMES[segment.kind],
})
export abstract class TripSegmentView {
  @Field(() => ID)
  id: string;

  @Field(() => TripSegmentKind)
  kind: TripSegmentKind;

  @Field(() => Int, { description: 'Its place in the booking (0 first).' })
  position: number;

  @Field(() => String, { nullable: true, description: "Its id in the reservation system, if it has one." })
  reference: string | null;

  @Field({ description: 'When it starts: departure, check-in, tour start or pick-up.' })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it ends: arrival, check-out, tour end or drop-off.' })
  endsAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set when a later state of the booking no longer holds it.' })
  removedAt: Date | null;
}

@ObjectType('FlightSegment', { implements: TripSegmentView, description: 'A flight, as scheduled.' })
export class FlightSegmentView extends TripSegmentView {
  @Field({ description: 'Airline code, e.g. LH.' })
  carrier: string;

  @Field({ description: 'e.g. 721' })
  flightNumber: string;

  @Field({ description: 'IATA code of the departure airport.' })
  origin: string;

  @Field({ description: 'IATA code of the arrival airport.' })
  destination: string;

  @Field({ description: 'Scheduled departure.' })
  departureAt: Date;

  @Field({ description: 'Scheduled arrival.' })
  arrivalAt: Date;

  @Field(() => Int, { nullable: true, description: 'Distance in km, if the reservation system gave it.' })
  distanceKm: number | null;
}

@ObjectType('HotelSegment', { implements: TripSegmentView, description: 'A hotel stay.' })
export class HotelSegmentView extends TripSegmentView {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166 country code.' })
  countryCode: string | null;

  @Field()
  checkInAt: Date;

  @Field()
  checkOutAt: Date;
}

@ObjectType('TourSegment', { implements: TripSegmentView, description: 'A tour or excursion.' })
export class TourSegmentView extends TripSegmentView {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'The tour operator or guide service.' })
  supplier: string | null;
}

@ObjectType('TransferSegment', { implements: TripSegmentView, description: 'A transfer between airport, station and hotel.' })
export class TransferSegmentView extends TripSegmentView {
  @Field({ description: 'Pick-up place; masked for roles without a need for it.' })
  from: string;

  @Field({ description: 'Drop-off place; masked for roles without a need for it.' })
  to: string;

  @Field(() => String, { nullable: true })
  supplier: string | null;

  @Field()
  pickupAt: Date;

  @Field(() => Date, { nullable: true })
  dropOffAt: Date | null;
}

const SEGMENT_TYPE_NAMES: Record<TripSegmentKind, string> = {
  FLIGHT: 'FlightSegment',
  HOTEL: 'HotelSegment',
  TOUR: 'TourSegment',
  TRANSFER: 'TransferSegment',
};

/** Every segment type, for the schema (an interface's implementations are not reached through a field). */
export const SEGMENT_TYPES = [FlightSegmentView, HotelSegmentView, TourSegmentView, TransferSegmentView];

/**
 * A stored segment as the graph shows it. `mask` hides what only people looking after the customer
 * need: the places a transfer picks them up and drops them off (an address may be their home).
 */
export function segmentView(segment: TripSegment, mask: (text: string | null) => string | null = (text) => text): TripSegmentView {
  const common = { id: segment.id, kind: segment.kind, position: segment.position, reference: segment.reference, startsAt: segment.startsAt, endsAt: segment.endsAt, removedAt: segment.removedAt };
  switch (segment.kind) {
    case 'FLIGHT':
      return Object.assign(new FlightSegmentView(), common, {
        carrier: segment.carrier,
        flightNumber: segment.flightNumber,
        origin: segment.origin,
        destination: segment.destination,
        departureAt: segment.startsAt,
        arrivalAt: segment.endsAt,
        distanceKm: segment.distanceKm,
      });
    case 'HOTEL':
      return Object.assign(new HotelSegmentView(), common, { name: segment.name, city: segment.city, countryCode: segment.countryCode, checkInAt: segment.startsAt, checkOutAt: segment.endsAt });
    case 'TOUR':
      return Object.assign(new TourSegmentView(), common, { name: segment.name, supplier: segment.supplier });
    case 'TRANSFER':
      return Object.assign(new TransferSegmentView(), common, {
        from: mask(segment.placeFrom),
        to: mask(segment.placeTo),
        supplier: segment.supplier,
        pickupAt: segment.startsAt,
        dropOffAt: segment.endsAt,
      });
  }
}
